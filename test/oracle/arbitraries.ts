import fc from 'fast-check';

/**
 * Generated datasets for the property tests. Costs are multiples of 1/1024 and score values of
 * 1/4, so sums are exact in any order and the oracle can be compared with `toEqual`, sort
 * orders included. Times sit on a coarse grid so range edges and timestamp ties are common.
 */

export const BASE = Date.parse('2026-03-01T00:00:00.000Z');
const HOUR = 3_600_000;
export const TAGS = ['a', 'b', 'c'] as const;
export const ENVIRONMENTS = ['production', 'staging'] as const;

export const gridTime = (slots = 24) => fc.integer({ min: 0, max: slots }).map((h) => new Date(BASE + h * HOUR).toISOString());

/** Ids that break naive code, kept here so the oracle shares nothing with src/. */
const AWKWARD_IDS = [
  '<script>alert(1)</script>',
  '\u202Eevil',
  'a/b%2Fc#d?e=f',
  '   ',
  '👩‍👩‍👧‍👦',
  'ΟΔΥΣ',
  'İstanbul',
  'x'.repeat(200),
];

const userIdPool = fc.uniqueArray(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('alice', 'ALICE', 'Bob', 'bob-2', 'carol', 'dave.e@example.com') },
    { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_IDS) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }) },
  ),
  { minLength: 1, maxLength: 6 },
);

const usageDetails = fc.dictionary(
  fc.constantFrom('input', 'output', 'total', 'input_cached', 'cache_read_input_tokens', 'OUTPUT_reasoning', 'other'),
  fc.nat({ max: 500 }),
  { maxKeys: 4 },
);
const costValue = fc.nat({ max: 4096 }).map((n) => n / 1024);
const costDetails = fc.dictionary(fc.constantFrom('input', 'output', 'total', 'cache'), costValue, { maxKeys: 3 });

export interface GeneratedDataset {
  traces: Record<string, unknown>[];
  observations: Record<string, unknown>[];
  scores: Record<string, unknown>[];
  userIds: string[];
}

export const datasetArb: fc.Arbitrary<GeneratedDataset> = userIdPool.chain((userIds) =>
  fc
    .array(
      fc.record(
        {
          userId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...userIds) }, { weight: 1, arbitrary: fc.constantFrom(null, '') }),
          timestamp: gridTime(),
          sessionId: fc.constantFrom(null, '', 's1', 's2', 's3'),
          environment: fc.constantFrom(...ENVIRONMENTS, undefined),
          tags: fc.subarray([...TAGS]),
          name: fc.constantFrom('chat', 'rag', null),
          release: fc.constantFrom('v1', 'v2', '', null),
          // Values of every kind: text, numbers and booleans compare by their text; objects never match.
          metadata: fc.option(
            fc.record({ plan: fc.constantFrom('free', 'pro', 1, true, '', { tier: 'pro' }), org: fc.constantFrom('acme', 'globex') }, { requiredKeys: [] }),
            { nil: null },
          ),
        },
        { requiredKeys: ['userId', 'timestamp', 'sessionId', 'tags', 'name'] },
      ),
      { maxLength: 40 },
    )
    .chain((rawTraces) => {
      const traces = rawTraces.map((trace, i) => ({ id: `t${i}`, ...trace }));
      const traceRef = fc.oneof(
        { weight: 9, arbitrary: traces.length ? fc.constantFrom(...traces.map((trace) => trace.id)) : fc.constant('missing') },
        { weight: 1, arbitrary: fc.constantFrom('missing', null) },
      );
      const observation = fc.record(
        {
          traceId: traceRef,
          startOffset: fc.integer({ min: 0, max: 600_000 }),
          // Negative durations: an endTime before its startTime still follows the definition.
          duration: fc.option(fc.integer({ min: -5_000, max: 120_000 })),
          level: fc.constantFrom('DEBUG', 'DEFAULT', 'WARNING', 'ERROR', undefined),
          model: fc.constantFrom('gpt-4o', 'claude', null),
          usageDetails: fc.option(usageDetails),
          costDetails: fc.option(costDetails),
          totalCost: fc.option(costValue),
        },
        { requiredKeys: ['traceId', 'startOffset', 'duration', 'model', 'usageDetails', 'costDetails', 'totalCost'] },
      );
      const score = fc.oneof(
        fc.record({ traceId: traceRef, dataType: fc.constant('NUMERIC'), value: fc.integer({ min: 0, max: 8 }).map((n) => n / 4), name: fc.constantFrom('quality', 'helpfulness') }),
        fc.record({ traceId: traceRef, dataType: fc.constant('BOOLEAN'), value: fc.constantFrom(0, 1), name: fc.constantFrom('thumbs', 'thumbs', 'quality') }),
        fc.record({ traceId: traceRef, dataType: fc.constant('CATEGORICAL'), value: fc.constantFrom(0, 1, 2), name: fc.constant('topic') }),
        fc.record({ traceId: traceRef, dataType: fc.constant('TEXT'), value: fc.constant(null), stringValue: fc.constant('free text'), name: fc.constant('note') }),
        fc.record({ traceId: traceRef, dataType: fc.constant('CORRECTION'), value: fc.constant(0), stringValue: fc.constant('fixed'), name: fc.constant('quality') }),
        // On a session (no trace), which may be shared by several users or by none; or on a
        // trace that names its session too, which counts once, for the trace.
        fc.record({
          traceId: fc.constantFrom(null, undefined),
          sessionId: fc.constantFrom('s1', 's2', 's3', 's9', ''),
          dataType: fc.constantFrom('NUMERIC', 'BOOLEAN'),
          value: fc.constantFrom(0, 1),
          name: fc.constantFrom('quality', 'thumbs'),
        }),
        fc.record({ traceId: traceRef, sessionId: fc.constantFrom('s1', 's2'), dataType: fc.constant('NUMERIC'), value: fc.constant(0.5), name: fc.constant('quality') }),
      );
      return fc.record({
        observations: fc.array(observation, { maxLength: 60 }),
        scores: fc.array(fc.tuple(score, gridTime()), { maxLength: 15 }),
      }).map(({ observations, scores }) => {
        const start = (traceId: unknown) => {
          const trace = traces.find((candidate) => candidate.id === traceId);
          return trace ? Date.parse(trace.timestamp) : BASE;
        };
        return {
          userIds,
          traces,
          observations: observations.map(({ startOffset, duration, ...o }, i) => {
            const startMs = start(o.traceId) + startOffset;
            return {
              id: `o${i}`,
              type: 'GENERATION',
              ...o,
              startTime: new Date(startMs).toISOString(),
              endTime: duration === null ? null : new Date(startMs + duration).toISOString(),
            };
          }),
          scores: scores.map(([s, timestamp], i) => ({ id: `s${i}`, source: 'API', timestamp, comment: null, ...s })),
        };
      });
    }),
);

export const sortFields = [
  'userId',
  'firstEvent',
  'lastEvent',
  'traceCount',
  'observationCount',
  'sessionCount',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'totalCost',
  'errorCount',
  'errorRate',
  'latencyP50',
  'latencyP95',
] as const;

export const rangeArb = fc.record(
  { from: gridTime(26), to: gridTime(26) },
  { requiredKeys: [] },
).map((range) => (range.from && range.to && range.from > range.to ? { from: range.to, to: range.from } : range));

export const filtersArb = fc.option(
  fc.record(
    {
      environments: fc.subarray([...ENVIRONMENTS, 'default', 'unknown-env']),
      tags: fc.subarray([...TAGS, 'zzz'], { maxLength: 2 }),
      releases: fc.subarray(['v1', 'v2', 'v9']),
      metadata: fc.record({ plan: fc.constantFrom('free', 'pro', '1', 'true', '', '[object Object]'), org: fc.constantFrom('acme', 'initech') }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

export const numericFields = [
  'traceCount',
  'observationCount',
  'sessionCount',
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'totalCost',
  'errorCount',
  'errorRate',
  'latencyP50',
  'latencyP95',
] as const;

/** Score means as figures: the generated names, and one no score has. */
export const scoreFields = ['score:quality', 'score:thumbs', 'score:helpfulness', 'score:none'] as const;

/** Bands with bounds near the small generated values, so they cut through real rows. */
export const bandsArb = bandsOf(numericFields);
/** As `bandsArb`, on score means too. */
export const bandsWithScoresArb = bandsOf([...numericFields, ...scoreFields]);

function bandsOf<Field extends string>(fields: readonly Field[]) {
  return fc.array(
    fc.record(
      {
        field: fc.constantFrom(...fields),
        gte: fc.integer({ min: 0, max: 4 }).map((n) => n / 2),
        gt: fc.integer({ min: 0, max: 4 }).map((n) => n / 2),
        lt: fc.integer({ min: 1, max: 400_000 }),
        lte: fc.integer({ min: 1, max: 8 }),
      },
      { requiredKeys: ['field'] },
    ),
    { maxLength: 2 },
  );
}
