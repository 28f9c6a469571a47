/**
 * Error answers. Handlers throw `FakeHttpError`; the router turns it into a JSON `{ message }`
 * response, the shape Langfuse's public API uses for 4xx bodies.
 */
export class FakeHttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'FakeHttpError';
    this.status = status;
  }
}

/** 400 with a message that names the parameter and what was wrong with it. */
export function badRequest(message: string): FakeHttpError {
  return new FakeHttpError(400, message);
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function errorResponse(status: number, message: string): Response {
  return jsonResponse({ message }, status);
}
