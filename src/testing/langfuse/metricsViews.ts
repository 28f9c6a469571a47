import type { DatasetScore } from '../../client/dataset.js';
import type { FakeIndex } from './fakeIndex.js';
import type { Column, ColumnKind, Columns } from './filters.js';

/**
 * The views of the metrics endpoints over the fake's index: which dimensions, measures and
 * filter columns each has, and how each reads a record. A row is a record index (an
 * observation, a score or a trace); a measure is that record's value, aggregated later.
 */

export type DimensionValue = string | number | boolean | null;

export interface Dimension {
  /** 'array' dimensions (tags) hold several values: a record counts once in each of its groups. */
  kind: 'string' | 'number' | 'boolean' | 'array';
  get(i: number): DimensionValue | readonly string[];
}

export interface Measure {
  /** null: no value for this record (skipped by every aggregation). */
  get(i: number): number | null;
  /** Counts: their sum, min and max arrive as strings, as ClickHouse's UInt64 does. */
  integer?: boolean;
}

export interface MetricsView {
  name: string;
  /** Number of records (rows are 0 … size − 1). */
  size: number;
  /** The time column (epoch ms) the query's range applies to. */
  time: ArrayLike<number>;
  /** Records of the underlying table that belong to the view (e.g. one score data type). */
  include?: (i: number) => boolean;
  dimensions: Readonly<Record<string, Dimension>>;
  measures: Readonly<Record<string, Measure>>;
  filterColumns: Columns;
  /** Dimensions refused outright as high-cardinality (the v2 endpoint). */
  forbiddenDimensions: ReadonlySet<string>;
  /** Dimensions allowed only in a top-N query (the v2 endpoint's `userId`). */
  topNDimensions: ReadonlySet<string>;
}

export type MetricsApiVersion = 'v1' | 'v2';

export const V2_VIEWS = ['observations', 'scores-numeric', 'scores-boolean', 'scores-categorical'] as const;
export const V1_VIEWS = ['traces', 'observations', 'scores-numeric', 'scores-boolean', 'scores-categorical'] as const;

export function viewNames(version: MetricsApiVersion): readonly string[] {
  return version === 'v2' ? V2_VIEWS : V1_VIEWS;
}

/** The view, or `undefined` when `name` is not one of this API version's views. */
export function buildView(index: FakeIndex, name: string, version: MetricsApiVersion): MetricsView | undefined {
  if (!viewNames(version).includes(name)) return undefined;
  if (name === 'observations') return observationsView(index, version);
  if (name === 'traces') return tracesView(index);
  return scoresView(index, name, version);
}

// --- observations ---------------------------------------------------------------------------------

function observationsView(index: FakeIndex, version: MetricsApiVersion): MetricsView {
  const record = (i: number) => index.observations[i]!;
  const highCardinality: Record<string, Dimension> = {
    id: text((i) => record(i).id),
    traceId: text((i) => record(i).traceId ?? null),
    userId: text((i) => index.obsUserId(i)),
    sessionId: text((i) => index.obsSessionId(i)),
    parentObservationId: text((i) => optionalString(record(i).parentObservationId)),
  };
  const dimensions: Record<string, Dimension> = {
    environment: text((i) => index.obsEnvironment(i)),
    type: text((i) => index.obsType(i)),
    name: text((i) => optionalString(record(i).name)),
    level: text((i) => index.obsLevel(i)),
    version: text((i) => optionalString(record(i).version)),
    tags: { kind: 'array', get: (i) => index.obsTags(i) },
    release: text((i) => index.obsRelease(i)),
    traceName: text((i) => index.obsTraceName(i)),
    traceRelease: text((i) => index.obsRelease(i)),
    // One version column in v4's observation-first table: the observation's, else its trace's.
    traceVersion: text((i) => optionalString(record(i).version) ?? optionalString(index.traceOfObservation(i)?.version)),
    providedModelName: text((i) => record(i).model ?? null),
    promptName: text((i) => optionalString(record(i).promptName)),
    promptVersion: { kind: 'number', get: (i) => optionalNumber(record(i).promptVersion) },
    isRootObservation: { kind: 'boolean', get: (i) => index.obsIsRoot(i) },
    startTimeMonth: text((i) => isoMonth(index.obsStart[i]!)),
    ...highCardinality,
  };
  const latency = (i: number) => index.obsLatencyMs(i);
  const perSecond = (tokens: Float64Array) => (i: number) => {
    const ms = latency(i);
    return ms === null || ms <= 0 ? null : tokens[i]! / (ms / 1000);
  };
  const measures: Record<string, Measure> = {
    count: { get: () => 1, integer: true },
    latency: { get: latency },
    streamingLatency: {
      get: (i) => {
        const ttft = index.obsTimeToFirstTokenMs(i);
        const total = latency(i);
        return ttft === null || total === null ? null : total - ttft;
      },
    },
    timeToFirstToken: { get: (i) => index.obsTimeToFirstTokenMs(i) },
    inputTokens: { get: (i) => index.obsInputTokens[i]! },
    outputTokens: { get: (i) => index.obsOutputTokens[i]! },
    totalTokens: { get: (i) => index.obsTotalTokens[i]! },
    outputTokensPerSecond: { get: perSecond(index.obsOutputTokens) },
    tokensPerSecond: { get: perSecond(index.obsTotalTokens) },
    inputCost: { get: (i) => index.obsInputCost[i]! },
    outputCost: { get: (i) => index.obsOutputCost[i]! },
    totalCost: { get: (i) => index.obsTotalCost[i]! },
    countScores: { get: (i) => index.scoreCountOfObservation(record(i).id), integer: true },
  };
  const filterColumns: Record<string, Column> = {
    ...dimensionColumns(dimensions),
    startTime: { kind: 'datetime', get: (i) => index.obsStart[i] },
    endTime: { kind: 'datetime', get: (i) => index.obsEnd[i] },
    metadata: { kind: 'object', get: (i) => record(i).metadata ?? null },
  };
  return {
    name: 'observations',
    size: index.observations.length,
    time: index.obsStart,
    dimensions,
    measures,
    filterColumns,
    ...cardinalityRules(version, ['id', 'traceId', 'sessionId', 'parentObservationId']),
  };
}

// --- scores ---------------------------------------------------------------------------------------

function scoresView(index: FakeIndex, name: string, version: MetricsApiVersion): MetricsView {
  const record = (s: number): DatasetScore => index.scores[s]!;
  const observation = (s: number) => {
    const id = record(s).observationId;
    const i = id ? index.observationById(id) : undefined;
    return i === undefined ? undefined : index.observations[i];
  };
  const categorical = name === 'scores-categorical';
  const dimensions: Record<string, Dimension> = {
    id: text((s) => record(s).id),
    traceId: text((s) => record(s).traceId ?? null),
    observationId: text((s) => record(s).observationId ?? null),
    userId: text((s) => index.scoreUserId(s)),
    sessionId: text((s) => index.scoreSessionId(s)),
    environment: text((s) => index.scoreEnvironment(s)),
    name: text((s) => record(s).name),
    source: text((s) => record(s).source),
    dataType: text((s) => record(s).dataType),
    configId: text((s) => optionalString(record(s).configId)),
    timestampMonth: text((s) => isoMonth(index.scoreTime[s]!)),
    timestampDay: text((s) => isoDay(index.scoreTime[s]!)),
    traceName: text((s) => index.traceOfScore(s)?.name ?? null),
    tags: { kind: 'array', get: (s) => index.traceOfScore(s)?.tags ?? [] },
    traceRelease: text((s) => optionalString(index.traceOfScore(s)?.release)),
    traceVersion: text((s) => optionalString(index.traceOfScore(s)?.version)),
    observationName: text((s) => optionalString(observation(s)?.name)),
    observationModelName: text((s) => observation(s)?.model ?? null),
  };
  if (categorical) dimensions.stringValue = text((s) => record(s).stringValue ?? null);
  else dimensions.value = { kind: 'number', get: (s) => record(s).value ?? null };
  if (name === 'scores-boolean') dimensions.booleanValue = { kind: 'boolean', get: (s) => record(s).value === 1 };

  const measures: Record<string, Measure> = { count: { get: () => 1, integer: true } };
  if (!categorical) measures.value = { get: (s) => (typeof record(s).value === 'number' ? record(s).value! : null) };

  const include =
    name === 'scores-numeric'
      ? (s: number) => record(s).dataType === 'NUMERIC' || record(s).dataType === 'BOOLEAN'
      : name === 'scores-boolean'
        ? (s: number) => record(s).dataType === 'BOOLEAN'
        : (s: number) => record(s).dataType === 'CATEGORICAL';
  return {
    name,
    size: index.scores.length,
    time: index.scoreTime,
    include,
    dimensions,
    measures,
    filterColumns: {
      ...dimensionColumns(dimensions),
      timestamp: { kind: 'datetime', get: (s) => index.scoreTime[s] },
      metadata: { kind: 'object', get: (s) => record(s).metadata ?? null },
    },
    ...cardinalityRules(version, ['id', 'traceId', 'sessionId', 'observationId']),
  };
}

// --- traces (v1 only) -----------------------------------------------------------------------------

function tracesView(index: FakeIndex): MetricsView {
  const trace = (t: number) => index.traces[t]!;
  const figures = index.traceFigures();
  const dimensions: Record<string, Dimension> = {
    id: text((t) => trace(t).id),
    name: text((t) => trace(t).name ?? null),
    userId: text((t) => trace(t).userId || null),
    sessionId: text((t) => trace(t).sessionId || null),
    release: text((t) => optionalString(trace(t).release)),
    version: text((t) => optionalString(trace(t).version)),
    environment: text((t) => trace(t).environment || 'default'),
    tags: { kind: 'array', get: (t) => trace(t).tags ?? [] },
    timestampMonth: text((t) => isoMonth(index.traceTime[t]!)),
  };
  const column = (values: ArrayLike<number>, integer = false): Measure => ({
    get: (t) => (Number.isNaN(values[t]!) ? null : values[t]!),
    ...(integer ? { integer } : {}),
  });
  return {
    name: 'traces',
    size: index.traces.length,
    time: index.traceTime,
    dimensions,
    measures: {
      count: { get: () => 1, integer: true },
      observationsCount: column(figures.observationCount, true),
      scoresCount: column(figures.scoreCount, true),
      latency: column(figures.latencyMs),
      inputTokens: column(figures.inputTokens),
      outputTokens: column(figures.outputTokens),
      totalTokens: column(figures.totalTokens),
      totalCost: column(figures.totalCost),
    },
    filterColumns: {
      ...dimensionColumns(dimensions),
      timestamp: { kind: 'datetime', get: (t) => index.traceTime[t] },
      metadata: { kind: 'object', get: (t) => trace(t).metadata ?? null },
    },
    forbiddenDimensions: new Set(),
    topNDimensions: new Set(),
  };
}

// --- helpers --------------------------------------------------------------------------------------

/** v2 refuses high-cardinality dimensions and allows userId only as top-N; v1 allows them all. */
function cardinalityRules(version: MetricsApiVersion, forbidden: readonly string[]) {
  return version === 'v2'
    ? { forbiddenDimensions: new Set(forbidden), topNDimensions: new Set(['userId']) }
    : { forbiddenDimensions: new Set<string>(), topNDimensions: new Set<string>() };
}

/** Every dimension is filterable, with the column kind its values have. */
function dimensionColumns(dimensions: Readonly<Record<string, Dimension>>): Record<string, Column> {
  const columns: Record<string, Column> = {};
  for (const [name, dimension] of Object.entries(dimensions)) {
    const kind: ColumnKind = dimension.kind;
    columns[name] = { kind, get: dimension.get };
  }
  return columns;
}

function text(get: (i: number) => string | null): Dimension {
  return { kind: 'string', get };
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function optionalNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isoMonth(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 7) : null;
}

function isoDay(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}
