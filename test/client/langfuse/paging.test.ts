// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLangfuseClient, type LangfuseClientOptions } from '../../../src/core.ts';
import { BASE_URL, TEST_NOW, endpointOf } from './harness.ts';

/**
 * Every list the detail view reads ends: a source whose pages go round (a cursor it gave
 * before), make no progress (no row the earlier pages lacked) or never run out is reported as
 * `invalid_response` naming the endpoint, after a few requests — not after thousands, not never.
 */

const USER = 'u-1';
const AT = '2026-10-01T10:00:00.000Z';
const OBSERVATIONS = '/api/public/v2/observations';
const SCORES = '/api/public/v3/scores';
const METRICS = '/api/public/v2/metrics';
/** The scores on the user's sessions (`sessionScores: true`): the one list on v4 that pages. */
const SESSION_SCORES = `${SCORES} (sessions)`;
const LEGACY = { traces: '/api/public/traces', observations: '/api/public/observations', scores: '/api/public/v2/scores' } as const;

const rowsOf: Record<string, (id: string) => object> = {
  // Each observation the root of its own trace, whose id it shares.
  [OBSERVATIONS]: (id) => ({ id, traceId: id, startTime: AT, type: 'SPAN', isRootObservation: true, userId: USER, sessionId: 'sess-1' }),
  [SCORES]: (id) => ({ id, name: 'quality', dataType: 'NUMERIC', source: 'API', timestamp: AT, value: 1, subject: { kind: 'trace', id: 't-1' } }),
  [SESSION_SCORES]: (id) => ({ id, name: 'quality', dataType: 'NUMERIC', source: 'API', timestamp: AT, value: 1, subject: { kind: 'session', id: 'sess-1' } }),
  [LEGACY.traces]: (id) => ({ id, timestamp: AT, userId: USER }),
  [LEGACY.observations]: (id) => ({ id, traceId: 't-1', type: 'SPAN', startTime: AT }),
  [LEGACY.scores]: (id) => ({ id, traceId: 't-1', name: 'quality', dataType: 'NUMERIC', source: 'API', timestamp: AT, value: 1 }),
};
/** What the well-behaved lists answer: one page with trace `t-1`, an observation and a score of it. */
const WELL: Record<string, Page> = {
  [OBSERVATIONS]: { ids: ['t-1'], next: null },
  [SCORES]: { ids: ['s-1'], next: null },
  [LEGACY.traces]: { ids: ['t-1'], next: null },
  [LEGACY.observations]: { ids: ['o-1'], next: null },
  [LEGACY.scores]: { ids: ['s-1'], next: null },
};
const isCursorList = (endpoint: string) => endpoint === OBSERVATIONS || endpoint === SCORES || endpoint === SESSION_SCORES;

/** One page a misbehaving list answers: row ids, and whether (and which) next page it names. */
interface Page {
  ids: string[];
  /** A cursor, or for legacy lists any non-null value: more follow. */
  next: string | null;
}

/**
 * A Langfuse whose list at `faulty` answers `script(n)` for its n-th request (from 1), and whose
 * other lists answer `WELL`. Past `runaway` requests to one list it answers 400, so a loop that
 * would not end fails the test instead of hanging it.
 */
function source(faulty: string, script: (n: number) => Page, options: Partial<LangfuseClientOptions> = {}, runaway = 300) {
  const counts = new Map<string, number>();
  const fetch = (async (input: string) => {
    const url = new URL(input);
    const endpoint = endpointOf(url) === SCORES && url.searchParams.has('sessionId') ? SESSION_SCORES : endpointOf(url);
    const n = (counts.get(endpoint) ?? 0) + 1;
    counts.set(endpoint, n);
    if (n > runaway) return Response.json({ message: `still asking after ${runaway} requests` }, { status: 400 });
    // A heavy user's figures: no rows, which is all these tests need of them.
    if (endpoint === METRICS) return Response.json({ data: [] });
    const page = endpoint === faulty ? script(n) : WELL[endpoint]!;
    const data = page.ids.map(rowsOf[endpoint]!);
    if (isCursorList(endpoint)) return Response.json({ data, meta: page.next === null ? { limit: 100 } : { limit: 100, cursor: page.next } });
    // A legacy list that says more follow claims a million pages.
    const totalPages = page.next === null ? n : 1_000_000;
    return Response.json({ data, meta: { page: n, limit: 100, totalItems: totalPages * 100, totalPages } });
  }) as unknown as typeof globalThis.fetch;
  const api = isCursorList(faulty) ? 'v4' : 'legacy';
  const client = createLangfuseClient({ baseUrl: BASE_URL, fetch, api, retry: { retries: 0 }, now: () => TEST_NOW, sessionScores: faulty === SESSION_SCORES, ...options });
  return { client, requestsTo: (endpoint: string) => counts.get(endpoint) ?? 0 };
}

const endpointName = (path: string) => `GET ${path.replace(' (sessions)', '')}`;
const fresh = (page: number, count: number) => Array.from({ length: count }, (_, i) => `p${page}-r${i}`);
// On v4 the user's observations and their traces' scores are one page each, whatever they say
// follows: only the scores on their sessions page on.
const CURSOR_LISTS = [SESSION_SCORES] as const;
const ALL_LISTS = [...CURSOR_LISTS, LEGACY.traces, LEGACY.observations, LEGACY.scores] as const;

/** Pages that go round: g good pages, then a cursor the list gave before (the same as sent, or older). */
const cursorCycle = fc
  .record({ good: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 3 }), back: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }) })
  .map(({ good, rows, back }) => ({ good, rows, backTo: 1 + Math.floor(back * good) }));

/**
 * Pages without progress: g good pages, then one with only rows seen before that still says more
 * follow — or, on a cursor list, none at all (an empty page ends a page-numbered list).
 */
const stalePage = (list: string) =>
  fc.integer({ min: 1, max: 6 }).chain((good) =>
    fc.record({
      good: fc.constant(good),
      rows: fc.integer({ min: 1, max: 3 }),
      repeated: fc.array(fc.tuple(fc.integer({ min: 1, max: good }), fc.nat({ max: 2 })), { minLength: isCursorList(list) ? 0 : 1, maxLength: 4 }),
    }),
  );

describe('Langfuse client — every paging loop ends', () => {
  it.each(CURSOR_LISTS)('%s: a cursor given before ends the read after the page that repeats it', async (list) => {
    await fc.assert(
      fc.asyncProperty(cursorCycle, async ({ good, rows, backTo }) => {
        // Fresh rows on every page: only the cursor goes round (the case that cost 20,001 requests).
        const { client, requestsTo } = source(list, (n) => ({ ids: fresh(n, rows), next: n <= good ? `c${n}` : `c${backTo}` }));
        const error = await client.getUser(USER).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'invalid_response', where: endpointName(list), field: 'meta.cursor' });
        expect((error as Error).message).toContain('a cursor it had given before');
        expect(requestsTo(list)).toBe(good + 1);
      }),
      { numRuns: 40 },
    );
  });

  it.each(ALL_LISTS)('%s: a page that brings no new row yet says more follow ends the read there', async (list) => {
    await fc.assert(
      fc.asyncProperty(stalePage(list), async ({ good, rows, repeated }) => {
        const ids = repeated.map(([page, row]) => `p${page}-r${Math.min(row, rows - 1)}`);
        const { client, requestsTo } = source(list, (n) => ({ ids: n <= good ? fresh(n, rows) : ids, next: `c${n}` }));
        const error = await client.getUser(USER).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'invalid_response', where: endpointName(list), field: 'data' });
        expect((error as Error).message).toContain('no record that earlier pages lacked');
        expect(requestsTo(list)).toBe(good + 1);
      }),
      { numRuns: 30 },
    );
  });

  it.each(ALL_LISTS)('%s: a list that never runs out stops at maxPagesPerList pages', async (list) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 3 }), async (maxPagesPerList, rows) => {
        const { client, requestsTo } = source(list, (n) => ({ ids: fresh(n, rows), next: `c${n}` }), {
          maxPagesPerList,
          // Low enough that the bound on rows asks for no more pages than maxPagesPerList, high
          // enough that these rows stay under it.
          maxObservationsPerUser: 100,
        });
        const error = await client.getUser(USER).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'invalid_response', where: endpointName(list) });
        expect((error as Error).message).toContain(`still had more after ${maxPagesPerList} pages`);
        expect(requestsTo(list)).toBe(maxPagesPerList);
      }),
      { numRuns: 15 },
    );
  });

  it('stops the scores of the user\'s sessions at 1,000 pages by default', async () => {
    const { client, requestsTo } = source(SESSION_SCORES, (n) => ({ ids: fresh(n, 1), next: `c${n}` }), {}, 5000);
    await expect(client.getUser(USER)).rejects.toMatchObject({ code: 'invalid_response', where: endpointName(SCORES), message: expect.stringContaining('after 1,000 pages') });
    expect(requestsTo(SESSION_SCORES)).toBe(1000);
  });

  it('reads one page of the scores of a user\'s traces, whatever it says follows', async () => {
    const { client, requestsTo } = source(SCORES, (n) => ({ ids: fresh(n, 3), next: `c${n}` }));
    await expect(client.getUser(USER)).resolves.toMatchObject({ userId: USER });
    expect(requestsTo(SCORES)).toBe(1);
  });

  it.each([LEGACY.traces, LEGACY.observations, LEGACY.scores])('%s: an empty page ends the list, whatever totalPages says', async (list) => {
    const { client, requestsTo } = source(list, (n) => ({ ids: n <= 2 ? fresh(n, 100) : [], next: `c${n}` }));
    await expect(client.getUser(USER)).resolves.toMatchObject({ userId: USER });
    expect(requestsTo(list)).toBe(3);
  });

  it('reads a raised maxObservationsPerUser in full pages even past maxPagesPerList', async () => {
    // 5 full legacy pages of 100 observations, then the last: more than maxPagesPerList (2).
    const { client, requestsTo } = source(
      LEGACY.observations,
      (n) => ({ ids: fresh(n, n <= 5 ? 100 : 3), next: n <= 5 ? `c${n}` : null }),
      { maxPagesPerList: 2, maxObservationsPerUser: 600 },
    );
    const stats = await client.getUser(USER);
    expect(stats?.observationCount).toBe(503);
    expect(requestsTo(LEGACY.observations)).toBe(6);
  });

  it('still refuses more observations than maxObservationsPerUser with invalid_query, before any page cap', async () => {
    const { client, requestsTo } = source(LEGACY.observations, (n) => ({ ids: fresh(n, 3), next: `c${n}` }), { maxObservationsPerUser: 10, maxPagesPerList: 100 });
    await expect(client.getUser(USER)).rejects.toMatchObject({ code: 'invalid_query', field: 'range' });
    expect(requestsTo(LEGACY.observations)).toBe(4);
  });

  it('reads one page of a user\'s observations on v4, whatever it says follows', async () => {
    const { client, requestsTo } = source(OBSERVATIONS, (n) => ({ ids: fresh(n, 3), next: `c${n}` }));
    await expect(client.getUser(USER)).resolves.toMatchObject({ userId: USER, unavailable: expect.arrayContaining(['sessionCount']) });
    expect(requestsTo(OBSERVATIONS)).toBe(1);
    expect(requestsTo(METRICS)).toBe(2);
  });
});

describe('Langfuse client — its caps are whole numbers', () => {
  it.each([
    ['maxPagesPerList', Number.NaN],
    ['maxPagesPerList', 0],
    ['maxPagesPerList', 2.5],
    ['maxObservationsPerUser', -1],
    ['maxObservationsPerUser', Number.POSITIVE_INFINITY],
  ] as const)('refuses %s = %s at creation, naming it', (name, value) => {
    expect(() => createLangfuseClient({ baseUrl: BASE_URL, [name]: value })).toThrow(expect.objectContaining({ code: 'invalid_options', field: name }));
  });
});
