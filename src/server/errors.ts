/** A step that already has the complete answer (e.g. an upstream failure met while checking the scope). */
export class ProxyAnswer extends Error {
  readonly response: Response;

  constructor(response: Response) {
    super('answered');
    this.name = 'ProxyAnswer';
    this.response = response;
  }
}
