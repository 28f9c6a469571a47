/**
 * Bytes of upstream answers held at once across every request in flight. `maxResponseBytes`
 * bounds one answer; this bounds their sum, so many concurrent large answers cannot take the
 * host's memory with them. A read that would pass the bound is abandoned (the proxy answers 503
 * with `Retry-After`) rather than waited on: waiting could leave every reader holding part of
 * an answer and none able to finish.
 */
export class ByteBudget {
  private held = 0;
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** Reserves `bytes`; false (and nothing reserved) when that would pass the bound. */
  reserve(bytes: number): boolean {
    if (this.held + bytes > this.max) return false;
    this.held += bytes;
    return true;
  }

  release(bytes: number): void {
    this.held -= bytes;
  }
}
