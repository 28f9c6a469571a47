// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LangfuseScope } from '../../src/server/index.ts';
import { body, createHarness, emptyAnswer, json, metricsQuery, target, upstreamFilter, upstreamMetricsFilters } from './harness.ts';
import type { Responder } from './harness.ts';

const FULL: LangfuseScope = { environments: ['prod'], tags: ['tenant-a'], userIdPrefix: 'a:', userIds: ['a:2', 'a:1', 'a:1'] };
const FULL_CONDITIONS = [
  { column: 'environment', operator: 'any of', type: 'stringOptions', value: ['prod'] },
  { column: 'tags', operator: 'all of', type: 'arrayOptions', value: ['tenant-a'] },
  { column: 'userId', operator: 'starts with', type: 'string', value: 'a:' },
  { column: 'userId', operator: 'any of', type: 'stringOptions', value: ['a:1', 'a:2'] },
];

function scoped(scope: LangfuseScope | null, respond?: Responder) {
  return createHarness({ scope: () => scope, ...(respond ? { respond } : {}) });
}

describe('scope: the host function', () => {
  it('hands the request to scope, and an async scope works', async () => {
    const seen: string[] = [];
    const { call, calls } = createHarness({
      scope: async (request) => {
        seen.push(request.headers.get('x-tenant') ?? '');
        return { environments: [request.headers.get('x-tenant')!] };
      },
    });
    await call(target('/api/public/v2/metrics', [['query', metricsQuery()]]), { headers: { 'x-tenant': 'prod' } });
    expect(seen).toEqual(['prod']);
    expect(upstreamMetricsFilters(calls[0]!)).toEqual([FULL_CONDITIONS[0]]);
  });

  it('null, undefined and {} leave the request unconstrained', async () => {
    for (const scope of [null, undefined, {}]) {
      const { call, calls } = createHarness({ scope: () => scope as LangfuseScope | null });
      expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery()]]))).status).toBe(200);
      expect(upstreamMetricsFilters(calls[0]!)).toEqual([]);
    }
  });

  it('a throwing scope answers 403 and asks Langfuse nothing', async () => {
    const { call, calls } = createHarness({
      scope: () => {
        throw new Error('not signed in');
      },
    });
    const response = await call(target('/api/public/v2/metrics', [['query', metricsQuery()]]));
    expect(response.status).toBe(403);
    expect(JSON.stringify(await body(response))).not.toContain('not signed in');
    expect(calls).toHaveLength(0);
  });

  it('a Response from scope is the answer', async () => {
    const { call, calls } = createHarness({ scope: () => new Response('{"error":"sign in"}', { status: 401 }) });
    const response = await call(target('/api/public/v2/metrics', [['query', metricsQuery()]]));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":"sign in"}');
    expect(calls).toHaveLength(0);
  });

  it.each([
    [{ userId: 'u1' }, 'a misspelt key'],
    [{ userIds: 'u1' }, 'a string for a list'],
    [{ userIdPrefix: '' }, 'an empty prefix'],
    [{ userIdPrefix: '  ' }, 'a blank prefix'],
    [{ userIds: [''] }, 'an empty user id (Langfuse reads it as NULL: every anonymous trace)'],
    [{ userIds: ['a:1', ''] }, 'an empty user id among others'],
    [{ userIds: ['a:1', ' \t'] }, 'a blank user id'],
    [{ environments: ['prod', ''] }, 'an empty environment'],
    [{ tags: [''] }, 'an empty tag'],
    [{ tags: ['tenant-a', ' '] }, 'a blank tag'],
    [{ environments: [1] }, 'a number in a list'],
    ['u1', 'a string'],
  ])('an invalid scope (%j: %s) answers 500 and asks Langfuse nothing', async (scope, _what) => {
    const { call, calls } = createHarness({ scope: () => scope as unknown as LangfuseScope });
    const response = await call(target('/api/public/v2/metrics', [['query', metricsQuery()]]));
    expect(response.status).toBe(500);
    expect(calls).toHaveLength(0);
  });

  it.each([{ userIds: [] }, { environments: [] }])('a scope that admits nothing (%j) answers 403', async (scope) => {
    const { call, calls } = scoped(scope);
    expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery()]]))).status).toBe(403);
    expect(calls).toHaveLength(0);
  });
});

describe('scope: metrics v2 and v1', () => {
  it.each(['/api/public/v2/metrics', '/api/public/metrics'])('%s appends every scope condition after the caller filters', async (path) => {
    const { call, calls } = scoped(FULL);
    const own = { column: 'name', operator: '=', value: 'chat', type: 'string' };
    expect((await call(target(path, [['query', metricsQuery({ filters: [own] })]]))).status).toBe(200);
    expect(upstreamMetricsFilters(calls[0]!)).toEqual([own, ...FULL_CONDITIONS]);
  });

  it('cannot be widened by filters that name other users, negate the scope or contradict each other', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'] });
    const tricks = [
      [{ column: 'userId', operator: '=', value: 'b:9', type: 'string' }],
      [{ column: 'userId', operator: 'none of', value: ['a:1'], type: 'stringOptions' }],
      [
        { column: 'userId', operator: 'any of', value: ['b:9'], type: 'stringOptions' },
        { column: 'userId', operator: 'is not null', type: 'null' },
      ],
    ];
    for (const filters of tricks) {
      expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery({ filters })]]))).status).toBe(200);
      const sent = upstreamMetricsFilters(calls.at(-1)!);
      expect(sent.slice(0, filters.length)).toEqual(filters);
      expect(sent.at(-1)).toEqual({ column: 'userId', operator: 'any of', type: 'stringOptions', value: ['a:1'] });
    }
  });

  it('cannot be widened to anonymous traces: filters matching NULL or empty user ids are ANDed with the scope', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'], environments: ['prod'] });
    const scope = [
      { column: 'environment', operator: 'any of', type: 'stringOptions', value: ['prod'] },
      { column: 'userId', operator: 'any of', type: 'stringOptions', value: ['a:1'] },
    ];
    const tricks = [
      [{ column: 'userId', operator: 'is null', type: 'null' }],
      [{ column: 'userId', operator: 'any of', value: ['', 'a:1'], type: 'stringOptions' }],
      [{ column: 'userId', operator: '=', value: '', type: 'string' }],
      [{ column: 'userId', operator: 'starts with', value: '', type: 'string' }],
      [{ column: 'environment', operator: 'any of', value: [''], type: 'stringOptions' }],
    ];
    for (const filters of tricks) {
      expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery({ filters })]]))).status).toBe(200);
      expect(upstreamMetricsFilters(calls.at(-1)!)).toEqual([...filters, ...scope]);
      expect((await call(target('/api/public/v2/observations', [['filter', JSON.stringify(filters)], ['userId', '']]))).status).toBe(200);
      expect(upstreamFilter(calls.at(-1)!)).toEqual([...filters, { type: 'string', column: 'userId', operator: '=', value: '' }, ...scope]);
    }
  });

  it('re-serializes the query: a duplicate "filters" key or null filters cannot drop the scope', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'] });
    const duplicate = `{"view":"observations","metrics":[{"measure":"count","aggregation":"count"}],"fromTimestamp":"2026-01-01T00:00:00Z","toTimestamp":"2026-02-01T00:00:00Z","filters":[],"filters":null}`;
    expect((await call(target('/api/public/v2/metrics', [['query', duplicate]]))).status).toBe(200);
    const sent = JSON.parse(calls[0]!.url.searchParams.get('query')!);
    expect(sent.filters).toEqual([{ column: 'userId', operator: 'any of', type: 'stringOptions', value: ['a:1'] }]);
    expect(calls[0]!.url.searchParams.getAll('query')).toHaveLength(1);
  });

  it('refuses a second query parameter and keys that are not in the query shape', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'] });
    const q = metricsQuery();
    expect((await call(target('/api/public/v2/metrics', [['query', q], ['query', metricsQuery({ filters: [] })]]))).status).toBe(400);
    expect((await call(target('/api/public/v2/metrics', [['query', '{"__proto__":{"filters":[]},' + q.slice(1)]]))).status).toBe(400);
    expect((await call(target('/api/public/v2/metrics', [['query', metricsQuery({ 'filters ': [] })]]))).status).toBe(400);
    expect((await call(target('/api/public/v2/metrics', [['query', '[]']]))).status).toBe(400);
    expect(calls).toHaveLength(0);
  });
});

describe('scope: observations v2', () => {
  it('folds every individual filter into one filter with the scope, and sends no individual filters', async () => {
    const { call, calls } = scoped(FULL);
    const response = await call(
      target('/api/public/v2/observations', [
        ['userId', 'b:9'],
        ['sessionId', 's1'],
        ['traceId', 't1'],
        ['name', 'chat'],
        ['type', 'GENERATION'],
        ['level', 'ERROR'],
        ['version', 'v2'],
        ['environment', 'staging'],
        ['environment', 'prod'],
        ['isRootObservation', 'true'],
        ['fromStartTime', '2026-01-01T00:00:00Z'],
        ['toStartTime', '2026-02-01T00:00:00Z'],
        ['fields', 'core,basic,usage'],
        ['limit', '1000'],
        ['cursor', 'abc'],
        ['parseIoAsJson', 'false'],
      ]),
    );
    expect(response.status).toBe(200);
    const sent = calls[0]!.url.searchParams;
    expect([...new Set(sent.keys())].sort()).toEqual(['cursor', 'fields', 'filter', 'limit', 'parseIoAsJson']);
    expect(upstreamFilter(calls[0]!)).toEqual([
      { type: 'string', column: 'userId', operator: '=', value: 'b:9' },
      { type: 'string', column: 'sessionId', operator: '=', value: 's1' },
      { type: 'string', column: 'traceId', operator: '=', value: 't1' },
      { type: 'string', column: 'name', operator: '=', value: 'chat' },
      { type: 'string', column: 'type', operator: '=', value: 'GENERATION' },
      { type: 'string', column: 'level', operator: '=', value: 'ERROR' },
      { type: 'string', column: 'version', operator: '=', value: 'v2' },
      { type: 'stringOptions', column: 'environment', operator: 'any of', value: ['staging', 'prod'] },
      { type: 'boolean', column: 'isRootObservation', operator: '=', value: true },
      { type: 'datetime', column: 'startTime', operator: '>=', value: '2026-01-01T00:00:00Z' },
      { type: 'datetime', column: 'startTime', operator: '<', value: '2026-02-01T00:00:00Z' },
      ...FULL_CONDITIONS,
    ]);
  });

  it('keeps the caller filter conditions and still appends the scope (userId via filter vs individual params)', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'] });
    const own = [{ type: 'stringOptions', column: 'userId', operator: 'any of', value: ['b:1', 'b:2'] }];
    await call(target('/api/public/v2/observations', [['filter', JSON.stringify(own)], ['userId', 'a:1']]));
    expect(upstreamFilter(calls[0]!)).toEqual([
      ...own,
      { type: 'string', column: 'userId', operator: '=', value: 'a:1' },
      { column: 'userId', operator: 'any of', type: 'stringOptions', value: ['a:1'] },
    ]);
    expect(calls[0]!.url.searchParams.has('userId')).toBe(false);
  });

  it('sends the scope alone when the caller gave no filter, and nothing when unscoped', async () => {
    const { call, calls } = scoped({ userIdPrefix: 'a:' });
    await call('/api/public/v2/observations?limit=5');
    expect(upstreamFilter(calls[0]!)).toEqual([{ column: 'userId', operator: 'starts with', type: 'string', value: 'a:' }]);
    const open = scoped(null);
    await open.call('/api/public/v2/observations?limit=5');
    expect([...open.calls[0]!.url.searchParams]).toEqual([['limit', '5']]);
  });

  it.each([
    ['parentObservationId', ''],
    ['filter', '{not json'],
    ['filter', '{"type":"string"}'],
    ['filter', '[{"type":"string","column":"userId","operator":"=","value":"x","or":[1]}]'],
    ['filter', JSON.stringify(Array.from({ length: 101 }, () => ({ type: 'string', column: 'name', operator: '=', value: 'x' })))],
    ['isRootObservation', 'yes'],
    ['fromStartTime', 'yesterday'],
    ['fromStartTime', '1'],
    ['toStartTime', 'March 7'],
    ['toStartTime', '2026-03-07 10:00'],
    ['fromStartTime', '2026-02-30T00:00:00Z'],
    ['fromStartTime', '2026-03-07T10:00:00'],
    ['expandMetadata', 'key1'],
    ['fields', 'core,metadata'],
    ['fields', 'time'],
    ['fields', 'basic,prompt'],
    ['fields', 'metrics'],
    ['fields', 'core,unknown'],
    ['fields', ''],
  ])('refuses %s=%s with 400', async (name, value) => {
    const { call, calls } = scoped({ userIds: ['a:1'] });
    expect((await call(target('/api/public/v2/observations', [[name, value]]))).status).toBe(400);
    expect(calls).toHaveLength(0);
  });
});

describe('observations v2: field groups and dates', () => {
  it('passes the field groups userlens reads, and strict ISO-8601 dates', async () => {
    const { call, calls } = scoped(null);
    for (const fields of ['core,basic,usage,model,trace_context', 'core,io', 'core, basic,usage,model,trace_context,io']) {
      expect((await call(target('/api/public/v2/observations', [['fields', fields]]))).status).toBe(200);
      expect(calls.at(-1)!.url.searchParams.get('fields')).toBe(fields);
    }
    for (const date of ['2026-03-07T10:00:00.000Z', '2026-03-07T10:00:00+02:00', '2026-03-07']) {
      expect((await call(target('/api/public/v2/observations', [['fromStartTime', date]]))).status).toBe(200);
      expect(upstreamFilter(calls.at(-1)!)).toEqual([{ type: 'datetime', column: 'startTime', operator: '>=', value: date }]);
    }
  });
});

/** Langfuse for scores tests: observations list the given root traces, scores answer a page. */
function scoresUpstream(rootTraceIds: string[]): Responder {
  return (url) => {
    if (url.pathname.endsWith('/v2/observations')) return json({ data: rootTraceIds.map((traceId, i) => ({ id: `o${i}`, traceId })), meta: {} });
    if (url.pathname.endsWith('/v3/scores')) return json({ data: [{ id: 'sc1' }], meta: { limit: 50 } });
    return emptyAnswer(url);
  };
}

describe('scope: scores v3', () => {
  it('intersects the environment list with the scope, and uses the scope when the caller named none', async () => {
    const { call, calls } = scoped({ environments: ['prod', 'eu'] });
    await call('/api/public/v3/scores?environment=prod,%20staging');
    expect(calls[0]!.url.searchParams.get('environment')).toBe('prod');
    await call('/api/public/v3/scores');
    expect(calls[1]!.url.searchParams.get('environment')).toBe('eu,prod');
  });

  it('answers an empty page without asking Langfuse when the intersection is empty', async () => {
    const { call, calls } = scoped({ environments: ['prod'] });
    const response = await call('/api/public/v3/scores?environment=staging&limit=20');
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ data: [], meta: { limit: 20 } });
    expect(calls).toHaveLength(0);
  });

  it.each([
    [{ userIds: ['a:1'] }, ''],
    [{ userIdPrefix: 'a:' }, 'limit=10'],
    [{ tags: ['tenant-a'] }, 'name=quality'],
    [{ userIds: ['a:1'] }, 'traceId=%20,%20'],
    [{ userIds: ['a:1'] }, 'sessionId=s1'],
    [{ userIds: ['a:1'] }, 'experimentId=e1'],
    [{ userIds: ['a:1'] }, 'traceId=t1&sessionId=s1'],
  ])('under %j refuses ?%s with 403 (trace ids required, sessions and experiments refused)', async (scope, query) => {
    const { call, calls } = scoped(scope, scoresUpstream(['t1']));
    const response = await call(`/api/public/v3/scores?${query}`);
    expect(response.status).toBe(403);
    expect((await body(response)).error).toMatch(/traceId|session/);
    expect(calls).toHaveLength(0);
  });

  it('checks every trace id with one observations request carrying the scope, then fetches the scores', async () => {
    const { call, calls } = scoped(FULL, scoresUpstream(['t2', 't1', 't1']));
    const response = await call('/api/public/v3/scores?traceId=t1,t2,t1&fields=details,subject&limit=100');
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ data: [{ id: 'sc1' }], meta: { limit: 50 } });
    expect(calls.map((c) => c.url.pathname)).toEqual(['/lf/api/public/v2/observations', '/lf/api/public/v3/scores']);
    const check = calls[0]!.url.searchParams;
    expect(check.get('fields')).toBe('core');
    expect(check.get('limit')).toBe('1000');
    expect(upstreamFilter(calls[0]!)).toEqual([
      { type: 'stringOptions', column: 'traceId', operator: 'any of', value: ['t1', 't2'] },
      { type: 'boolean', column: 'isRootObservation', operator: '=', value: true },
      ...FULL_CONDITIONS,
    ]);
    const scores = calls[1]!.url.searchParams;
    expect(scores.get('traceId')).toBe('t1,t2');
    expect(scores.get('environment')).toBe('prod');
  });

  it('refuses trace ids of another tenant (403) without fetching scores', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'] }, scoresUpstream(['t1']));
    const response = await call('/api/public/v3/scores?traceId=t1,t-of-b');
    expect(response.status).toBe(403);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.pathname).toBe('/lf/api/public/v2/observations');
  });

  it('fails closed when the check itself fails, without leaking Langfuse answer', async () => {
    const { call } = scoped({ userIds: ['a:1'] }, () => json({ message: 'bad key' }, 401));
    expect((await call('/api/public/v3/scores?traceId=t1')).status).toBe(502);
  });

  it('refuses more than 100 trace ids at once under a scope', async () => {
    const { call, calls } = scoped({ userIds: ['a:1'] }, scoresUpstream([]));
    const ids = Array.from({ length: 101 }, (_, i) => `t${i}`).join(',');
    expect((await call(`/api/public/v3/scores?traceId=${ids}`)).status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('forwards as asked when unscoped or scoped to environments only', async () => {
    const { call, calls } = scoped(null, scoresUpstream([]));
    await call('/api/public/v3/scores?sessionId=s1');
    expect(calls.map((c) => c.url.pathname)).toEqual(['/lf/api/public/v3/scores']);
    const envOnly = scoped({ environments: ['prod'] }, scoresUpstream([]));
    await envOnly.call('/api/public/v3/scores?sessionId=s1');
    expect(envOnly.calls).toHaveLength(1);
  });
});

describe('scope: legacy traces, observations and v2 scores', () => {
  it.each(['/api/public/traces?fields=core,io', '/api/public/observations?limit=100', '/api/public/v2/scores?limit=100'])('%s requires a userId inside a user scope', async (path) => {
    const { call, calls } = scoped({ userIds: ['a:1', 'a:2'] });
    expect((await call(path)).status).toBe(403);
    expect((await call(`${path}&userId=b:1`)).status).toBe(403);
    expect((await call(`${path}&userId=`)).status).toBe(403);
    expect((await call(`${path}&userId=a:1`)).status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.searchParams.get('userId')).toBe('a:1');
  });

  it('checks the prefix', async () => {
    const { call, calls } = scoped({ userIdPrefix: 'a:' });
    expect((await call('/api/public/traces?fields=core&userId=ab:1')).status).toBe(403);
    expect((await call('/api/public/traces?fields=core&userId=A:1')).status).toBe(403);
    expect((await call('/api/public/traces?fields=core&userId=')).status).toBe(403);
    expect((await call('/api/public/traces?fields=core&userId=a:1')).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('intersects repeated environments, and answers an empty page when nothing is left', async () => {
    const { call, calls } = scoped({ environments: ['prod', 'eu'] });
    await call('/api/public/traces?fields=core,io&environment=prod&environment=staging');
    expect(calls[0]!.url.searchParams.getAll('environment')).toEqual(['prod']);
    await call('/api/public/v2/scores');
    expect(calls[1]!.url.searchParams.getAll('environment')).toEqual(['eu', 'prod']);
    const response = await call('/api/public/traces?fields=core,io&environment=staging&page=3&limit=10');
    expect(await body(response)).toEqual({ data: [], meta: { page: 3, limit: 10, totalItems: 0, totalPages: 0 } });
    expect(calls).toHaveLength(2);
  });

  it('adds the scope tags to the caller tags (traces: tags, v2 scores: traceTags with the trace field group)', async () => {
    const { call, calls } = scoped({ tags: ['tenant-a'] });
    await call('/api/public/traces?fields=core,io&tags=x');
    expect(calls[0]!.url.searchParams.getAll('tags')).toEqual(['x', 'tenant-a']);
    await call('/api/public/v2/scores?fields=score');
    expect(calls[1]!.url.searchParams.getAll('traceTags')).toEqual(['tenant-a']);
    expect(calls[1]!.url.searchParams.get('fields')).toBe('score,trace');
    // Legacy observations have no tag parameter: a tag scope cannot be enforced there.
    expect((await call('/api/public/observations?userId=a:1')).status).toBe(403);
    expect(calls).toHaveLength(2);
  });

  it('refuses the filter parameter under a scope (it would take precedence over userId), passes it unscoped', async () => {
    const filter = JSON.stringify([{ type: 'string', column: 'userId', operator: '=', value: 'b:1' }]);
    const { call, calls } = scoped({ userIds: ['a:1'] });
    const traces = target('/api/public/traces', [['fields', 'core'], ['userId', 'a:1'], ['filter', filter]]);
    expect((await call(traces)).status).toBe(403);
    expect((await call(target('/api/public/v2/scores', [['userId', 'a:1'], ['filter', filter]]))).status).toBe(403);
    expect(calls).toHaveLength(0);
    const open = scoped(null);
    expect((await open.call(target('/api/public/traces', [['fields', 'core'], ['filter', filter]]))).status).toBe(200);
    expect(open.calls[0]!.url.searchParams.get('filter')).toBe(filter);
  });
});
