import { parseIsoDate } from '../../client/parseIsoDate.js';
import type { FakeIndex } from './fakeIndex.js';
import { compileFilters, parseFilterList } from './filters.js';
import type { Predicate } from './filters.js';
import { badRequest } from '../../client/http/httpRefusal.js';
import type { MetricsApiVersion, MetricsView } from './metricsViews.js';
import { buildView, viewNames } from './metricsViews.js';
import { GRANULARITIES, resolveGranularity } from './timeBuckets.js';
import type { FixedGranularity, Granularity } from './timeBuckets.js';

/**
 * The metrics `query` parameter, parsed and validated the way Langfuse validates it: every
 * problem is a 400 whose message names the field, and v2's high-cardinality rules are enforced
 * (some dimensions never, `userId` only as a top-N query).
 */

export const AGGREGATIONS = ['sum', 'avg', 'count', 'max', 'min', 'p50', 'p75', 'p90', 'p95', 'p99', 'histogram'] as const;
export type Aggregation = Exclude<(typeof AGGREGATIONS)[number], 'histogram'>;

export interface MetricSpec {
  measure: string;
  aggregation: Aggregation;
  /** `${aggregation}_${measure}`, the key the value comes back under. */
  alias: string;
}

export interface OrderSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface MetricsQuery {
  view: MetricsView;
  dimensions: string[];
  metrics: MetricSpec[];
  filter: Predicate | null;
  granularity: FixedGranularity | null;
  from: number;
  to: number;
  orderBy: OrderSpec[];
  /** null: no limit (v1 without `config.row_limit`). */
  rowLimit: number | null;
}

/** v2's default `row_limit`; v1 documents none, so there it is unlimited. */
const DEFAULT_ROW_LIMIT = 100;

export function parseMetricsQuery(index: FakeIndex, raw: string | null, version: MetricsApiVersion): MetricsQuery {
  if (raw === null || raw === '') throw badRequest('Missing query parameter "query": pass the metrics query as JSON.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('Invalid query: not valid JSON.');
  }
  if (!isObject(parsed)) throw badRequest('Invalid query: expected a JSON object.');
  const query = parsed;

  const views = viewNames(version);
  const view = typeof query.view === 'string' ? buildView(index, query.view, version) : undefined;
  if (!view) throw badRequest(`Invalid query.view ${JSON.stringify(query.view)}: expected one of ${views.join(', ')}.`);

  const from = timestamp(query.fromTimestamp, 'fromTimestamp');
  const to = timestamp(query.toTimestamp, 'toTimestamp');
  if (!(to > from)) throw badRequest('Invalid query: toTimestamp must be after fromTimestamp.');

  if (!Array.isArray(query.metrics) || query.metrics.length === 0) {
    throw badRequest('Invalid query.metrics: at least one metric { measure, aggregation } is required.');
  }
  const metrics = query.metrics.map((metric: unknown, n): MetricSpec => {
    if (!isObject(metric)) throw badRequest(`Invalid query.metrics[${n}]: expected { measure, aggregation }.`);
    const { measure, aggregation } = metric;
    if (typeof measure !== 'string' || !Object.hasOwn(view.measures, measure)) {
      throw badRequest(`Invalid query.metrics[${n}].measure ${JSON.stringify(measure)} for view ${view.name}: expected one of ${Object.keys(view.measures).join(', ')}.`);
    }
    if (typeof aggregation !== 'string' || !(AGGREGATIONS as readonly string[]).includes(aggregation)) {
      throw badRequest(`Invalid query.metrics[${n}].aggregation ${JSON.stringify(aggregation)}: expected one of ${AGGREGATIONS.join(', ')}.`);
    }
    if (aggregation === 'histogram') throw badRequest(`Invalid query.metrics[${n}]: the histogram aggregation is not supported by this fake.`);
    return { measure, aggregation: aggregation as Aggregation, alias: `${aggregation}_${measure}` };
  });

  const dimensions = optionalArray(query.dimensions, 'dimensions').map((dimension, n) => {
    const field = isObject(dimension) ? dimension.field : undefined;
    if (typeof field !== 'string') throw badRequest(`Invalid query.dimensions[${n}]: expected { field: string }.`);
    if (view.forbiddenDimensions.has(field)) {
      throw badRequest(`Invalid query.dimensions[${n}]: "${field}" is a high-cardinality dimension and cannot be grouped by in the ${view.name} view; use it as a filter instead.`);
    }
    if (!Object.hasOwn(view.dimensions, field)) {
      const allowed = Object.keys(view.dimensions).filter((name) => !view.forbiddenDimensions.has(name));
      throw badRequest(`Invalid query.dimensions[${n}].field "${field}" for view ${view.name}: expected one of ${allowed.join(', ')}.`);
    }
    return field;
  });

  const filter = compileFilters(parseFilterList(query.filters, 'query.filters'), view.filterColumns, 'query.filters');

  let granularity: FixedGranularity | null = null;
  if (query.timeDimension !== undefined && query.timeDimension !== null) {
    const value = isObject(query.timeDimension) ? query.timeDimension.granularity : undefined;
    if (typeof value !== 'string' || !(GRANULARITIES as readonly string[]).includes(value)) {
      throw badRequest(`Invalid query.timeDimension.granularity ${JSON.stringify(value)}: expected one of ${GRANULARITIES.join(', ')}.`);
    }
    granularity = resolveGranularity(value as Granularity, from, to);
  }

  const aliases = new Set(metrics.map((metric) => metric.alias));
  const orderBy = optionalArray(query.orderBy, 'orderBy').map((entry, n): OrderSpec => {
    const { field, direction } = isObject(entry) ? entry : {};
    if (typeof field !== 'string' || !(dimensions.includes(field) || aliases.has(field) || (field === 'time_dimension' && granularity !== null))) {
      throw badRequest(`Invalid query.orderBy[${n}].field ${JSON.stringify(field)}: expected a selected dimension, a metric alias (${[...aliases].join(', ')})${granularity ? ' or time_dimension' : ''}.`);
    }
    if (direction !== 'asc' && direction !== 'desc') throw badRequest(`Invalid query.orderBy[${n}].direction ${JSON.stringify(direction)}: expected asc or desc.`);
    return { field, direction };
  });

  const config = query.config === undefined || query.config === null ? {} : query.config;
  if (!isObject(config)) throw badRequest('Invalid query.config: expected an object.');
  const rowLimit = config.row_limit === undefined || config.row_limit === null ? undefined : config.row_limit;
  if (rowLimit !== undefined && !(Number.isInteger(rowLimit) && (rowLimit as number) >= 1 && (rowLimit as number) <= 1000)) {
    throw badRequest(`Invalid query.config.row_limit ${JSON.stringify(rowLimit)}: expected a whole number from 1 to 1000.`);
  }
  const bins = config.bins;
  if (bins !== undefined && bins !== null && !(Number.isInteger(bins) && (bins as number) >= 1 && (bins as number) <= 100)) {
    throw badRequest(`Invalid query.config.bins ${JSON.stringify(bins)}: expected a whole number from 1 to 100.`);
  }

  // Langfuse v2: a high-cardinality dimension such as userId is only answered as a top-N list.
  for (const field of dimensions.filter((name) => view.topNDimensions.has(name))) {
    const rule = `"${field}" is a high-cardinality dimension: the ${view.name} view groups by it only as a top-N query`;
    if (rowLimit === undefined) throw badRequest(`Invalid query: ${rule}, which needs an explicit config.row_limit (1–1000).`);
    if (orderBy.length === 0) throw badRequest(`Invalid query: ${rule}, which needs orderBy on a selected metric, descending.`);
    for (const entry of orderBy) {
      if (!aliases.has(entry.field)) throw badRequest(`Invalid query: ${rule}; orderBy may only name selected metrics, not "${entry.field}".`);
      if (entry.direction !== 'desc') throw badRequest(`Invalid query: ${rule}; orderBy "${entry.field}" must be descending.`);
    }
    if (granularity !== null) throw badRequest(`Invalid query: ${rule}, which cannot have a timeDimension.`);
  }

  return {
    view,
    dimensions,
    metrics,
    filter,
    granularity,
    from,
    to,
    orderBy,
    rowLimit: (rowLimit as number | undefined) ?? (version === 'v2' ? DEFAULT_ROW_LIMIT : null),
  };
}

function timestamp(value: unknown, name: string): number {
  if (value === undefined || value === null || value === '') throw badRequest(`Invalid query: ${name} is required (an ISO-8601 date-time).`);
  const ms = typeof value === 'string' ? parseIsoDate(value) : NaN;
  if (Number.isNaN(ms)) throw badRequest(`Invalid query.${name} ${JSON.stringify(value)}: expected an ISO-8601 date-time.`);
  return ms;
}

function optionalArray(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`Invalid query.${name}: expected an array.`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
