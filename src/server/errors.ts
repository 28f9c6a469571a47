/**
 * A refusal the proxy answers with: any step may throw one, and the handler turns it into a
 * JSON `{ error }` response. Messages go to the browser, so they never carry a key, an
 * upstream URL or an upstream error text.
 */
export class ProxyRefusal extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ProxyRefusal';
    this.status = status;
  }
}

export function badRequest(message: string): ProxyRefusal {
  return new ProxyRefusal(400, message);
}

export function forbidden(message: string): ProxyRefusal {
  return new ProxyRefusal(403, message);
}

/** A step that already has the complete answer (e.g. an upstream failure met while checking the scope). */
export class ProxyAnswer extends Error {
  readonly response: Response;

  constructor(response: Response) {
    super('answered');
    this.name = 'ProxyAnswer';
    this.response = response;
  }
}
