import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketStart, createMemoryClient, type Granularity } from '../../src/core.ts';
import { createFixtures } from '../../src/testing/index.ts';

/**
 * Activity buckets on the viewer's calendar. The expectations read each instant's local date and
 * hour straight from `Intl` here, not from the code under test: a bucket is the stretch over which
 * the zone's clock shows one hour, day or week (from Monday).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const readers = new Map<string, Intl.DateTimeFormat>();
function localLabel(ms: number, granularity: Granularity, timeZone: string): string {
  let reader = readers.get(timeZone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', weekday: 'short' });
    readers.set(timeZone, reader);
  }
  const parts = Object.fromEntries(reader.formatToParts(ms).map((part) => [part.type, part.value]));
  const date = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  if (granularity === 'hour') return `${new Date(date).toISOString().slice(0, 10)} ${parts.hour}h`;
  if (granularity === 'day') return new Date(date).toISOString().slice(0, 10);
  const sinceMonday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!);
  return `week of ${new Date(date - sinceMonday * DAY).toISOString().slice(0, 10)}`;
}

interface Case {
  timeZone: string;
  granularity: Granularity;
  from: string;
  to: string;
  /** Bucket lengths the zone's calendar must produce here (hours), by the bucket's local label. */
  lengths?: Record<string, number>;
}

const CASES: Case[] = [
  { timeZone: 'Asia/Shanghai', granularity: 'day', from: '2027-01-03T10:00:00Z', to: '2027-01-12T03:00:00Z' },
  { timeZone: 'Asia/Shanghai', granularity: 'hour', from: '2027-01-04T14:30:00Z', to: '2027-01-05T20:00:00Z' },
  { timeZone: 'Asia/Shanghai', granularity: 'week', from: '2026-11-01T00:00:00Z', to: '2027-01-20T00:00:00Z' },
  // Spring forward on 14 March 2027: a 23-hour day, and no 2 a.m.
  { timeZone: 'America/New_York', granularity: 'day', from: '2027-03-10T00:00:00Z', to: '2027-03-18T00:00:00Z', lengths: { '2027-03-14': 23, '2027-03-13': 24 } },
  { timeZone: 'America/New_York', granularity: 'hour', from: '2027-03-14T03:00:00Z', to: '2027-03-14T12:00:00Z', lengths: { '2027-03-14 01h': 1, '2027-03-14 03h': 1 } },
  { timeZone: 'America/New_York', granularity: 'week', from: '2027-02-20T00:00:00Z', to: '2027-04-10T00:00:00Z', lengths: { 'week of 2027-03-08': 167 } },
  // Fall back on 1 November 2026: a 25-hour day, and 1 a.m. shown for two hours.
  { timeZone: 'America/New_York', granularity: 'day', from: '2026-10-30T00:00:00Z', to: '2026-11-03T00:00:00Z', lengths: { '2026-11-01': 25 } },
  { timeZone: 'America/New_York', granularity: 'hour', from: '2026-11-01T03:00:00Z', to: '2026-11-01T10:00:00Z', lengths: { '2026-11-01 01h': 2 } },
  { timeZone: 'Asia/Kolkata', granularity: 'hour', from: '2027-01-04T00:00:00Z', to: '2027-01-05T12:00:00Z' },
  { timeZone: 'Asia/Kolkata', granularity: 'day', from: '2027-01-01T00:00:00Z', to: '2027-01-09T00:00:00Z' },
  // +12:45 / +13:45: hours start at a quarter past in UTC; DST starts 27 September 2026, ends 4 April 2027.
  { timeZone: 'Pacific/Chatham', granularity: 'hour', from: '2026-09-26T10:00:00Z', to: '2026-09-27T02:00:00Z' },
  { timeZone: 'Pacific/Chatham', granularity: 'day', from: '2026-09-23T00:00:00Z', to: '2026-10-01T00:00:00Z', lengths: { '2026-09-27': 23 } },
  { timeZone: 'Pacific/Chatham', granularity: 'day', from: '2027-03-31T00:00:00Z', to: '2027-04-08T00:00:00Z', lengths: { '2027-04-04': 25 } },
  { timeZone: 'Pacific/Chatham', granularity: 'hour', from: '2027-04-03T10:00:00Z', to: '2027-04-03T18:00:00Z' },
];

/** Traces every 7 minutes and 13 seconds (so they fall at every minute of the hour), two users. */
function tracesBetween(from: number, to: number) {
  const f = createFixtures();
  const stamps: number[] = [];
  for (let t = from - 2 * HOUR, i = 0; t < to + 2 * HOUR; t += 7 * MINUTE + 13_000, i++) {
    f.trace({ userId: i % 5 === 0 ? 'other' : 'u', timestamp: new Date(t).toISOString() });
    f.observation({ totalCost: 0.001 * (i % 7), usageDetails: { input: i % 11, output: i % 3 } });
    if (i % 5 !== 0) stamps.push(t);
  }
  return { client: createMemoryClient(f.dataset()), stamps };
}

describe.each(CASES)('activity in $timeZone by $granularity from $from', ({ timeZone, granularity, from, to, lengths }) => {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const { client, stamps } = tracesBetween(fromMs, toMs);
  const label = (ms: number) => localLabel(ms, granularity, timeZone);
  const inRange = stamps.filter((t) => t >= fromMs && t < toMs);

  it('holds in each bucket exactly the traces of that local hour, day or week; the buckets sum to the user', async () => {
    const range = { from, to };
    const activity = await client.getActivity({ userId: 'u', range, granularity, timeZone });
    const points = activity.points.map((point) => ({ ...point, startMs: Date.parse(point.start), endMs: Date.parse(point.end) }));
    expect(activity.granularity).toBe(granularity);
    expect(points[0]!.startMs).toBeLessThanOrEqual(fromMs);
    expect(points.at(-1)!.endMs).toBeGreaterThanOrEqual(toMs);
    points.forEach((point, i) => {
      // Contiguous, and each bucket is one whole stretch of one local label.
      if (i > 0) expect(point.startMs).toBe(points[i - 1]!.endMs);
      expect(label(point.startMs - 1), point.start).not.toBe(label(point.startMs));
      expect(label(point.endMs - 1), point.start).toBe(label(point.startMs));
      expect(label(point.endMs), point.end).not.toBe(label(point.startMs));
      const mine = inRange.filter((t) => t >= point.startMs && t < point.endMs);
      for (const t of mine) expect(label(t)).toBe(label(point.startMs));
      expect(point.traceCount, point.start).toBe(mine.length);
    });
    // Every trace in the range is in one bucket.
    expect(points.reduce((sum, point) => sum + point.traceCount, 0)).toBe(inRange.length);
    const user = (await client.getUser('u', { range }))!;
    expect(user.traceCount).toBe(inRange.length);
    for (const figure of ['observationCount', 'totalTokens', 'errorCount'] as const) {
      expect(points.reduce((sum, point) => sum + point[figure], 0), figure).toBe(user[figure]);
    }
    expect(points.reduce((sum, point) => sum + point.totalCost, 0)).toBeCloseTo(user.totalCost, 9);
    for (const [local, hours] of Object.entries(lengths ?? {})) {
      const point = points.find((p) => label(p.startMs) === local);
      expect(point, local).toBeDefined();
      expect((point!.endMs - point!.startMs) / HOUR, local).toBe(hours);
    }
  });

  it('shares its buckets with the list’s trends', async () => {
    const activity = await client.getActivity({ userId: 'u', range: { from, to }, granularity, timeZone });
    const trends = await client.getTrends!({ userIds: ['u'], range: { from, to }, granularity, timeZone });
    expect(trends.buckets).toEqual(activity.points.map((point) => point.start));
    expect(trends.series[0]!.values).toEqual(activity.points.map((point) => point.traceCount));
  });
});

describe('bucket starts in any zone', () => {
  const ZONES = ['UTC', 'America/New_York', 'America/St_Johns', 'America/Santiago', 'Europe/Dublin', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Casablanca'];
  const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2032-01-01T00:00:00Z') });

  it('is the first instant of the stretch of that local hour, day or week', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom<Granularity>('hour', 'day', 'week'), (ms, timeZone, granularity) => {
        const start = bucketStart(ms, granularity, timeZone);
        expect(start).toBeLessThanOrEqual(ms);
        expect(localLabel(start, granularity, timeZone)).toBe(localLabel(ms, granularity, timeZone));
        expect(localLabel(start - 1, granularity, timeZone)).not.toBe(localLabel(ms, granularity, timeZone));
        // Nothing between the start and the instant shows another label (sampled every 10 minutes).
        for (let t = start; t < ms; t += 10 * MINUTE) expect(localLabel(t, granularity, timeZone)).toBe(localLabel(ms, granularity, timeZone));
      }),
      { numRuns: 250 },
    );
  });

  it('refuses a zone it does not know, and defaults to UTC', async () => {
    const f = createFixtures();
    f.trace({ userId: 'u', timestamp: '2027-01-01T23:30:00.000Z' });
    const client = createMemoryClient(f.dataset());
    await expect(client.getActivity({ userId: 'u', granularity: 'day', timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({
      code: 'invalid_query',
      message: expect.stringContaining('timeZone must be an IANA time zone'),
    });
    const utc = await client.getActivity({ userId: 'u', granularity: 'day' });
    expect(utc.points.map((point) => point.start)).toEqual(['2027-01-01T00:00:00.000Z']);
    const shanghai = await client.getActivity({ userId: 'u', granularity: 'day', timeZone: 'Asia/Shanghai' });
    expect(shanghai.points.map((point) => point.start)).toEqual(['2027-01-01T16:00:00.000Z']);
  });
});
