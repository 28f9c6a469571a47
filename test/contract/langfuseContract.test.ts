// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { langfuseContract as contract } from './langfuseContract.ts';

// The checker itself: what it lets through and what it catches. It reads only our fixtures
// (langfuseFacts.ts), so these run in any clone.

/** A host mount prefix in front of Langfuse's own paths: the checker must ignore it. */
const BASE = 'https://admin.example.com/internal/langfuse';
const FROM = '2025-01-01T00:00:00.000Z';
const TO = '2025-02-01T00:00:00.000Z';

function url(path: string, params: Record<string, string | string[]> = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) search.append(k, x);
  const qs = search.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

const metricsV2 = (query: unknown) => url('/api/public/v2/metrics', { query: typeof query === 'string' ? query : JSON.stringify(query) });
const metricsV1 = (query: unknown) => url('/api/public/metrics', { query: JSON.stringify(query) });
const observations = (params: Record<string, string | string[]>) => url('/api/public/v2/observations', params);
const obsFilter = (filter: unknown) => observations({ filter: JSON.stringify(filter) });

/** The top-N usage-per-user query userlens relies on. */
const topUsers = {
  view: 'observations',
  dimensions: [{ field: 'userId' }],
  metrics: [
    { measure: 'totalCost', aggregation: 'sum' },
    { measure: 'count', aggregation: 'count' },
  ],
  filters: [{ column: 'environment', operator: 'any of', value: ['production'], type: 'stringOptions' }],
  fromTimestamp: FROM,
  toTimestamp: TO,
  orderBy: [{ field: 'sum_totalCost', direction: 'desc' }],
  config: { row_limit: 1000 },
};

/** Daily totals for one user: userId as a filter, not a dimension. */
const dailyForUser = {
  view: 'observations',
  metrics: [{ measure: 'totalTokens', aggregation: 'sum' }],
  filters: [{ column: 'userId', operator: '=', value: 'user/1 %#?', type: 'string' }],
  timeDimension: { granularity: 'day' },
  fromTimestamp: FROM,
  toTimestamp: TO,
};

/** Expects exactly-some problems, one of which matches every pattern. */
function expectProblem(problems: string[], ...patterns: RegExp[]): void {
  expect(problems.length, 'expected the checker to report a problem').toBeGreaterThan(0);
  for (const pattern of patterns) expect(problems.some((p) => pattern.test(p)), `${pattern} in ${JSON.stringify(problems)}`).toBe(true);
}

describe('checkRequest', () => {
  const check = (u: string | URL, method?: string) => contract.checkRequest(u, method);

  describe('conforming requests pass', () => {
    it('observations v2 with every kind of parameter', () => {
      expect(
        check(
          observations({
            userId: 'user/1 %#? ü',
            limit: '1000',
            cursor: 'eyJhIjoxfQ==',
            fields: 'core,basic,usage',
            fromStartTime: FROM,
            toStartTime: '2025-02-01T01:00:00+01:00',
            environment: ['production', 'staging'],
            level: 'ERROR',
            isRootObservation: 'true',
          }),
        ),
      ).toEqual([]);
    });

    it('relative URLs, URL objects, parameter order and either encoding', () => {
      expect(check('/api/public/v2/observations?limit=10&userId=a%20b')).toEqual([]);
      expect(check('/api/public/v2/observations?userId=a+b&limit=10')).toEqual([]);
      expect(check(new URL(observations({ traceId: 't-1' })))).toEqual([]);
      expect(check(`${BASE}/api/public/v2/metrics?query=${encodeURIComponent(JSON.stringify(topUsers))}`)).toEqual([]);
    });

    it('scores v3 and the legacy lists', () => {
      expect(check(url('/api/public/v3/scores', { limit: '100', fields: 'details,subject', traceId: 't1,t2', dataType: 'NUMERIC' }))).toEqual([]);
      expect(check(url('/api/public/traces', { userId: 'u1', fields: 'core,io', tags: ['a', 'b'], environment: ['production'], page: '2', limit: '100' }))).toEqual([]);
      expect(check(url('/api/public/observations', { traceId: 't1', level: 'ERROR', fromStartTime: FROM, page: '1' }))).toEqual([]);
      expect(check(url('/api/public/v2/scores', { userId: 'u1', fields: 'score', source: 'API', traceTags: ['a', 'b'], limit: '100' }))).toEqual([]);
    });

    it('metrics v2: top-N users, daily totals for a user, scores views', () => {
      expect(check(metricsV2(topUsers))).toEqual([]);
      expect(check(metricsV2(dailyForUser))).toEqual([]);
      expect(check(metricsV2({ ...dailyForUser, timeDimension: null, orderBy: null }))).toEqual([]);
      expect(
        check(
          metricsV2({
            view: 'scores-numeric',
            dimensions: [{ field: 'name' }],
            metrics: [{ measure: 'value', aggregation: 'avg' }],
            filters: [{ column: 'userId', operator: '=', value: 'u1', type: 'string' }],
            fromTimestamp: FROM,
            toTimestamp: TO,
            orderBy: [{ field: 'name', direction: 'asc' }],
          }),
        ),
      ).toEqual([]);
      // scores-categorical has scores-numeric's dimensions with stringValue instead of value.
      const categorical = { view: 'scores-categorical', metrics: [{ measure: 'count', aggregation: 'count' }], fromTimestamp: FROM, toTimestamp: TO };
      expect(check(metricsV2({ ...categorical, dimensions: [{ field: 'stringValue' }] }))).toEqual([]);
      expectProblem(check(metricsV2({ ...categorical, dimensions: [{ field: 'value' }] })), /query\.dimensions\[0\]\.field: "value"/);
      // scores-boolean inherits scores-numeric's dimensions plus booleanValue.
      const boolean = { ...categorical, view: 'scores-boolean', metrics: [{ measure: 'value', aggregation: 'avg' }] };
      expect(check(metricsV2({ ...boolean, dimensions: [{ field: 'booleanValue' }, { field: 'traceName' }] }))).toEqual([]);
    });

    it('metrics v1 (fallback for v3 deployments): traces view and userId grouping', () => {
      expect(
        check(
          metricsV1({
            view: 'traces',
            dimensions: [{ field: 'userId' }],
            metrics: [{ measure: 'count', aggregation: 'count' }],
            fromTimestamp: FROM,
            toTimestamp: TO,
            orderBy: [{ field: 'count_count', direction: 'desc' }],
            config: { row_limit: 50 },
          }),
        ),
      ).toEqual([]);
    });

    it('observations filter', () => {
      expect(
        check(
          obsFilter([
            { type: 'string', column: 'userId', operator: '=', value: 'u1' },
            { type: 'datetime', column: 'startTime', operator: '>=', value: FROM },
            { type: 'stringOptions', column: 'level', operator: 'any of', value: ['ERROR', 'WARNING'] },
            { type: 'stringObject', column: 'metadata', key: 'tenant', operator: '=', value: 'acme' },
            { type: 'null', column: 'endTime', operator: 'is null' },
            { type: 'number', column: 'tokens', operator: '>', value: 10 },
          ]),
        ),
      ).toEqual([]);
    });
  });

  describe('mistakes are caught', () => {
    it('unknown path, method, mount without /api/public', () => {
      expectProblem(check(url('/api/public/v2/users')), /path: \/api\/public\/v2\/users matches no path/);
      expectProblem(check(url('/api/public/v2/observations/')), /path:/);
      expectProblem(check(url('/api/public/traces/trace-1')), /path: \/api\/public\/traces\/trace-1 matches no path/);
      expectProblem(check(url('/api/public/v2/metrics'), 'POST'), /method: POST/);
      expectProblem(check('https://example.com/public/traces'), /not under \/api\/public/);
    });

    it('unknown and missing parameters', () => {
      expectProblem(check(observations({ userID: 'u1' })), /^userID: not a query parameter of GET \/api\/public\/v2\/observations/);
      expectProblem(check(url('/api/public/v2/metrics')), /^query: required/);
    });

    it('values that do not parse as their schema type', () => {
      expectProblem(check(observations({ limit: '1.5' })), /^limit: "1\.5" is not an integer/);
      expectProblem(check(observations({ limit: 'abc' })), /^limit: "abc" is not an integer/);
      expectProblem(check(observations({ limit: '' })), /^limit: "" is not an integer/);
      expectProblem(check(observations({ limit: '1001' })), /^limit: 1001 is above the documented maximum 1000/);
      expectProblem(check(url('/api/public/v3/scores', { limit: '101' })), /^limit: 101 is above/);
      expectProblem(check(observations({ isRootObservation: 'yes' })), /^isRootObservation: "yes" is not a boolean/);
      expectProblem(check(observations({ fromStartTime: '2025-01-01' })), /^fromStartTime: "2025-01-01" is not an ISO 8601 date-time/);
      expectProblem(check(observations({ fromStartTime: '2025-01-01T00:00:00' })), /^fromStartTime:/);
      expectProblem(check(observations({ level: 'FATAL' })), /^level: "FATAL" is not one of DEBUG, DEFAULT, WARNING, ERROR/);
      expectProblem(check(url('/api/public/v3/scores', { valueMin: 'one' })), /^valueMin: "one" is not a number/);
      expectProblem(check(url('/api/public/v2/scores', { source: 'USER' })), /^source: "USER" is not one of ANNOTATION, API, EVAL/);
      expectProblem(check(url('/api/public/v2/scores', { limit: '101' })), /^limit: 101 is above/);
      expectProblem(check(url('/api/public/traces', { page: 'first' })), /^page: "first" is not an integer/);
    });

    it('a non-array parameter given twice', () => {
      expectProblem(check(`${BASE}/api/public/v2/observations?limit=10&limit=20`), /^limit: given 2 times/);
      expectProblem(check(observations({ userId: ['a', 'b'] })), /^userId: given 2 times/);
      expect(check(url('/api/public/traces', { tags: ['a', 'b'] }))).toEqual([]);
    });

    it('field groups, filter precedence, parseIoAsJson', () => {
      expectProblem(check(observations({ fields: 'core,cost' })), /^fields: "cost" is not a documented field group/);
      expectProblem(check(url('/api/public/v3/scores', { fields: 'details,trace' })), /^fields: "trace"/);
      expectProblem(check(url('/api/public/traces', { fields: 'core,usage' })), /^fields: "usage"/);
      expectProblem(check(observations({ userId: 'u1', filter: JSON.stringify([]) })), /^userId: ignored by Langfuse because `filter` is given/);
      expectProblem(check(observations({ parseIoAsJson: 'true' })), /^parseIoAsJson/);
    });

    describe('metrics query', () => {
      it('bad JSON, unknown view / measure / aggregation / dimension / property', () => {
        expectProblem(check(metricsV2('{"view": "observations",')), /^query: not valid JSON/);
        expectProblem(check(metricsV2({ ...dailyForUser, view: 'traces' })), /^query\.view: "traces" is not a documented view/);
        expectProblem(check(metricsV2({ ...dailyForUser, metrics: [{ measure: 'cost', aggregation: 'sum' }] })), /^query\.metrics\[0\]\.measure: "cost" is not a measure of view observations/);
        expectProblem(check(metricsV2({ ...dailyForUser, metrics: [{ measure: 'value', aggregation: 'avg' }] })), /^query\.metrics\[0\]\.measure: "value"/);
        expectProblem(check(metricsV2({ ...dailyForUser, metrics: [{ measure: 'totalCost', aggregation: 'median' }] })), /^query\.metrics\[0\]\.aggregation: "median"/);
        expectProblem(check(metricsV2({ ...dailyForUser, metrics: [] })), /^query\.metrics:/);
        expectProblem(check(metricsV2({ ...dailyForUser, metrics: [{ measure: 'count' }] })), /^query\.metrics\[0\]: missing required property "aggregation"/);
        expectProblem(check(metricsV2({ ...dailyForUser, dimensions: [{ field: 'model' }] })), /^query\.dimensions\[0\]\.field: "model" is not a dimension of view observations/);
        expectProblem(check(metricsV2({ ...dailyForUser, limit: 10 })), /^query: unknown property "limit"/);
        expectProblem(check(metricsV2({ ...dailyForUser, timeDimension: { granularity: 'year' } })), /^query\.timeDimension\.granularity: "year"/);
        expectProblem(check(metricsV1({ ...dailyForUser, view: 'sessions' })), /^query\.view: "sessions"/);
      });

      it('time range', () => {
        const { toTimestamp: _to, ...noTo } = dailyForUser;
        expectProblem(check(metricsV2(noTo)), /^query: missing required property "toTimestamp"/);
        expectProblem(check(metricsV2({ ...dailyForUser, toTimestamp: FROM })), /^query\.toTimestamp: .* must be after fromTimestamp/);
        expectProblem(check(metricsV2({ ...dailyForUser, fromTimestamp: TO, toTimestamp: FROM })), /^query\.toTimestamp:/);
        expectProblem(check(metricsV2({ ...dailyForUser, fromTimestamp: 'last week' })), /^query\.fromTimestamp: "last week" is not a valid date-time/);
        expectProblem(check(metricsV1({ ...dailyForUser, toTimestamp: FROM })), /^query\.toTimestamp:/);
      });

      it('config ranges and orderBy', () => {
        expectProblem(check(metricsV2({ ...topUsers, config: { row_limit: 5000 } })), /^query\.config\.row_limit: 5000 must be <= 1000/);
        expectProblem(check(metricsV2({ ...topUsers, config: { row_limit: 0 } })), /^query\.config\.row_limit: 0 must be >= 1/);
        expectProblem(check(metricsV2({ ...topUsers, config: { row_limit: 10, bins: 101 } })), /^query\.config\.bins: 101/);
        expectProblem(check(metricsV2({ ...dailyForUser, orderBy: [{ field: 'sum_totalTokens', direction: 'descending' }] })), /^query\.orderBy\[0\]\.direction: "descending"/);
        expectProblem(check(metricsV2({ ...dailyForUser, orderBy: [{ field: 'sum_totalCost', direction: 'desc' }] })), /^query\.orderBy\[0\]\.field: "sum_totalCost" is neither a selected dimension nor a selected metric alias/);
      });

      it('userId only as a top-N query; other high-cardinality dimensions never', () => {
        const { config: _config, ...noLimit } = topUsers;
        expectProblem(check(metricsV2(noLimit)), /^query\.dimensions\[0\]\.field: userId is high-cardinality.*explicit config\.row_limit/);
        expectProblem(check(metricsV2({ ...topUsers, orderBy: [{ field: 'sum_totalCost', direction: 'asc' }] })), /^query\.orderBy\[0\]\.direction: userId is high-cardinality.*desc/);
        expectProblem(check(metricsV2({ ...topUsers, timeDimension: { granularity: 'day' } })), /^query\.timeDimension: userId is high-cardinality/);
        expectProblem(check(metricsV2({ ...topUsers, orderBy: [{ field: 'sum_inputCost', direction: 'desc' }] })), /^query\.orderBy\[0\]\.field: userId is high-cardinality.*"sum_inputCost" is not a selected metric alias/);
        expectProblem(check(metricsV2({ ...topUsers, orderBy: [] })), /non-empty orderBy/);
        expectProblem(check(metricsV2({ ...topUsers, orderBy: [{ field: 'userId', direction: 'desc' }] })), /^query\.orderBy\[0\]\.field: userId is high-cardinality/);
        expectProblem(check(metricsV2({ ...topUsers, dimensions: [{ field: 'traceId' }] })), /^query\.dimensions\[0\]\.field: traceId is a high-cardinality dimension/);
        expectProblem(
          check(metricsV2({ ...topUsers, view: 'scores-numeric', dimensions: [{ field: 'observationId' }], metrics: [{ measure: 'value', aggregation: 'sum' }], orderBy: [{ field: 'sum_value', direction: 'desc' }] })),
          /^query\.dimensions\[0\]\.field: observationId is a high-cardinality dimension/,
        );
      });

      it('filters: type, operator for the type, value, key, column', () => {
        const withFilter = (f: unknown) => metricsV2({ ...dailyForUser, filters: [f] });
        expectProblem(check(withFilter({ column: 'userId', operator: 'contains', value: 5, type: 'number' })), /^query\.filters\[0\]\.operator: "contains" is not an operator for type number/);
        expectProblem(check(withFilter({ column: 'userId', operator: 'is', value: 'u1', type: 'string' })), /^query\.filters\[0\]\.operator: "is"/);
        expectProblem(check(withFilter({ column: 'userId', operator: '=', value: 'u1', type: 'text' })), /^query\.filters\[0\]\.type: "text" is not a documented filter type/);
        expectProblem(check(withFilter({ column: 'userId', operator: '=', type: 'string' })), /^query\.filters\[0\]: missing required property "value"/);
        expectProblem(check(withFilter({ column: 'environment', operator: 'any of', value: 'production', type: 'stringOptions' })), /^query\.filters\[0\]\.value: "production" must be array/);
        expectProblem(check(withFilter({ column: 'metadata', operator: '=', value: 'x', type: 'stringObject' })), /missing required property "key"/);
        expectProblem(check(withFilter({ column: 'user', operator: '=', value: 'u1', type: 'string' })), /^query\.filters\[0\]\.column: "user" is not a filter column of view observations/);
        expectProblem(check(metricsV1({ ...dailyForUser, filters: [{ column: 'userId', operator: '<>', value: 'u1', type: 'string' }] })), /^query\.filters\[0\]\.operator: "<>"/);
      });
    });

    describe('observations filter', () => {
      it('bad JSON, not an array, unknown column / type / operator, missing key', () => {
        expectProblem(check(observations({ filter: '[{"type":' })), /^filter: not valid JSON/);
        expectProblem(check(obsFilter({ type: 'string', column: 'userId', operator: '=', value: 'u1' })), /^filter: .* must be array/);
        expectProblem(check(obsFilter([{ type: 'string', column: 'user_id', operator: '=', value: 'u1' }])), /^filter\[0\]\.column: "user_id" is not a documented filter column/);
        expectProblem(check(obsFilter([{ type: 'json', column: 'userId', operator: '=', value: 'u1' }])), /^filter\[0\]\.type: "json"/);
        expectProblem(check(obsFilter([{ type: 'datetime', column: 'startTime', operator: '=', value: FROM }])), /^filter\[0\]\.operator: "=" is not an operator for type datetime/);
        expectProblem(check(obsFilter([{ type: 'categoryOptions', column: 'metadata', operator: 'any of', value: ['a'] }])), /^filter\[0\]: missing required property "key"/);
        expectProblem(check(obsFilter([{ type: 'string', column: 'userId', operator: '=', value: 'u1', negate: true }])), /^filter\[0\]: unknown property "negate"/);
      });

      it('matches only on input/output/metadata; input/output need = or matches', () => {
        expectProblem(check(obsFilter([{ type: 'string', column: 'name', operator: 'matches', value: 'x' }])), /^filter\[0\]\.operator: matches is only supported/);
        expectProblem(check(obsFilter([{ type: 'string', column: 'input', operator: 'contains', value: 'x' }])), /^filter: input\/output filters must include/);
        expect(check(obsFilter([{ type: 'string', column: 'output', operator: 'matches', value: 'needle' }]))).toEqual([]);
      });
    });
  });
});

describe('checkResponse', () => {
  const observation = {
    id: 'obs-1',
    traceId: 'trace-1',
    startTime: '2025-01-01T10:00:00.000Z',
    endTime: null,
    projectId: 'p1',
    parentObservationId: null,
    type: 'GENERATION',
    name: null,
    level: null,
    userId: 'user/1',
    usageDetails: { input: 10, output: 20, total: 30 },
    costDetails: null,
    totalCost: 0.0012,
    modelId: null,
    inputPrice: null,
    outputPrice: null,
    totalPrice: null,
    metadata: { anything: ['goes'] },
  };
  const observationsPage = { data: [observation], meta: { cursor: null } };
  const score = {
    id: 's1',
    projectId: 'p1',
    name: 'helpful',
    source: 'API',
    timestamp: '2025-01-01T10:00:00.000Z',
    environment: 'default',
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
  };
  const scoresPage = (...data: unknown[]) => ({ data, meta: { limit: 50 } });
  const check = (path: string, status: number, body: unknown) => contract.checkResponse(path, status, body);

  it('ObservationsV2Response: valid page passes, nullable fields as null pass', () => {
    expect(check('/api/public/v2/observations', 200, observationsPage)).toEqual([]);
    expect(check(`${BASE}/api/public/v2/observations?limit=1`, 200, { data: [], meta: {} })).toEqual([]);
    expect(check('/api/public/v2/observations', 200, { data: [{ ...observation, level: 'ERROR', tags: null, latency: null }], meta: { cursor: 'abc' } })).toEqual([]);
  });

  it('ObservationsV2Response: missing id, totalCost "abc", bad level enum, bad date-time fail', () => {
    const { id: _id, ...noId } = observation;
    expectProblem(check('/api/public/v2/observations', 200, { ...observationsPage, data: [noId] }), /^body\.data\[0\]: missing required property "id"/);
    expectProblem(check('/api/public/v2/observations', 200, { ...observationsPage, data: [{ ...observation, totalCost: 'abc' }] }), /^body\.data\[0\]\.totalCost: "abc" must be number or null/);
    expectProblem(check('/api/public/v2/observations', 200, { ...observationsPage, data: [{ ...observation, level: 'FATAL' }] }), /^body\.data\[0\]\.level: "FATAL" is not/);
    expectProblem(check('/api/public/v2/observations', 200, { ...observationsPage, data: [{ ...observation, startTime: 'yesterday' }] }), /^body\.data\[0\]\.startTime: "yesterday" is not a valid date-time/);
    expectProblem(check('/api/public/v2/observations', 200, { ...observationsPage, data: [{ ...observation, usageDetails: { input: '10' } }] }), /^body\.data\[0\]\.usageDetails\.input/);
    expectProblem(check('/api/public/v2/observations', 200, { data: [] }), /^body: missing required property "meta"/);
  });

  it('ScoreV3: discriminated by dataType', () => {
    expect(check('/api/public/v3/scores', 200, scoresPage({ ...score, dataType: 'BOOLEAN', value: true }))).toEqual([]);
    expect(check('/api/public/v3/scores', 200, scoresPage({ ...score, dataType: 'NUMERIC', value: 0.5 }, { ...score, dataType: 'CATEGORICAL', value: 'good' }))).toEqual([]);
    expectProblem(check('/api/public/v3/scores', 200, scoresPage({ ...score, dataType: 'BOOLEAN', value: 'true' })), /^body\.data\[0\]\.value: "true" must be boolean/);
    expectProblem(check('/api/public/v3/scores', 200, scoresPage({ ...score, dataType: 'NUMERIC', value: '0.5' })), /^body\.data\[0\]\.value: "0\.5" must be number/);
    expectProblem(check('/api/public/v3/scores', 200, scoresPage({ ...score, dataType: 'PERCENT', value: 5 })), /^body\.data\[0\]\.dataType: "PERCENT"/);
    expectProblem(check('/api/public/v3/scores', 200, scoresPage({ ...score, value: 5 })), /^body\.data\[0\]: missing required property "dataType"/);
  });

  it('ScoreV3: nullable $ref (subject) and nested discrimination (subject.kind)', () => {
    const numeric = { ...score, dataType: 'NUMERIC', value: 1, comment: null, metadata: null };
    expect(check('/api/public/v3/scores', 200, scoresPage({ ...numeric, subject: null }))).toEqual([]);
    expect(check('/api/public/v3/scores', 200, scoresPage({ ...numeric, subject: { kind: 'observation', id: 'o1', traceId: null } }))).toEqual([]);
    expectProblem(check('/api/public/v3/scores', 200, scoresPage({ ...numeric, subject: { kind: 'user', id: 'u1' } })), /^body\.data\[0\]\.subject\.kind: "user"/);
    expectProblem(check('/api/public/v3/scores', 200, scoresPage({ ...numeric, subject: { kind: 'trace' } })), /^body\.data\[0\]\.subject: missing required property "id"/);
  });

  it('MetricsV2Response and the legacy metrics response', () => {
    expect(check('/api/public/v2/metrics', 200, { data: [{ userId: 'u1', sum_totalCost: 1.5, count_count: '12' }] })).toEqual([]);
    expectProblem(check('/api/public/v2/metrics', 200, { rows: [] }), /^body: missing required property "data"/);
    expectProblem(check('/api/public/v2/metrics', 200, { data: [1] }), /^body\.data\[0\]: 1 must be object/);
    expect(check('/api/public/metrics', 200, { data: [], _deprecation: null })).toEqual([]);
  });

  it('legacy lists: page meta, trace fields, scores by dataType', () => {
    const meta = { page: 1, limit: 50, totalItems: 1, totalPages: 1 };
    const trace = { id: 't1', timestamp: FROM, name: null, sessionId: null, release: null, version: null, userId: 'u1', tags: [], public: false, environment: 'default', htmlPath: '/t1' };
    expect(check('/api/public/traces', 200, { data: [trace], meta })).toEqual([]);
    expectProblem(check('/api/public/traces', 200, { data: [{ ...trace, tags: null }], meta }), /^body\.data\[0\]\.tags: null must be array/);
    expectProblem(check('/api/public/traces', 200, { data: [], meta: { ...meta, totalPages: '1' } }), /^body\.meta\.totalPages/);
    const legacyScore = { ...score, authorUserId: null, comment: null, metadata: null, configId: null, queueId: null };
    expect(check('/api/public/v2/scores', 200, { data: [{ ...legacyScore, dataType: 'BOOLEAN', value: 1, stringValue: 'True' }], meta })).toEqual([]);
    expectProblem(check('/api/public/v2/scores', 200, { data: [{ ...legacyScore, dataType: 'CATEGORICAL', value: 0 }], meta }), /missing required property "stringValue"/);
    expectProblem(check('/api/public/observations', 200, { data: [{ id: 'o1' }], meta }), /^body\.data\[0\]: missing required property "usage"/);
  });

  it('undocumented paths, statuses and operations', () => {
    expect(check('/api/public/traces', 404, { message: 'not found' })).toEqual([]);
    expectProblem(check('/api/public/v2/metrics', 418, {}), /^status: 418 is not a documented response/);
    expectProblem(check('/api/public/v2/nothing', 200, {}), /^path:/);
    expectProblem(contract.checkResponse('/api/public/v2/metrics', 200, {}, 'DELETE'), /^method: DELETE/);
  });
});
