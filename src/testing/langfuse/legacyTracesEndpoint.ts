import type { DatasetTrace } from '../../client/dataset.js';
import type { FakeIndex } from './fakeIndex.js';
import type { Column, FilterCondition } from './filters.js';
import { compileFilters, parseFilterList } from './filters.js';
import { badRequest } from '../../client/http/httpRefusal.js';
import { isoOrRaw } from './isoTime.js';
import { offsetPage, pageParams } from './offsetPage.js';
import { arrayParam, dateParam, fieldGroupsParam, stringParam } from './params.js';

/**
 * GET /api/public/traces (Langfuse v3; gone in v4): traces with their observation and score
 * ids, latency (seconds) and cost, page-numbered. Default order timestamp descending, then id
 * descending; `orderBy=field.asc|desc` re-sorts only the matching traces.
 */

const FIELD_GROUPS = ['core', 'io', 'scores', 'observations', 'metrics'] as const;
const ORDER_FIELDS = ['id', 'timestamp', 'name', 'userId', 'release', 'version', 'public', 'bookmarked', 'sessionId'];

export function getTraces(index: FakeIndex, url: URL) {
  const params = url.searchParams;
  // The spec sets no maximum for this endpoint's limit.
  const { page, limit } = pageParams(params, Infinity);
  const groups = fieldGroupsParam(params, FIELD_GROUPS, FIELD_GROUPS);
  const order = orderByParam(params);
  const conditions = params.has('filter') && params.get('filter') !== '' ? parseFilterList(params.get('filter'), 'filter') : conditionsFromParams(params);
  const predicate = compileFilters(conditions, traceColumns(index), 'filter');

  // Narrow through the user / session index when the request names one.
  const userId = exactValue(conditions, 'userId');
  const sessionId = exactValue(conditions, 'sessionId');
  let matching: number[];
  if (userId || sessionId) {
    const pool = (userId ? index.tracesByUser.get(userId) : index.tracesBySession.get(sessionId!)) ?? [];
    matching = pool.filter((t) => !predicate || predicate(t)).sort(index.compareTraces);
  } else {
    matching = [];
    for (const t of index.traceOrder()) if (!predicate || predicate(t)) matching.push(t);
  }
  if (order && !(order.field === 'timestamp' && order.direction === 'desc')) {
    const field = order.field;
    const key =
      field === 'timestamp'
        ? (t: number): Sortable => index.traceTime[t]!
        : field === 'public' || field === 'bookmarked'
          ? (t: number): Sortable => (index.traces[t]![field] === true ? 1 : 0)
          : (t: number): Sortable => sortable(index.traces[t]![field]);
    const sign = order.direction === 'asc' ? 1 : -1;
    // Stable: ties keep the default newest-first order. Nulls last either way.
    matching.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === kb) return 0;
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * sign;
    });
  }

  const { items, meta } = offsetPage(matching, page, limit);
  return { data: items.map((t) => traceItem(index, t, groups)), meta };
}

function traceItem(index: FakeIndex, t: number, groups: ReadonlySet<string>): Record<string, unknown> {
  const trace = index.traces[t]!;
  const figures = index.traceFigures();
  const item: Record<string, unknown> = {
    id: trace.id,
    timestamp: isoOrRaw(index.traceTime[t]!, trace.timestamp),
    name: trace.name ?? null,
  };
  if (groups.has('io')) Object.assign(item, { input: trace.input ?? null, output: trace.output ?? null });
  Object.assign(item, {
    sessionId: trace.sessionId ?? null,
    release: text(trace.release),
    version: text(trace.version),
    userId: trace.userId ?? null,
  });
  if (groups.has('io')) item.metadata = trace.metadata ?? null;
  const metrics = groups.has('metrics');
  const latency = figures.latencyMs[t]!;
  Object.assign(item, {
    tags: trace.tags ?? [],
    public: trace.public === true,
    environment: trace.environment || 'default',
    htmlPath: `/project/${encodeURIComponent(index.projectId)}/traces/${encodeURIComponent(trace.id)}`,
    // Excluded metrics read -1, as the spec says.
    latency: metrics ? (Number.isNaN(latency) ? null : latency / 1000) : -1,
    totalCost: metrics ? figures.totalCost[t] : -1,
    observations: groups.has('observations') ? (index.observationsByTraceId.get(trace.id) ?? []).map((i) => index.observations[i]!.id) : [],
    scores: groups.has('scores') ? (index.scoresByTraceId.get(trace.id) ?? []).map((s) => index.scores[s]!.id) : [],
  });
  return item;
}

function conditionsFromParams(params: URLSearchParams): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  for (const column of ['userId', 'name', 'sessionId', 'version', 'release']) {
    const value = stringParam(params, column);
    if (value !== undefined) conditions.push({ type: 'string', column, operator: '=', value });
  }
  const from = dateParam(params, 'fromTimestamp');
  if (from !== undefined) conditions.push({ type: 'datetime', column: 'timestamp', operator: '>=', value: new Date(from).toISOString() });
  const to = dateParam(params, 'toTimestamp');
  if (to !== undefined) conditions.push({ type: 'datetime', column: 'timestamp', operator: '<', value: new Date(to).toISOString() });
  const tags = arrayParam(params, 'tags');
  if (tags) conditions.push({ type: 'arrayOptions', column: 'tags', operator: 'all of', value: tags });
  const environments = arrayParam(params, 'environment');
  if (environments) conditions.push({ type: 'stringOptions', column: 'environment', operator: 'any of', value: environments });
  return conditions;
}

function traceColumns(index: FakeIndex): Record<string, Column> {
  const trace = (t: number): DatasetTrace => index.traces[t]!;
  const string = (get: (t: number) => unknown): Column => ({ kind: 'string', get: (t) => text(get(t)) });
  const figures = () => index.traceFigures();
  return {
    id: string((t) => trace(t).id),
    name: string((t) => trace(t).name),
    timestamp: { kind: 'datetime', get: (t) => index.traceTime[t] },
    userId: string((t) => trace(t).userId),
    sessionId: string((t) => trace(t).sessionId),
    release: string((t) => trace(t).release),
    version: string((t) => trace(t).version),
    environment: string((t) => trace(t).environment || 'default'),
    tags: { kind: 'array', get: (t) => trace(t).tags ?? [] },
    bookmarked: { kind: 'boolean', get: (t) => trace(t).bookmarked === true },
    public: { kind: 'boolean', get: (t) => trace(t).public === true },
    latency: { kind: 'number', get: (t) => (Number.isNaN(figures().latencyMs[t]!) ? null : figures().latencyMs[t]! / 1000) },
    totalCost: { kind: 'number', get: (t) => figures().totalCost[t] },
    metadata: { kind: 'object', get: (t) => trace(t).metadata ?? null },
  };
}

function orderByParam(params: URLSearchParams): { field: string; direction: 'asc' | 'desc' } | null {
  const value = stringParam(params, 'orderBy');
  if (value === undefined) return null;
  const match = /^([A-Za-z]+)\.(asc|desc)$/.exec(value);
  if (!match || !ORDER_FIELDS.includes(match[1]!)) {
    throw badRequest(`Invalid orderBy "${value}": expected [field].[asc|desc] with field one of ${ORDER_FIELDS.join(', ')}.`);
  }
  return { field: match[1]!, direction: match[2] as 'asc' | 'desc' };
}

function exactValue(conditions: readonly FilterCondition[], column: string): string | undefined {
  const condition = conditions.find((c) => c.column === column && c.type === 'string' && c.operator === '=' && typeof c.value === 'string' && c.value !== '');
  return condition?.value as string | undefined;
}

type Sortable = string | number | null;

function sortable(value: unknown): Sortable {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
