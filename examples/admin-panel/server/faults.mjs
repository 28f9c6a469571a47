// A switch in front of the Langfuse stand-in, for the end-to-end tests and for trying the views'
// error states by hand: the next `count` answers fail (500), are rate limited (429 with
// Retry-After) or come slowly. Only when the server is started with faults enabled.
export function createFaults() {
  let fault = null;
  return {
    set(next) {
      fault = next && next.kind ? { kind: next.kind, count: next.count ?? Infinity, delayMs: next.delayMs ?? 1500, retryAfter: next.retryAfter ?? 1 } : null;
    },
    /** Wraps the stand-in's handler. */
    wrap(handler) {
      return async (request) => {
        const current = fault;
        if (!current || current.count <= 0) return handler(request);
        current.count -= 1;
        if (current.kind === 'error') return Response.json({ message: 'Internal Server Error' }, { status: 500 });
        if (current.kind === 'rate-limit') {
          return Response.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { 'retry-after': String(current.retryAfter) } });
        }
        await new Promise((resolve) => setTimeout(resolve, current.delayMs));
        return handler(request);
      };
    },
  };
}
