/**
 * A deliberately plain re-statement of the figure definitions, for checking the memory client:
 * arrays, filter and reduce, nothing indexed, nothing shared with `src/`. Slow on purpose.
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
  filters?: { environments?: string[]; tags?: string[] };
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
  const ends = obs.map((o) => t(o.endTime ?? o.startTime));
  return Math.max(...ends) - Math.min(...starts);
}

export function isError(ds: OracleDataset, trace: Rec): boolean {
  return ds.observations.some((o) => o.traceId === trace.id && o.level === 'ERROR');
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function summarize(ds: OracleDataset, userId: string, traces: Rec[]) {
  const obs = observationsOf(ds, traces);
  const timestamps = traces.map((trace) => t(trace.timestamp));
  const latencies = traces.map((trace) => latencyOf(ds, trace)).filter((l): l is number => l !== null);
  const traceIds = traces.map((trace) => trace.id);
  const scoreRows = ds.scores.filter(
    (s) => traceIds.includes(s.traceId) && (s.dataType === 'NUMERIC' || s.dataType === 'BOOLEAN'),
  );
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
      const userTraceIds = ds.traces.filter((t) => typeof t.userId === 'string' && t.userId !== '').map((t) => t.id);
      const everywhere = ds.scores.filter(
        (s) => s.name === name && userTraceIds.includes(s.traceId) && (s.dataType === 'NUMERIC' || s.dataType === 'BOOLEAN'),
      );
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

export function inBand(row: OracleSummary, band: OracleBand): boolean {
  const value = (row as Rec)[band.field] as number | null;
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
    const value = (row as Rec)[sort.field];
    if (sort.field === 'firstEvent' || sort.field === 'lastEvent') return value === null ? null : t(value);
    return value;
  };
  return rows.sort(compareBy(get, sort.direction, (row) => row.userId));
}
