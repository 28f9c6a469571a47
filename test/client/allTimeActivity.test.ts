// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserlensError} from '../../src/core.ts';
import { createLangfuseClient, createMemoryClient, type Activity, type Dataset } from '../../src/core.ts';
import { bucketBoundaries } from '../../src/client/calendar.ts';
import { createLangfuseFake } from '../../src/testing/index.ts';
import { BASE_URL, TEST_NOW, pair } from './langfuse/harness.ts';
import { errorOf } from './datasetError.ts';

// All-time activity always answers. The rule: trace timestamps and observation starts lie from
// 1970-01-01T00:00:00Z to before 2100-01-01T00:00:00Z (a date outside, such as Go's zero time, is
// refused at load, naming the record; ends and score times may be anything), and activity is bucketed only inside that
// window — 130 years, under 6,800 weeks — so `auto` answers for every accepted dataset and any
// range, with the public granularities unchanged (hour, day, week).

const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');
const LATEST = Date.parse('2100-01-01T00:00:00.000Z'); // exclusive
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
const ZONES = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const iso = (ms: number) => new Date(ms).toISOString();


/** Contiguous buckets that hold each given timestamp exactly once (checked in plain loops: series run to ~6,800 weeks). */
function expectBuckets(activity: Activity, timestamps: readonly number[]) {
  const { points } = activity;
  expect(points.length).toBeGreaterThan(0);
  const starts = points.map((p) => Date.parse(p.start));
  const ends = points.map((p) => Date.parse(p.end));
  const gaps = points.filter((_, i) => !(starts[i]! < ends[i]!) || (i > 0 && starts[i] !== ends[i - 1]));
  expect(gaps).toEqual([]);
  for (const ms of timestamps) {
    const holding = points.filter((_, i) => starts[i]! <= ms && ms < ends[i]!);
    expect(holding, iso(ms)).toHaveLength(1);
    expect(holding[0]!.traceCount).toBeGreaterThan(0);
  }
  expect(points.reduce((n, p) => n + p.traceCount, 0)).toBe(timestamps.length);
}

describe('createMemoryClient — dates a dataset may hold', () => {
  const trace = { id: 't1', timestamp: '2026-01-01T00:00:00.000Z', userId: 'ana' };
  const observation = { id: 'o1', traceId: 't1', startTime: '2026-01-01T00:00:00.000Z' };
  const score = { id: 's1', traceId: 't1', name: 'q', value: 1, dataType: 'NUMERIC', source: 'API', timestamp: '2026-01-01T00:00:00.000Z' };

  it("refuses a trace at Go's zero time, naming the record, rather than failing on every all-time chart", () => {
    const error = errorOf({ traces: [trace, { id: 'zero', timestamp: GO_ZERO_TIME, userId: 'ana' }] });
    expect(error).toMatchObject({ code: 'invalid_dataset', field: 'timestamp' });
    expect(error.message).toContain(
      `Invalid dataset: traces[1] (id "zero"): field "timestamp" must be an instant from 1970-01-01T00:00:00.000Z to before 2100-01-01T00:00:00.000Z (a date outside is a placeholder such as Go's zero time, not an event), got "${GO_ZERO_TIME}" (string).`,
    );
  });

  it('accepts a trace timestamp or observation start iff it lies in the window, naming the record otherwise; an end or a score time anywhere (property)', () => {
    const date = fc.oneof(
      fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
      fc.date({ min: new Date(EARLIEST), max: new Date(LATEST - 1), noInvalidDate: true }),
      fc.constantFrom(EARLIEST - 1, EARLIEST, LATEST - 1, LATEST).map((ms) => new Date(ms)),
    );
    const fields = [
      ['traces', 'timestamp'],
      ['observations', 'startTime'],
      ['observations', 'endTime'],
      ['scores', 'timestamp'],
    ] as const;
    fc.assert(
      fc.property(date, fc.constantFrom(...fields), fc.nat({ max: 2 }), (at, [list, field], i) => {
        const records = { traces: [trace], observations: [observation], scores: [score] };
        const many = Array.from({ length: 3 }, (_, n) => ({ ...records[list][0], id: `${list}-${n}` }));
        many[i] = { ...many[i]!, [field]: at.toISOString() };
        const dataset = { ...records, [list]: many, ...(list === 'traces' ? { observations: [], scores: [] } : {}) };
        const inside = at.getTime() >= EARLIEST && at.getTime() < LATEST;
        // Only the dates buckets and ranges are read from are held to the window.
        const windowed = (list === 'traces' && field === 'timestamp') || field === 'startTime';
        if (inside || !windowed) {
          expect(() => createMemoryClient(dataset as Dataset)).not.toThrow();
          return;
        }
        const error = errorOf(dataset);
        expect(error).toMatchObject({ code: 'invalid_dataset', field });
        expect(error.message).toContain(`Invalid dataset: ${list}[${i}] (id "${list}-${i}"): field "${field}" must be an instant from 1970-01-01`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('createMemoryClient — all-time activity always answers', () => {
  /** Instants anywhere in the window (its two ends often), and now and then anywhere an ISO date can name, or a sentinel. */
  const instant = fc.oneof(
    { weight: 6, arbitrary: fc.oneof(fc.integer({ min: EARLIEST, max: LATEST - 1 }), fc.constantFrom(EARLIEST, LATEST - 1)) },
    { weight: 1, arbitrary: fc.integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }) },
    { weight: 1, arbitrary: fc.constantFrom(Date.parse(GO_ZERO_TIME), EARLIEST - 1, LATEST) },
  );
  const stampsArb = fc.array(fc.tuple(instant, fc.constantFrom('ana', 'ben')), { minLength: 1, maxLength: 8 });
  const inWindow = (ms: number) => ms >= EARLIEST && ms < LATEST;

  /** The client over these traces, or null when it refuses them — for the first date outside the window, by name. */
  function clientOf(stamps: [number, string][]) {
    const dataset = { traces: stamps.map(([ms, userId], i) => ({ id: `t${i}`, timestamp: iso(ms), userId })) };
    const outside = stamps.findIndex(([ms]) => !inWindow(ms));
    if (outside < 0) return createMemoryClient(dataset);
    expect(errorOf(dataset)).toMatchObject({ code: 'invalid_dataset', field: 'timestamp', message: expect.stringContaining(`traces[${outside}] (id "t${outside}")`) });
    return null;
  }

  it('buckets every trace of any accepted dataset once over all time, for one user and for all, activity and trends (property)', async () => {
    await fc.assert(
      fc.asyncProperty(stampsArb, async (stamps) => {
        const client = clientOf(stamps);
        if (!client) return;
        expectBuckets(await client.getActivity({}), stamps.map(([ms]) => ms));
        const ana = stamps.filter(([, userId]) => userId === 'ana').map(([ms]) => ms);
        if (ana.length > 0) expectBuckets(await client.getActivity({ userId: 'ana' }), ana);
        const trends = await client.getTrends!({ userIds: ['ana', 'ben'] });
        expect(trends.series.flatMap((s) => s.values).reduce((a, b) => a + b, 0)).toBe(stamps.length);
      }),
      { numRuns: 60 },
    );
  });

  // A zone's weeks cost a few Intl look-ups each: ~0.3 s for the whole window, so fewer runs.
  it('does so on the calendar of any zone, :30 / :45 offsets and ±11–14 h included (property)', async () => {
    await fc.assert(
      fc.asyncProperty(stampsArb, fc.constantFrom(...ZONES), async (stamps, timeZone) => {
        const client = clientOf(stamps);
        if (client) expectBuckets(await client.getActivity({ timeZone }), stamps.map(([ms]) => ms));
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('answers auto for any range whatever its years, bucketing only where records can be (property)', async () => {
    const client = createMemoryClient({
      traces: [
        { id: 'a', timestamp: iso(EARLIEST), userId: 'ana' },
        { id: 'b', timestamp: '2026-06-01T12:00:00.000Z', userId: 'ana' },
        { id: 'c', timestamp: iso(LATEST - 1), userId: 'ana' },
      ],
    });
    const anyDate = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
    await fc.assert(
      fc.asyncProperty(fc.option(anyDate), fc.option(anyDate), async (a, b) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const range = { ...(from ? { from: from.toISOString() } : {}), ...(to ? { to: to.toISOString() } : {}) };
        const activity = await client.getActivity({ userId: 'ana', range });
        // Buckets start no earlier than the week holding the window's first instant, end no later than the week after its last.
        if (activity.points.length > 0) {
          expect(Date.parse(activity.points[0]!.start)).toBeGreaterThan(EARLIEST - 7 * 86_400_000);
          expect(Date.parse(activity.points.at(-1)!.end)).toBeLessThanOrEqual(LATEST + 7 * 86_400_000);
        }
        const inRange = [EARLIEST, Date.parse('2026-06-01T12:00:00.000Z'), LATEST - 1].filter((ms) => (!from || ms >= from.getTime()) && (!to || ms < to.getTime()));
        expect(activity.points.reduce((n, p) => n + p.traceCount, 0)).toBe(inRange.length);
      }),
      { numRuns: 100 },
    );
  });

  it('answers week buckets over the whole window for a range from year 1; asks for a coarser granularity only where one exists', async () => {
    const client = createMemoryClient({
      traces: [
        { id: 'a', timestamp: iso(EARLIEST), userId: 'ana' },
        { id: 'c', timestamp: iso(LATEST - 1), userId: 'ana' },
      ],
    });
    const weeks = await client.getActivity({ granularity: 'week', range: { from: '0001-01-01T00:00:00Z' } });
    expect(weeks.granularity).toBe('week');
    expectBuckets(weeks, [EARLIEST, LATEST - 1]);
    // Days over 130 years are too many, and a coarser granularity exists: the error says so.
    await expect(client.getActivity({ granularity: 'day' })).rejects.toMatchObject({
      code: 'invalid_query',
      message: expect.stringContaining('Choose a coarser granularity or a shorter range.'),
    });
    // Weeks are the coarsest: past the limit (only reachable by calling the calendar directly) just a shorter range helps.
    expect(() => bucketBoundaries(0, Date.UTC(2500, 0, 1), 'week', 'UTC', 'test')).toThrow(/more than 10000 week buckets\. Choose a shorter range\.$/);
  });
});

describe.each(['v4', 'legacy'] as const)('Langfuse client (%s) — all-time activity', (api) => {
  it("answers all time for a user whose traces span the whole window; refuses a source's record at Go's zero time, naming it", async () => {
    const stamps = [EARLIEST, Date.parse('2026-06-01T12:00:00.000Z'), LATEST - 1];
    const edges: Dataset = {
      traces: stamps.map((ms, i) => ({ id: `t${i}`, timestamp: iso(ms), userId: 'ana' })),
      observations: stamps.map((ms, i) => ({ id: `o${i}`, traceId: `t${i}`, type: 'SPAN', startTime: iso(ms), endTime: iso(ms) })),
    };
    expectBuckets(await pair(edges, { fake: { api }, client: { api } }).langfuse.getActivity({ userId: 'ana', timeZone: 'Asia/Kathmandu' }), stamps);

    // A fake over a dataset the memory client would refuse, so the client meets it as the source's answer.
    const fake = createLangfuseFake(
      {
        traces: [
          { id: 'ok', timestamp: '2026-06-01T12:00:00.000Z', userId: 'ana' },
          { id: 'zero', timestamp: GO_ZERO_TIME, userId: 'ana' },
        ],
        observations: [
          { id: 'o-ok', traceId: 'ok', type: 'SPAN', startTime: '2026-06-01T12:00:00.000Z' },
          { id: 'o-zero', traceId: 'zero', type: 'SPAN', startTime: GO_ZERO_TIME },
        ],
      },
      { api },
    );
    const langfuse = createLangfuseClient({ baseUrl: BASE_URL, api, fetch: async (input, init) => fake(new Request(input, init)), now: () => TEST_NOW });
    const error = await langfuse.getActivity({ userId: 'ana' }).then(
      () => null,
      (caught: unknown) => caught as UserlensError,
    );
    expect(error).toMatchObject({ code: 'invalid_response', where: expect.stringMatching(/^GET \/api\/public\//) });
    expect(error!.message).toMatch(/\(id "(o-)?zero"\): field "(timestamp|startTime)" must be an instant from 1970-01-01/);
  });
});
