// @vitest-environment node
import fc from 'fast-check';
import { arrayOf, object, string } from '../../../src/client/shape.ts';
import { describe, expect, it } from 'vitest';
import { UserlensError } from '../../../src/client/errors.ts';
import { requestJson } from '../../../src/client/http/requestJson.ts';

/**
 * While the body of a 200 is read, three things can end it early: the caller's abort, the
 * attempt's timeout, or a body that is not JSON. Each must be told apart, wherever in the body
 * it happens, whether or not the fetch ties its body to the request's signal.
 */

const schema = object({ data: arrayOf(object({ userId: string })) });
const endpoint = 'GET /api/public/v2/metrics';
const PAYLOAD = JSON.stringify({ data: [{ userId: 'ana' }, { userId: 'bo' }, { userId: 'cy' }] });

/** The payload cut into `pieces` chunks (the last may be empty). */
function chunksOf(text: string, pieces: number): string[] {
  const size = Math.ceil(text.length / pieces);
  return Array.from({ length: pieces }, (_, i) => text.slice(i * size, (i + 1) * size));
}

/**
 * A 200 whose body sends the first `sent` chunks, then calls `onStall` and sends nothing more.
 * With `tied`, the body errors with the signal's reason once it aborts, as a real fetch's does;
 * without, it stalls for good, as an injected fetch's may.
 */
function stallingResponse(chunks: string[], sent: number, signal: AbortSignal, tied: boolean, onStall: () => void = () => {}): Response {
  const encoder = new TextEncoder();
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (tied) signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
    },
    pull(controller) {
      if (pulls < sent) {
        controller.enqueue(encoder.encode(chunks[pulls++]!));
        return;
      }
      onStall();
      return new Promise<void>(() => {});
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

const noSleep = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

const bodyCase = fc.record({
  pieces: fc.integer({ min: 1, max: 8 }),
  tied: fc.boolean(),
  /** How many chunks arrive before the body stalls: from none to all but the last. */
  sentShare: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});
const sentOf = ({ pieces, sentShare }: { pieces: number; sentShare: number }) => Math.floor(sentShare * pieces);

describe('requestJson — reading the body', () => {
  it('rejects with the caller’s own abort reason when it aborts while the body arrives, after one request', async () => {
    await fc.assert(
      fc.asyncProperty(bodyCase, fc.oneof(fc.string(), fc.constant(undefined)), async (body, label) => {
        const controller = new AbortController();
        const reason = label === undefined ? undefined : new Error(label);
        let calls = 0;
        const fetch = (async (_url: string, init: RequestInit) => {
          calls++;
          return stallingResponse(chunksOf(PAYLOAD, body.pieces), sentOf(body), init.signal!, body.tied, () => controller.abort(reason));
        }) as unknown as typeof globalThis.fetch;
        const { waits, sleep } = noSleep();
        const error = await requestJson('https://x.test/api', { schema, endpoint, fetch, sleep, signal: controller.signal }).catch((e: unknown) => e);
        // The very object the caller's signal carries (a DOMException AbortError when none was given).
        expect(error).toBe(controller.signal.reason);
        expect(calls).toBe(1);
        expect(waits).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('treats a timeout while the body trickles in as a timeout: retried, then reported as `timeout`', async () => {
    await fc.assert(
      fc.asyncProperty(bodyCase, fc.integer({ min: 0, max: 2 }), async (body, retries) => {
        let calls = 0;
        const fetch = (async (_url: string, init: RequestInit) => {
          calls++;
          return stallingResponse(chunksOf(PAYLOAD, body.pieces), sentOf(body), init.signal!, body.tied);
        }) as unknown as typeof globalThis.fetch;
        const { waits, sleep } = noSleep();
        const error = await requestJson('https://x.test/api', { schema, endpoint, fetch, sleep, timeoutMs: 5, retry: { retries }, random: () => 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UserlensError);
        expect(error).toMatchObject({ code: 'timeout', where: endpoint });
        expect((error as Error).message).toContain('did not answer within 5 ms');
        expect(calls).toBe(retries + 1);
        expect(waits).toEqual([300, 600].slice(0, retries));
      }),
      { numRuns: 25 },
    );
  });

  it('answers once a retry gets the whole body after a body that timed out', async () => {
    await fc.assert(
      fc.asyncProperty(bodyCase, async (body) => {
        let calls = 0;
        const fetch = (async (_url: string, init: RequestInit) => {
          calls++;
          if (calls === 1) return stallingResponse(chunksOf(PAYLOAD, body.pieces), sentOf(body), init.signal!, body.tied);
          return new Response(PAYLOAD, { status: 200 });
        }) as unknown as typeof globalThis.fetch;
        const result = await requestJson('https://x.test/api', { schema, endpoint, fetch, sleep: noSleep().sleep, timeoutMs: 5 });
        expect(result.data.map((row) => row.userId)).toEqual(['ana', 'bo', 'cy']);
        expect(calls).toBe(2);
      }),
      { numRuns: 15 },
    );
  });

  it('reports a body that ends before its JSON does as `invalid_response`, at once and without retrying', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: PAYLOAD.length - 1 }), async (cut) => {
        let calls = 0;
        const fetch = (async () => {
          calls++;
          return new Response(PAYLOAD.slice(0, cut), { status: 200 });
        }) as unknown as typeof globalThis.fetch;
        const error = await requestJson('https://x.test/api', { schema, endpoint, fetch, sleep: noSleep().sleep }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'invalid_response', where: endpoint, status: 200 });
        expect((error as Error).message).toContain('not JSON');
        expect(calls).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it('retries a body the connection breaks off, then reports it as a network failure', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(PAYLOAD.slice(0, 9)));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const error = await requestJson('https://x.test/api', { schema, endpoint, fetch, sleep: noSleep().sleep }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', where: endpoint });
    expect((error as Error).message).toContain('broke off its answer (terminated)');
    expect(calls).toBe(3);
  });
});
