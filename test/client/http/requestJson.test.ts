import { anyOf, arrayOf, number, object, string } from '../../../src/client/shape.ts';
import { describe, expect, it, vi } from 'vitest';
import { requestJson, retryAfterMs } from '../../../src/client/http/requestJson.ts';
import { UserlensError } from '../../../src/client/errors.ts';

const schema = object({ data: arrayOf(object({ userId: string, count: anyOf([number, string], 'a number or a string') })) });
const endpoint = 'GET /api/public/v2/metrics';
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that answers from a script, one entry per call, recording each call. */
function scripted(...answers: (Response | Error | 'hang')[]) {
  const calls: RequestInit[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init!);
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers scripted');
    if (next === 'hang') {
      return new Promise<Response>((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)));
    }
    if (next instanceof Error) throw next;
    return next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, mock: fetch };
}

const noSleep = () => {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
};

async function failure(promise: Promise<unknown>): Promise<UserlensError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserlensError);
  return error as UserlensError;
}

describe('requestJson', () => {
  it('returns the payload as it came once it fits the shape, fields it does not name included', async () => {
    const { fetch, calls } = scripted(json({ data: [{ userId: 'ana', count: '12', extra: true }], meta: {} }));
    const result = await requestJson('https://x/api', { schema, endpoint, fetch });
    expect(result).toEqual({ data: [{ userId: 'ana', count: '12', extra: true }], meta: {} });
    expect(calls[0]!.method).toBe('GET');
  });

  it('retries 500 and 502 with growing backoff, then succeeds', async () => {
    const { fetch, mock } = scripted(json('boom', 500), json('bad gateway', 502), json({ data: [] }));
    const { waits, sleep } = noSleep();
    await expect(requestJson('https://x', { schema, endpoint, fetch, sleep, random: () => 0 })).resolves.toEqual({ data: [] });
    expect(mock).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([300, 600]);
  });

  it('gives up after the retries with an error naming the endpoint and status', async () => {
    const { fetch, mock } = scripted(json('', 503), json('', 503), json('', 503));
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch, sleep: noSleep().sleep }));
    expect(mock).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({ code: 'network', status: 503, where: endpoint });
    expect(error.message).toContain('GET /api/public/v2/metrics answered 503');
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const { fetch } = scripted(json('', 429, { 'retry-after': '2' }), json({ data: [] }));
    const { waits, sleep } = noSleep();
    await expect(requestJson('https://x', { schema, endpoint, fetch, sleep })).resolves.toEqual({ data: [] });
    expect(waits).toEqual([2000]);
  });

  it('surfaces a rate limit that asks for longer than the bound, saying when to try again', async () => {
    const { fetch, mock } = scripted(json('', 429, { 'retry-after': '120' }));
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch, sleep: noSleep().sleep }));
    expect(mock).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 120_000 });
    expect(error.message).toContain('Try again in 120 s');
  });

  it('bounds 429 retries by `retries`: a server that always answers 429 is asked retries + 1 times', async () => {
    // Answers 429 forever; the cap only keeps a runaway loop from spinning until the test timeout.
    let asked = 0;
    const fetch = (async () => {
      if (++asked > 50) throw new Error('still asking after 50 calls');
      return json('', 429, { 'retry-after': '1' });
    }) as unknown as typeof globalThis.fetch;
    const { waits, sleep } = noSleep();
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch, sleep, retry: { retries: 3 } }));
    expect(asked).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 1000 });
  });

  it('waits for a Retry-After exactly at maxRetryAfterMs', async () => {
    const { fetch, mock } = scripted(json('', 429, { 'retry-after': '2' }), json({ data: [] }));
    const { waits, sleep } = noSleep();
    await expect(requestJson('https://x', { schema, endpoint, fetch, sleep, retry: { maxRetryAfterMs: 2000 } })).resolves.toEqual({ data: [] });
    expect(mock).toHaveBeenCalledTimes(2);
    expect(waits).toEqual([2000]);
  });

  it.each([
    ['one ms above', '2', 1999],
    ['one second above', '3', 2000],
  ])('gives up on a Retry-After %s maxRetryAfterMs', async (_, header, maxRetryAfterMs) => {
    const { fetch, mock } = scripted(json('', 429, { 'retry-after': header }), json({ data: [] }));
    const { waits, sleep } = noSleep();
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch, sleep, retry: { maxRetryAfterMs } }));
    expect(mock).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: Number(header) * 1000 });
  });

  it('times out, retries, then reports a timeout', async () => {
    const { fetch, mock } = scripted('hang', 'hang', 'hang');
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch, timeoutMs: 20, sleep: noSleep().sleep }));
    expect(mock).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toContain('did not answer within 20 ms');
  });

  it('rejects with the caller’s abort reason at once, without retrying', async () => {
    const { fetch, mock } = scripted('hang', json({ data: [] }));
    const controller = new AbortController();
    const pending = requestJson('https://x', { schema, endpoint, fetch, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(mock).toHaveBeenCalledTimes(1);
  });

  it('retries network failures, then reports them', async () => {
    const { fetch, mock } = scripted(new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed'));
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch, sleep: noSleep().sleep }));
    expect(mock).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({ code: 'network' });
    expect(error.message).toContain('could not be reached (fetch failed)');
  });

  it.each([
    ['malformed', '{"data": [oops'],
    ['truncated', '{"data": [{"userId": "ana", "cou'],
  ])('reports %s JSON as an invalid response', async (_, body) => {
    const { fetch } = scripted(new Response(body, { status: 200 }));
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch }));
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
    expect(error.message).toContain('not JSON');
  });

  it('names the offending field of a payload of the wrong shape', async () => {
    const { fetch } = scripted(json({ data: [{ userId: 'ana', count: 1 }, { userId: null, count: 2 }] }));
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch }));
    expect(error).toMatchObject({ code: 'invalid_response', field: 'data.1.userId' });
    expect(error.message).toContain(`${endpoint} answered 200 with an unexpected payload at data.1.userId: expected a string`);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'network'],
  ])('does not retry %i and reports it as %s', async (status, code) => {
    const { fetch, mock } = scripted(json('', status));
    const error = await failure(requestJson('https://x', { schema, endpoint, fetch }));
    expect(mock).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code, status });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
