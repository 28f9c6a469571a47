import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryClient } from '../../src/core.ts';
import { DEMO_MODELS, HOSTILE_USER_IDS, generateDemoDataset } from '../../src/testing/index.ts';

const END = '2026-11-01T00:00:00.000Z';

describe('generateDemoDataset', () => {
  const dataset = generateDemoDataset({ seed: 7, users: 300, end: END });

  it('is deterministic: the same seed and end give the same bytes, another seed does not', () => {
    const again = generateDemoDataset({ seed: 7, users: 300, end: END });
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
    expect(JSON.stringify(generateDemoDataset({ seed: 8, users: 300, end: END }))).not.toBe(JSON.stringify(dataset));
  });

  it('loads into the memory client with every user present', () => {
    const client = createMemoryClient(dataset);
    expect(client.userCount).toBe(300);
    expect(client.ignored).toEqual({ tracesWithoutUser: 0, observationsWithoutTrace: 0, scoresWithoutTrace: 0 });
  });

  it('has a heavy tail: the top 5 % of users carry over a third of the traces', async () => {
    const client = createMemoryClient(dataset);
    const users = (await client.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 300 })).items;
    const total = users.reduce((sum, u) => sum + u.traceCount, 0);
    const top = users.slice(0, 15).reduce((sum, u) => sum + u.traceCount, 0);
    expect(top / total).toBeGreaterThan(1 / 3);
    expect(users.at(-1)!.traceCount).toBeLessThan(users[0]!.traceCount / 10);
  });

  it('has about 3 % of traces with an ERROR observation', () => {
    const failing = new Set(dataset.observations.filter((o) => o.level === 'ERROR').map((o) => o.traceId));
    const rate = failing.size / dataset.traces.length;
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.045);
  });

  it('prices generations at the models’ list prices', () => {
    const generation = dataset.observations.find((o) => o.model === 'gpt-4o')!;
    const price = DEMO_MODELS.find((m) => m.name === 'gpt-4o')!;
    const { input, output } = generation.usageDetails as { input: number; output: number };
    expect(generation.totalCost).toBeCloseTo((input * price.input + output * price.output) / 1e6, 9);
    expect(new Set(dataset.observations.map((o) => o.model).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
  });

  it('has multi-turn sessions, two environments and tags', () => {
    const perSession = new Map<string, number>();
    for (const trace of dataset.traces) if (trace.sessionId) perSession.set(trace.sessionId, (perSession.get(trace.sessionId) ?? 0) + 1);
    expect([...perSession.values()].some((turns) => turns >= 3)).toBe(true);
    expect(new Set(dataset.traces.map((t) => t.environment))).toEqual(new Set(['production', 'staging']));
    expect(dataset.traces.every((t) => Array.isArray(t.tags) && t.tags.length > 0)).toBe(true);
  });

  it('has scores of all three kinds: BOOLEAN feedback, a 0–1 NUMERIC eval, a CATEGORICAL label', () => {
    const byType = (type: string) => dataset.scores.filter((s) => s.dataType === type);
    expect(byType('BOOLEAN').every((s) => s.value === 0 || s.value === 1)).toBe(true);
    expect(byType('NUMERIC').every((s) => s.value! >= 0 && s.value! <= 1)).toBe(true);
    expect(byType('CATEGORICAL').every((s) => typeof s.stringValue === 'string')).toBe(true);
    for (const type of ['BOOLEAN', 'NUMERIC', 'CATEGORICAL']) expect(byType(type).length).toBeGreaterThan(0);
  });

  it('has log-normal latencies: a long right tail, p95 well above p50', async () => {
    const client = createMemoryClient(dataset);
    const top = (await client.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1 })).items[0]!;
    expect(top.latencyP95!).toBeGreaterThan(1.5 * top.latencyP50!);
  });

  it('adds every hostile user id on request, verbatim', async () => {
    const hostile = generateDemoDataset({ seed: 1, users: 5, hostileIds: true, end: END });
    const client = createMemoryClient(hostile);
    const ids = (await client.listUsers({ pageSize: 100 })).items.map((u) => u.userId);
    for (const id of HOSTILE_USER_IDS) expect(ids).toContain(id);
    expect(HOSTILE_USER_IDS.some((id) => id.length === 200)).toBe(true);
  });

  it('ends where it is told, whatever the clock says', () => {
    const last = Math.max(...dataset.traces.map((t) => Date.parse(t.timestamp)));
    expect(last).toBeLessThan(Date.parse(END));
    expect(last).toBeGreaterThan(Date.parse(END) - 86_400_000);
  });
});

describe('generateDemoDataset — a recent past by default', () => {
  afterEach(() => vi.useRealTimers());

  it.each(['2028-02-29T10:30:05.250Z', '2027-03-14T07:30:00.000Z', '2025-10-26T00:45:30.000Z'])(
    'ends at the start of the current hour, so the last 30 days hold data (clock %s)',
    async (clock) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.parse(clock));
      const hour = Math.floor(Date.parse(clock) / 3_600_000) * 3_600_000;
      const recent = generateDemoDataset({ seed: 7, users: 50, days: 20 });
      expect(JSON.stringify(recent)).toBe(JSON.stringify(generateDemoDataset({ seed: 7, users: 50, days: 20, end: hour })));
      const last = Math.max(...recent.traces.map((t) => Date.parse(t.timestamp)));
      expect(last).toBeLessThan(hour);
      const month = await createMemoryClient(recent).listUsers({ range: { from: new Date(Date.parse(clock) - 30 * 86_400_000).toISOString() } });
      expect(month.total).toBe(50);
    },
  );
});

describe('generateDemoDataset — options', () => {
  it('refuses options that cannot make a history instead of looping', () => {
    expect(() => generateDemoDataset({ days: 0 })).toThrow('days must be a number above 0');
    expect(() => generateDemoDataset({ end: 'not a date' })).toThrow('end must be a date');
    expect(() => generateDemoDataset({ users: -1 })).toThrow('users must be a whole number');
  });

  it('fits every trace into a very short history', () => {
    const end = Date.parse('2026-01-01T00:00:00.000Z');
    const tiny = generateDemoDataset({ seed: 5, users: 20, days: 0.0001, end });
    expect(tiny.traces.length).toBeGreaterThanOrEqual(20);
    for (const trace of tiny.traces) {
      const ts = Date.parse(trace.timestamp);
      expect(ts).toBeLessThan(end);
      expect(ts).toBeGreaterThanOrEqual(end - 0.0001 * 86_400_000);
    }
  });
});

describe('generateDemoDataset — nothing after its end', () => {
  it.each([1, 8, 42])('dates no trace, observation or score past `end` (seed %i)', (seed) => {
    const end = Date.parse('2026-11-30T14:00:00.000Z');
    const dataset = generateDemoDataset({ seed, users: 150, days: 60, end });
    const after = (values: (string | null | undefined)[]) => values.filter((value) => value && Date.parse(value) > end);
    expect(dataset.scores.length).toBeGreaterThan(100);
    expect(after(dataset.traces.map((trace) => trace.timestamp))).toEqual([]);
    expect(after(dataset.observations.flatMap((observation) => [observation.startTime, observation.endTime]))).toEqual([]);
    expect(after(dataset.scores.map((score) => score.timestamp))).toEqual([]);
  });
});
