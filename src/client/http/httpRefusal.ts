/**
 * A refusal an HTTP handler answers with, for the proxy (`userlens/server`) and the Langfuse
 * fake (`userlens/testing`) alike: any step of a handler may throw one, and the handler turns it
 * into a JSON error response with `status` and the message, in its own body shape.
 */
export class HttpRefusal extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpRefusal';
    this.status = status;
  }
}

/** 400 with a message that names the parameter and what was wrong with it. */
export function badRequest(message: string): HttpRefusal {
  return new HttpRefusal(400, message);
}

export function forbidden(message: string): HttpRefusal {
  return new HttpRefusal(403, message);
}
