import { nearestRank } from '../../client/figures.js';
import type { Aggregation, MetricsQuery } from './metricsQuery.js';
import type { DimensionValue } from './metricsViews.js';
import { bucketStart } from './timeBuckets.js';

/**
 * Runs a validated metrics query: one linear scan over the view's records in range, grouping by
 * the dimensions (and time bucket), then aggregation, ordering and the row limit.
 *
 * - An 'array' dimension (tags) is unnested: a record with tags [a, b] counts in group a and in
 *   group b, and a record without tags is in no group (ClickHouse's arrayJoin).
 * - Buckets without data are left out (no zero-filling).
 * - Percentiles are nearest-rank over the group's values; real Langfuse uses ClickHouse's
 *   (approximate, interpolating) quantile functions, so its p50 may differ slightly.
 * - A `count` aggregation, and sum/min/max of a count measure, come back as decimal strings,
 *   the way ClickHouse serializes UInt64; other values are numbers, and an aggregate over no
 *   values is null.
 */

type Row = Record<string, unknown>;

interface Accumulator {
  n: number;
  sum: number;
  min: number;
  max: number;
  /** Kept only when a percentile asks for them. */
  values: number[] | null;
}

interface Group {
  bucket: number | null;
  dimensions: DimensionValue[];
  accumulators: Accumulator[];
  /** Aggregated values, by metric; filled after the scan. */
  results: (number | null)[];
}

const NO_VALUES: DimensionValue[] = [];
const PERCENTILES: Partial<Record<Aggregation, number>> = { p50: 50, p75: 75, p90: 90, p95: 95, p99: 99 };

export function aggregateMetrics(query: MetricsQuery): Row[] {
  const { view, metrics, filter, granularity, from, to } = query;
  const dimensions = query.dimensions.map((field) => view.dimensions[field]!);
  const measures = metrics.map((metric) => view.measures[metric.measure]!);
  const keepValues = metrics.map((metric) => PERCENTILES[metric.aggregation] !== undefined);
  // Nested maps keyed by the raw values (bucket, then each dimension): no key strings to build,
  // and Map keys already tell null, "null", 1 and "1" apart.
  const root = new Map<unknown, unknown>();
  const groups: Group[] = [];
  const values = new Array<number | null>(metrics.length);
  const time = view.time;
  // Reused for the common single-dimension case; copied when a group is created.
  const single: DimensionValue[] = [null];

  const add = (bucket: number | null, dimensionValues: DimensionValue[]) => {
    let map = root;
    let key: unknown = bucket;
    for (const value of dimensionValues) {
      let next = map.get(key) as Map<unknown, unknown> | undefined;
      if (!next) map.set(key, (next = new Map()));
      map = next;
      key = value;
    }
    let group = map.get(key) as Group | undefined;
    if (!group) {
      group = {
        bucket,
        dimensions: [...dimensionValues],
        accumulators: metrics.map((_, m) => ({ n: 0, sum: 0, min: Infinity, max: -Infinity, values: keepValues[m] ? [] : null })),
        results: [],
      };
      map.set(key, group);
      groups.push(group);
    }
    for (let m = 0; m < values.length; m++) {
      const value = values[m];
      if (value === null || value === undefined || Number.isNaN(value)) continue;
      const accumulator = group.accumulators[m]!;
      accumulator.n++;
      accumulator.sum += value;
      if (value < accumulator.min) accumulator.min = value;
      if (value > accumulator.max) accumulator.max = value;
      accumulator.values?.push(value);
    }
  };

  for (let i = 0; i < view.size; i++) {
    const t = time[i]!;
    // Langfuse bounds metrics by fromTimestamp <= t <= toTimestamp: both ends inclusive.
    if (!(t >= from && t <= to)) continue;
    if (view.include && !view.include(i)) continue;
    if (filter && !filter(i)) continue;
    for (let m = 0; m < measures.length; m++) values[m] = measures[m]!.get(i);
    const bucket = granularity === null ? null : bucketStart(t, granularity);
    if (dimensions.length === 0) {
      add(bucket, NO_VALUES);
      continue;
    }
    if (dimensions.length === 1 && dimensions[0]!.kind !== 'array') {
      single[0] = dimensions[0]!.get(i) as DimensionValue;
      add(bucket, single);
      continue;
    }
    // Each combination of the record's dimension values (several for an array dimension).
    let combinations: DimensionValue[][] = [[]];
    for (const dimension of dimensions) {
      const value = dimension.get(i);
      const options: readonly DimensionValue[] = Array.isArray(value) ? value : [value as DimensionValue];
      const next: DimensionValue[][] = [];
      for (const combination of combinations) for (const option of options) next.push([...combination, option]);
      combinations = next;
    }
    for (const combination of combinations) add(bucket, combination);
  }

  const rows = groups;
  for (const group of rows) group.results = metrics.map((metric, m) => aggregate(group.accumulators[m]!, metric.aggregation));
  rows.sort(compareGroups(query));
  const limited = query.rowLimit === null ? rows : rows.slice(0, query.rowLimit);
  return limited.map((group) => {
    const row: Row = {};
    query.dimensions.forEach((field, d) => (row[field] = group.dimensions[d]));
    if (granularity !== null) row.time_dimension = new Date(group.bucket!).toISOString();
    metrics.forEach((metric, m) => {
      const value = group.results[m] ?? null;
      const asString = metric.aggregation === 'count' || (measures[m]!.integer && metric.aggregation !== 'avg' && PERCENTILES[metric.aggregation] === undefined);
      row[metric.alias] = value === null ? null : asString ? String(value) : value;
    });
    return row;
  });
}

function aggregate(accumulator: Accumulator, aggregation: Aggregation): number | null {
  if (aggregation === 'count') return accumulator.n;
  if (accumulator.n === 0) return null;
  switch (aggregation) {
    case 'sum':
      return accumulator.sum;
    case 'avg':
      return accumulator.sum / accumulator.n;
    case 'min':
      return accumulator.min;
    case 'max':
      return accumulator.max;
    default: {
      // Sorted once per group and percentile; the values of one group only.
      const sorted = Float64Array.from(accumulator.values!).sort();
      return nearestRank(sorted, PERCENTILES[aggregation]!);
    }
  }
}

/** orderBy first, then time bucket ascending, then dimensions ascending; nulls last either way (ClickHouse's default). */
function compareGroups(query: MetricsQuery) {
  const keys: ((group: Group) => DimensionValue)[] = [];
  const directions: number[] = [];
  for (const { field, direction } of query.orderBy) {
    const d = query.dimensions.indexOf(field);
    const m = query.metrics.findIndex((metric) => metric.alias === field);
    if (field === 'time_dimension' && query.granularity !== null) keys.push((group) => group.bucket);
    else if (d >= 0) keys.push((group) => group.dimensions[d] ?? null);
    else keys.push((group) => group.results[m] ?? null);
    directions.push(direction === 'desc' ? -1 : 1);
  }
  if (query.granularity !== null) {
    keys.push((group) => group.bucket);
    directions.push(1);
  }
  query.dimensions.forEach((_, d) => {
    keys.push((group) => group.dimensions[d] ?? null);
    directions.push(1);
  });
  return (a: Group, b: Group): number => {
    for (let k = 0; k < keys.length; k++) {
      const order = compareValues(keys[k]!(a), keys[k]!(b), directions[k]!);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function compareValues(a: DimensionValue, b: DimensionValue, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : a > b ? 1 : 0) * direction;
}
