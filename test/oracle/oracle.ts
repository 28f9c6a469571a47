/**
 * A deliberately plain re-statement of the figure definitions, for checking the memory client,
 * the Langfuse client and the Langfuse fake: arrays, filter and reduce, nothing indexed,
 * nothing shared with `src/` (so a bug there cannot cancel out). Slow on purpose.
 */

type Rec = Record<string, any>;

export interface OracleDataset {
  traces: Rec[];
  observations: Rec[];
  scores: Rec[];
}

export interface OracleQuery {
  range?: { from?: string; to?: string };
  search?: string;
  filters?: { environments?: string[]; tags?: string[]; releases?: string[]; metadata?: Record<string, string> };
}

/** A trace's metadata value as text: strings, numbers and booleans as they print; anything else is none. */
export function metadataText(trace: Rec, key: string): string | null {
  const metadata = trace.metadata;
  if (typeof metadata !== 'object' || metadata === null || !Object.prototype.hasOwnProperty.call(metadata, key)) return null;
  const value = metadata[key];
  return ['string', 'number', 'boolean'].includes(typeof value) ? `${value}` : null;
}

const t = (iso: string) => new Date(iso).getTime();
/** Case-insensitive as defined: lower case, final sigma read as sigma. */
const fold = (text: string) => text.toLowerCase().split('ς').join('σ');

export function tracesOf(ds: OracleDataset, userId: string | null, query: OracleQuery): Rec[] {
  const from = query.range?.from ? t(query.range.from) : -Infinity;
  const to = query.range?.to ? t(query.range.to) : Infinity;
  const envs = query.filters?.environments ?? [];
  const tags = query.filters?.tags ?? [];
  return ds.traces.filter((trace) => {
    if (typeof trace.userId !== 'string' || trace.userId === '') return false;
    if (userId !== null && trace.userId !== userId) return false;
    const ts = t(trace.timestamp);
    if (!(ts >= from && ts < to)) return false;
    if (envs.length > 0 && !envs.includes(trace.environment || 'default')) return false;
    if (!tags.every((tag) => (trace.tags ?? []).includes(tag))) return false;
    if (!Object.entries(query.filters?.metadata ?? {}).every(([key, value]) => metadataText(trace, key) === value)) return false;
    if (query.filters?.releases?.length && !query.filters.releases.includes(trace.release)) return false;
    return true;
  });
}

export function observationsOf(ds: OracleDataset, traces: Rec[]): Rec[] {
  const ids = traces.map((trace) => trace.id);
  return ds.observations.filter((o) => ids.includes(o.traceId));
}

export function tokensOf(o: Rec) {
  const usage: Rec = o.usageDetails ?? {};
  let input = 0;
  let output = 0;
  for (const key of Object.keys(usage)) {
    if (key.toLowerCase().indexOf('input') !== -1) input = input + usage[key];
    if (key.toLowerCase().indexOf('output') !== -1) output = output + usage[key];
  }
  const total = usage.total !== undefined ? usage.total : input + output;
  return { input, output, total };
}

export function costOf(o: Rec): number {
  if (o.totalCost !== undefined && o.totalCost !== null) return o.totalCost;
  const details: Rec = o.costDetails ?? {};
  if (details.total !== undefined) return details.total;
  return Object.values(details).reduce((a: number, b: number) => a + b, 0);
}

export function latencyOf(ds: OracleDataset, trace: Rec): number | null {
  const obs = ds.observations.filter((o) => o.traceId === trace.id);
  if (obs.length === 0) return null;
  const starts = obs.map((o) => t(o.startTime));
  // An end before its start (clock skew) counts as the start: latency is never negative.
  const ends = obs.map((o) => Math.max(t(o.endTime ?? o.startTime), t(o.startTime)));
  return Math.max(...ends) - Math.min(...starts);
}

export function isError(ds: OracleDataset, trace: Rec): boolean {
  return ds.observations.some((o) => o.traceId === trace.id && o.level === 'ERROR');
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The scores on these traces, then those on their sessions: a score with no trace and a
 * `sessionId` shared by one of the traces (each session once).
 */
export function scoresOn(ds: OracleDataset, traces: Rec[]): Rec[] {
  const traceIds = new Set(traces.map((trace) => trace.id));
  const sessions = new Set(traces.map((trace) => trace.sessionId).filter((s) => typeof s === 'string' && s !== ''));
  return [
    ...ds.scores.filter((s) => traceIds.has(s.traceId)),
    ...ds.scores.filter((s) => (s.traceId === null || s.traceId === undefined) && sessions.has(s.sessionId)),
  ];
}

export function summarize(ds: OracleDataset, userId: string, traces: Rec[]) {
  const obs = observationsOf(ds, traces);
  const timestamps = traces.map((trace) => t(trace.timestamp));
  const latencies = traces.map((trace) => latencyOf(ds, trace)).filter((l): l is number => l !== null);
  const scoreRows = scoresOn(ds, traces).filter((s) => s.dataType === 'NUMERIC' || s.dataType === 'BOOLEAN');
  const names = [...new Set(scoreRows.map((s) => s.name as string))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const errorCount = traces.filter((trace) => isError(ds, trace)).length;
  return {
    userId,
    firstEvent: traces.length ? new Date(Math.min(...timestamps)).toISOString() : null,
    lastEvent: traces.length ? new Date(Math.max(...timestamps)).toISOString() : null,
    traceCount: traces.length,
    observationCount: obs.length,
    sessionCount: new Set(traces.map((trace) => trace.sessionId).filter((s) => typeof s === 'string' && s !== '')).size,
    inputTokens: sum(obs.map((o) => tokensOf(o).input)),
    outputTokens: sum(obs.map((o) => tokensOf(o).output)),
    totalTokens: sum(obs.map((o) => tokensOf(o).total)),
    totalCost: sum(obs.map(costOf)),
    errorCount,
    errorRate: traces.length ? errorCount / traces.length : null,
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    scores: names.map((name) => {
      const mine = scoreRows.filter((s) => s.name === name);
      const values = mine.map((s) => s.value as number);
      // Decided over the whole dataset (every user's scores of that name), so a name always reads the same way.
      const userTraces = ds.traces.filter((t) => typeof t.userId === 'string' && t.userId !== '');
      const everywhere = scoresOn(ds, userTraces).filter((s) => s.name === name && (s.dataType === 'NUMERIC' || s.dataType === 'BOOLEAN'));
      const dataType = everywhere.every((s) => s.dataType === 'BOOLEAN') ? 'BOOLEAN' : 'NUMERIC';
      return { name, dataType, count: values.length, mean: sum(values) / values.length };
    }),
  };
}

export type OracleSummary = ReturnType<typeof summarize>;

/** Compares with missing values (null) last in both directions, then by `tie` ascending. */
export function compareBy<T>(get: (row: T) => number | string | null, direction: 'asc' | 'desc', tie: (row: T) => string) {
  return (a: T, b: T) => {
    const x = get(a);
    const y = get(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return direction === 'asc' ? order : -order;
    }
    const p = tie(a);
    const q = tie(b);
    return p < q ? -1 : p > q ? 1 : 0;
  };
}

export interface OracleBand {
  field: string;
  gte?: number;
  gt?: number;
  lt?: number;
  lte?: number;
}

/** A row's figure by name; `score:<name>` is the mean of that score name, null without it. */
export function figureOf(row: OracleSummary, field: string): number | string | null {
  if (field.startsWith('score:')) return row.scores.find((score) => score.name === field.slice(6))?.mean ?? null;
  return (row as Rec)[field];
}

export function inBand(row: OracleSummary, band: OracleBand): boolean {
  const value = figureOf(row, band.field) as number | null;
  if (value === null) return false;
  if (band.gte !== undefined && !(value >= band.gte)) return false;
  if (band.gt !== undefined && !(value > band.gt)) return false;
  if (band.lt !== undefined && !(value < band.lt)) return false;
  if (band.lte !== undefined && !(value <= band.lte)) return false;
  return true;
}

export function oracleUsers(
  ds: OracleDataset,
  query: OracleQuery & { sort?: { field: string; direction: 'asc' | 'desc' }; bands?: OracleBand[] },
): OracleSummary[] {
  const traces = tracesOf(ds, null, query);
  const ids = [...new Set(traces.map((trace) => trace.userId as string))].filter(
    (id) => !query.search || fold(id).includes(fold(query.search)),
  );
  const rows = ids
    .map((id) => summarize(ds, id, traces.filter((trace) => trace.userId === id)))
    .filter((row) => (query.bands ?? []).every((band) => inBand(row, band)));
  const sort = query.sort ?? { field: 'lastEvent', direction: 'desc' };
  const get = (row: OracleSummary): number | string | null => {
    const value = figureOf(row, sort.field);
    if (sort.field === 'firstEvent' || sort.field === 'lastEvent') return value === null ? null : t(value as string);
    return value;
  };
  return rows.sort(compareBy(get, sort.direction, (row) => row.userId));
}

// ---------------------------------------------------------------------------------------------
// Beyond the user summary: per-observation sums, models, the per-user lists, metric aggregations

/** Token and cost sums over the observations given, whatever their traces. */
export function observationSums(obs: Rec[]) {
  return {
    input: sum(obs.map((o) => tokensOf(o).input)),
    output: sum(obs.map((o) => tokensOf(o).output)),
    total: sum(obs.map((o) => tokensOf(o).total)),
    cost: sum(obs.map(costOf)),
  };
}

/** Usage per model (`null` for none) over the traces' observations: cost descending, then model, null last. */
export function modelsOf(ds: OracleDataset, traces: Rec[]) {
  const obs = observationsOf(ds, traces);
  const models = [...new Set(obs.map((o) => (o.model || null) as string | null))];
  return models
    .map((model) => {
      const mine = obs.filter((o) => (o.model || null) === model);
      const sums = observationSums(mine);
      return { model, observationCount: mine.length, inputTokens: sums.input, outputTokens: sums.output, totalTokens: sums.total, totalCost: sums.cost };
    })
    .sort((a, b) => b.totalCost - a.totalCost || (a.model === b.model ? 0 : a.model === null ? 1 : b.model === null ? -1 : a.model < b.model ? -1 : 1));
}

/** What getUser answers: the summary and the models; `null` for an id no trace carries. */
export function oracleUser(ds: OracleDataset, userId: string, query: OracleQuery = {}) {
  if (!ds.traces.some((trace) => trace.userId === userId)) return null;
  const traces = tracesOf(ds, userId, query);
  return { ...summarize(ds, userId, traces), models: modelsOf(ds, traces), tags: tagsOf(traces) };
}

/** Each tag of the traces with the traces carrying it (once per trace): most carried first, then by tag. */
export function tagsOf(traces: Rec[]) {
  const tags = [...new Set(traces.flatMap((trace) => (trace.tags ?? []) as string[]))];
  return tags
    .map((tag) => ({ tag, traceCount: traces.filter((trace) => (trace.tags ?? []).includes(tag)).length }))
    .sort((a, b) => b.traceCount - a.traceCount || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

const LEVEL_ORDER = ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'];
const iso = (text: string) => new Date(text).toISOString();
type Sort = { field: string; direction: 'asc' | 'desc' };

function sortRows<R extends Rec>(rows: R[], sort: Sort, tie: (row: R) => string, times: string[]): R[] {
  const get = (row: R) => {
    const value = row[sort.field];
    if (value === null || value === undefined) return null;
    return times.includes(sort.field) ? t(value) : value;
  };
  return rows.sort(compareBy(get, sort.direction, tie));
}

/** One trace as listTraces shows it. */
export function traceRowOf(ds: OracleDataset, trace: Rec) {
  const obs = observationsOf(ds, [trace]);
  const sums = observationSums(obs);
  const levels = obs.map((o) => LEVEL_ORDER.indexOf(o.level ?? 'DEFAULT'));
  return {
    id: trace.id,
    timestamp: iso(trace.timestamp),
    name: trace.name ?? null,
    sessionId: trace.sessionId || null,
    environment: trace.environment || 'default',
    tags: trace.tags ?? [],
    input: trace.input ?? null,
    output: trace.output ?? null,
    level: obs.length ? LEVEL_ORDER[Math.max(...levels)]! : null,
    latency: latencyOf(ds, trace),
    observationCount: obs.length,
    inputTokens: sums.input,
    outputTokens: sums.output,
    totalTokens: sums.total,
    totalCost: sums.cost,
    // By name, then time, then id.
    scores: ds.scores
      .filter((s) => s.traceId === trace.id)
      .sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : t(a.timestamp) - t(b.timestamp) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      .map((s) => ({ name: s.name, dataType: s.dataType, value: s.value ?? null, stringValue: s.stringValue ?? null })),
  };
}

/** A user's traces in the query, as rows, sorted (newest first by default), ties by id. */
export function oracleTraces(ds: OracleDataset, userId: string, query: OracleQuery & { sort?: Sort } = {}) {
  const rows = tracesOf(ds, userId, query).map((trace) => traceRowOf(ds, trace));
  return sortRows(rows, query.sort ?? { field: 'timestamp', direction: 'desc' }, (row) => row.id, ['timestamp']);
}

/** One row per non-empty sessionId among the user's traces in the query (last activity first by default). */
export function oracleSessions(ds: OracleDataset, userId: string, query: OracleQuery & { sort?: Sort } = {}) {
  const traces = tracesOf(ds, userId, query);
  const ids = [...new Set(traces.map((trace) => trace.sessionId).filter((s) => typeof s === 'string' && s !== ''))] as string[];
  const rows = ids.map((sessionId) => {
    const mine = traces.filter((trace) => trace.sessionId === sessionId);
    const times = mine.map((trace) => t(trace.timestamp));
    const sums = observationSums(observationsOf(ds, mine));
    return {
      sessionId,
      createdAt: new Date(Math.min(...times)).toISOString(),
      lastActivity: new Date(Math.max(...times)).toISOString(),
      durationMs: Math.max(...times) - Math.min(...times),
      traceCount: mine.length,
      observationCount: observationsOf(ds, mine).length,
      inputTokens: sums.input,
      outputTokens: sums.output,
      totalTokens: sums.total,
      totalCost: sums.cost,
      errorCount: mine.filter((trace) => isError(ds, trace)).length,
    };
  });
  return sortRows(rows, query.sort ?? { field: 'lastActivity', direction: 'desc' }, (row) => row.sessionId, ['createdAt', 'lastActivity']);
}

/** The scores on the user's traces in the query and on their sessions (newest first by default), ties by id. */
export function oracleScores(ds: OracleDataset, userId: string, query: OracleQuery & { sort?: Sort; name?: string } = {}) {
  const rows = scoresOn(ds, tracesOf(ds, userId, query))
    .filter((s) => query.name === undefined || s.name === query.name)
    .map((s) => ({
      id: s.id,
      timestamp: iso(s.timestamp),
      name: s.name,
      dataType: s.dataType,
      value: s.value ?? null,
      stringValue: s.stringValue ?? null,
      source: s.source,
      comment: s.comment ?? null,
      traceId: s.traceId ?? null,
      sessionId: s.traceId === null || s.traceId === undefined ? s.sessionId : null,
      observationId: s.observationId ?? null,
    }));
  return sortRows(rows, query.sort ?? { field: 'timestamp', direction: 'desc' }, (row) => row.id, ['timestamp']);
}

/** The figures of one activity bucket: the traces whose timestamp falls in [start, end). */
export function bucketFigures(ds: OracleDataset, traces: Rec[], start: string, end: string) {
  const inside = traces.filter((trace) => t(start) <= t(trace.timestamp) && t(trace.timestamp) < t(end));
  const s = summarize(ds, 'bucket', inside);
  return {
    start,
    end,
    traceCount: s.traceCount,
    observationCount: s.observationCount,
    inputTokens: s.inputTokens,
    outputTokens: s.outputTokens,
    totalTokens: s.totalTokens,
    totalCost: s.totalCost,
    errorCount: s.errorCount,
  };
}

/** One observation's own latency in ms (end − start, at least 0), `null` without an end: the metrics views' `latency`. */
export function observationLatencyOf(o: Rec): number | null {
  return o.endTime ? Math.max(0, t(o.endTime) - t(o.startTime)) : null;
}

/**
 * A metrics aggregation over values: count, sum, avg, min, max, or pNN (nearest rank).
 * `null` over no values, except count (0).
 */
export function aggregateValues(values: number[], aggregation: string): number | null {
  if (aggregation === 'count') return values.length;
  if (values.length === 0) return null;
  if (aggregation === 'sum') return sum(values);
  if (aggregation === 'avg') return sum(values) / values.length;
  if (aggregation === 'min') return Math.min(...values);
  if (aggregation === 'max') return Math.max(...values);
  const p = /^p(\d+)$/.exec(aggregation);
  if (p) return percentile(values, Number(p[1]));
  throw new Error(`oracle: no aggregation ${aggregation}`);
}

// ---------------------------------------------------------------------------------------------
// The overview: the whole user base per bucket, and the movers

/** A user's first trace ever that passes the filters, ms; Infinity without one. */
function firstTraceMs(ds: OracleDataset, userId: string, filters: OracleQuery['filters']) {
  const times = tracesOf(ds, userId, { filters }).map((trace) => t(trace.timestamp));
  return times.length ? Math.min(...times) : Infinity;
}

/**
 * The overview over the buckets given (their edges from the source; how buckets are cut is the
 * activity's rule, checked on its own): per bucket the users with a trace in it, new when their
 * first trace ever is in it; the range's totals count each user once.
 */
export function oracleOverview(ds: OracleDataset, query: OracleQuery, buckets: { start: string; end: string }[], span: { fromMs: number; toMs: number }) {
  const traces = tracesOf(ds, null, query);
  const userIds = [...new Set(traces.map((trace) => trace.userId as string))];
  const first = new Map(userIds.map((id) => [id, firstTraceMs(ds, id, query.filters)]));
  const figures = (subset: Rec[], from: number, to: number) => {
    const users = [...new Set(subset.map((trace) => trace.userId as string))];
    const fresh = users.filter((id) => first.get(id)! >= from && first.get(id)! < to).length;
    const obs = observationsOf(ds, subset);
    return {
      activeUsers: users.length,
      newUsers: fresh,
      returningUsers: users.length - fresh,
      traceCount: subset.length,
      totalTokens: sum(obs.map((o) => tokensOf(o).total)),
      totalCost: sum(obs.map(costOf)),
    };
  };
  return {
    points: buckets.map(({ start, end }) => ({ start, end, ...figures(traces.filter((trace) => t(trace.timestamp) >= t(start) && t(trace.timestamp) < t(end)), t(start), t(end)) })),
    totals: figures(traces, span.fromMs, span.toMs),
  };
}

/** Movers against the period of the same length before `range` (both ends given). */
export function oracleMovers(ds: OracleDataset, query: OracleQuery & { range: { from: string; to: string } }, count: number) {
  const from = t(query.range.from);
  const to = t(query.range.to);
  const previous = { from: new Date(2 * from - to).toISOString(), to: query.range.from };
  const users = [...new Set(ds.traces.map((trace) => trace.userId as string).filter(Boolean))];
  const cost: { userId: string; current: number; previous: number; change: number }[] = [];
  const rate: typeof cost = [];
  for (const userId of users) {
    const now = summarize(ds, userId, tracesOf(ds, userId, query));
    const before = summarize(ds, userId, tracesOf(ds, userId, { ...query, range: previous }));
    if (now.traceCount + before.traceCount === 0) continue;
    if (now.totalCost !== before.totalCost) cost.push({ userId, current: now.totalCost, previous: before.totalCost, change: now.totalCost - before.totalCost });
    if (now.traceCount > 0 && before.traceCount > 0 && now.errorRate !== before.errorRate) {
      rate.push({ userId, current: now.errorRate!, previous: before.errorRate!, change: now.errorRate! - before.errorRate! });
    }
  }
  const top = (list: typeof cost) => list.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)).slice(0, count);
  return { previous, movers: { totalCost: top(cost), errorRate: top(rate) } };
}

// ---------------------------------------------------------------------------------------------
// Segments: users grouped by environment or tag

/** Each value of the dimension with the users and figures of the traces that carry it. */
export function oracleSegments(ds: OracleDataset, query: OracleQuery & { dimension: string; prefix?: string; scoreName?: string }) {
  const groups = new Map<string | null, Rec[]>();
  for (const trace of tracesOf(ds, null, query)) {
    const tags = [...new Set((trace.tags ?? []) as string[])].filter((tag) => tag.startsWith(query.prefix ?? ''));
    const values: (string | null)[] =
      query.dimension === 'environment'
        ? [trace.environment || 'default']
        : query.dimension === 'release'
          ? [typeof trace.release === 'string' && trace.release !== '' ? trace.release : null]
          : query.dimension.startsWith('metadata.')
          ? [metadataText(trace, query.dimension.slice('metadata.'.length))]
          : tags.length
            ? tags
            : [null];
    for (const value of values) groups.set(value, [...(groups.get(value) ?? []), trace]);
  }
  return [...groups].map(([value, traces]) => {
    const users = new Set(traces.map((trace) => trace.userId)).size;
    const obs = observationsOf(ds, traces);
    const scores = scoresOn(ds, traces).filter((s) => s.name === query.scoreName && (s.dataType === 'NUMERIC' || s.dataType === 'BOOLEAN'));
    const cost = sum(obs.map(costOf));
    return {
      value,
      userCount: users,
      traceCount: traces.length,
      totalTokens: sum(obs.map((o) => tokensOf(o).total)),
      totalCost: cost,
      costPerUser: cost / users,
      errorRate: traces.filter((trace) => isError(ds, trace)).length / traces.length,
      feedback: scores.length ? sum(scores.map((s) => s.value)) / scores.length : null,
    };
  });
}
