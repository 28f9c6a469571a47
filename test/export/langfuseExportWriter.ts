import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../../src/core.ts';

/**
 * Writes a dataset the way Langfuse exports it, from Langfuse's documented field lists (the
 * "Blob Storage Export Field Reference", "Export from UI", and the export serializers in
 * langfuse/langfuse's worker and shared packages), not from the loader's code: the test of the
 * loader is that what this writes loads back into the same figures.
 */

type Row = Record<string, unknown>;
const PROJECT = 'proj-1';

/** `2026-07-10T10:20:30.123Z` as the blob export writes it: `2026-07-10 10:20:30.123000`, UTC, no zone. */
export function blobTime(iso: string | null | undefined, digits: 3 | 6 = 6): string | null {
  if (!iso) return null;
  const d = new Date(iso).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}.${d.slice(20, 23)}${digits === 6 ? '000' : ''}`;
}

/** metadata is ClickHouse `Map(String, String)`: every value a string, nested ones as JSON text. */
function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** input/output are stored as strings (JSON text, or plain text as given). */
function stored(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `usage_details` is `Map(String, UInt64)`: numbers as strings before ClickHouse 25.8, numbers after. */
function usageMap(value: Record<string, number> | null | undefined, quoted: boolean): Record<string, number | string> {
  return Object.fromEntries(Object.entries(value ?? {}).map(([k, v]) => [k, quoted ? String(v) : v]));
}

function latencySeconds(o: DatasetObservation): number | null {
  return o.endTime ? (Date.parse(o.endTime) - Date.parse(o.startTime)) / 1000 : null;
}

export interface BlobOptions {
  /** usage_details values as strings (ClickHouse < 25.8). */
  quotedUsage?: boolean;
  /** Fraction digits of the legacy tables' times (DateTime64(3)); the docs show 6. */
  legacyDigits?: 3 | 6;
}

/** `traces/` rows: id, timestamp, name, environment, project_id, metadata, user_id, session_id, release, version, public, bookmarked, tags, input, output, created_at, updated_at. */
export function blobTraces(dataset: Dataset, options: BlobOptions = {}): Row[] {
  const digits = options.legacyDigits ?? 6;
  return dataset.traces.map((t: DatasetTrace) => ({
    id: t.id,
    timestamp: blobTime(t.timestamp, digits),
    name: t.name ?? null,
    environment: t.environment ?? 'default',
    project_id: PROJECT,
    metadata: stringMap(t.metadata),
    user_id: t.userId ?? null,
    session_id: t.sessionId ?? null,
    release: (t.release as string | null | undefined) ?? null,
    version: (t.version as string | null | undefined) ?? null,
    public: Boolean(t.public),
    bookmarked: false,
    tags: t.tags ?? [],
    input: stored(t.input),
    output: stored(t.output),
    created_at: blobTime(t.timestamp, digits),
    updated_at: blobTime(t.timestamp, digits),
  }));
}

function prices(o: DatasetObservation): Row {
  return o.model ? { input_price: '0.0000025', output_price: '0.00001', total_price: null } : { input_price: null, output_price: null, total_price: null };
}

/** Legacy `observations/` rows, with the three price columns the enrichment appends. */
export function blobObservations(dataset: Dataset, options: BlobOptions = {}): Row[] {
  const digits = options.legacyDigits ?? 6;
  return (dataset.observations ?? []).map((o) => ({
    id: o.id,
    trace_id: o.traceId,
    project_id: PROJECT,
    environment: (o.environment as string | undefined) ?? 'default',
    type: o.type ?? 'SPAN',
    parent_observation_id: (o.parentObservationId as string | null | undefined) ?? null,
    start_time: blobTime(o.startTime, digits),
    end_time: blobTime(o.endTime, digits),
    name: (o.name as string | null | undefined) ?? null,
    metadata: stringMap(o.metadata),
    level: o.level ?? 'DEFAULT',
    status_message: (o.statusMessage as string | null | undefined) ?? null,
    version: null,
    input: stored(o.input),
    output: stored(o.output),
    provided_model_name: o.model ?? null,
    model_parameters: o.modelParameters ? JSON.stringify(o.modelParameters) : null,
    usage_details: usageMap(o.usageDetails, options.quotedUsage ?? true),
    cost_details: o.costDetails ?? {},
    completion_start_time: blobTime(o.completionStartTime as string | null, digits),
    prompt_name: null,
    prompt_version: null,
    total_cost: o.totalCost ?? null,
    latency: latencySeconds(o),
    time_to_first_token: null,
    model_id: o.model ? `model-${o.model}` : null,
    created_at: blobTime(o.startTime, digits),
    updated_at: blobTime(o.startTime, digits),
    prompt_id: null,
    tool_calls: [],
    tool_call_names: [],
    tool_definitions: {},
    usage_pricing_tier_name: null,
    ...prices(o),
  }));
}

/** `observations_v2/` rows (enriched): every group, the trace's user, session, name, tags and release on each row; "" where unset. */
export function blobEnrichedObservations(dataset: Dataset, options: BlobOptions = {}): Row[] {
  const traces = new Map(dataset.traces.map((t) => [t.id, t]));
  return (dataset.observations ?? []).map((o) => {
    const t = o.traceId ? traces.get(o.traceId) : undefined;
    return {
      // core
      id: o.id,
      trace_id: o.traceId ?? '',
      project_id: PROJECT,
      type: o.type ?? 'SPAN',
      parent_observation_id: (o.parentObservationId as string | null | undefined) ?? '',
      start_time: blobTime(o.startTime),
      end_time: blobTime(o.endTime),
      // basic
      name: (o.name as string | null | undefined) ?? '',
      level: o.level ?? 'DEFAULT',
      status_message: (o.statusMessage as string | null | undefined) ?? '',
      version: '',
      environment: t?.environment ?? 'default',
      bookmarked: false,
      public: false,
      user_id: t?.userId ?? '',
      session_id: t?.sessionId ?? '',
      // time
      completion_start_time: blobTime(o.completionStartTime as string | null),
      created_at: blobTime(o.startTime),
      updated_at: blobTime(o.startTime),
      // io, metadata
      input: stored(o.input) ?? '',
      output: stored(o.output) ?? '',
      metadata: stringMap(o.metadata),
      // model
      provided_model_name: o.model ?? '',
      model_id: o.model ? `model-${o.model}` : '',
      model_parameters: o.modelParameters ? JSON.stringify(o.modelParameters) : '',
      // usage
      usage_details: usageMap(o.usageDetails, options.quotedUsage ?? false),
      cost_details: o.costDetails ?? {},
      total_cost: o.totalCost ?? 0,
      usage_pricing_tier_id: '',
      usage_pricing_tier_name: '',
      // prompt
      prompt_id: '',
      prompt_name: '',
      prompt_version: null,
      // metrics (seconds, as for integrations created since 2026-04-01)
      latency: latencySeconds(o),
      time_to_first_token: null,
      // trace_context
      trace_name: t?.name ?? '',
      tags: t?.tags ?? [],
      release: (t?.release as string | undefined) ?? '',
      ...prices(o),
    };
  });
}

/** `scores/` rows: id, timestamp, project_id, environment, trace_id, observation_id, session_id, dataset_run_id, name, value, source, comment, data_type, string_value, created_at, updated_at. */
export function blobScores(dataset: Dataset, options: BlobOptions = {}): Row[] {
  const digits = options.legacyDigits ?? 6;
  return (dataset.scores ?? []).map((s: DatasetScore) => ({
    id: s.id,
    timestamp: blobTime(s.timestamp, digits),
    project_id: PROJECT,
    environment: (s.environment as string | undefined) ?? 'default',
    trace_id: s.traceId ?? null,
    observation_id: s.observationId ?? null,
    session_id: s.sessionId ?? null,
    dataset_run_id: null,
    name: s.name,
    // A TEXT score's value is exported as 0.
    value: s.value ?? 0,
    source: s.source,
    comment: s.comment ?? null,
    data_type: s.dataType,
    string_value: s.stringValue ?? null,
    created_at: blobTime(s.timestamp, digits),
    updated_at: blobTime(s.timestamp, digits),
  }));
}

/** The UI's traces table export (camelCase): …, then one column per score name holding that trace's values. */
export function uiTraces(dataset: Dataset): Row[] {
  const names = [...new Set((dataset.scores ?? []).map((s) => s.name))].sort();
  const byTrace = new Map<string, DatasetScore[]>();
  for (const s of dataset.scores ?? []) if (s.traceId) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
  return dataset.traces.map((t) => {
    const row: Row = {
      id: t.id,
      timestamp: new Date(t.timestamp).toISOString(),
      name: t.name ?? null,
      userId: t.userId ?? null,
      sessionId: t.sessionId ?? null,
      release: t.release ?? null,
      version: t.version ?? null,
      environment: t.environment ?? 'default',
      tags: t.tags ?? [],
      bookmarked: false,
      public: false,
      input: t.input ?? null,
      output: t.output ?? null,
      metadata: t.metadata ?? null,
      comments: [],
    };
    for (const name of names) {
      const scores = (byTrace.get(t.id) ?? []).filter((s) => s.name === name);
      row[name] = scores.length ? scores.map((s) => (s.dataType === 'NUMERIC' ? s.value : (s.stringValue ?? String(s.value)))) : null;
    }
    return row;
  });
}

/** The UI's scores table export (camelCase). */
export function uiScores(dataset: Dataset): Row[] {
  const traces = new Map(dataset.traces.map((t) => [t.id, t]));
  return (dataset.scores ?? []).map((s) => ({
    id: s.id,
    traceId: s.traceId ?? null,
    sessionId: s.sessionId ?? null,
    datasetRunId: null,
    timestamp: new Date(s.timestamp).toISOString(),
    source: s.source,
    name: s.name,
    dataType: s.dataType,
    value: s.value ?? null,
    stringValue: s.stringValue ?? null,
    comment: s.comment ?? null,
    metadata: null,
    observationId: s.observationId ?? null,
    traceName: s.traceId ? (traces.get(s.traceId)?.name ?? null) : null,
    userId: s.traceId ? (traces.get(s.traceId)?.userId ?? null) : null,
    traceTags: s.traceId ? (traces.get(s.traceId)?.tags ?? []) : [],
    environment: s.environment ?? 'default',
  }));
}

/** The UI's observations table export (camelCase), with the trace's name, tags, time and user on each row. */
export function uiObservations(dataset: Dataset): Row[] {
  const traces = new Map(dataset.traces.map((t) => [t.id, t]));
  return (dataset.observations ?? []).map((o) => {
    const t = o.traceId ? traces.get(o.traceId) : undefined;
    return {
      id: o.id,
      traceId: o.traceId,
      projectId: PROJECT,
      type: o.type ?? 'SPAN',
      environment: t?.environment ?? 'default',
      parentObservationId: o.parentObservationId ?? null,
      startTime: new Date(o.startTime).toISOString(),
      endTime: o.endTime ? new Date(o.endTime).toISOString() : null,
      name: o.name ?? null,
      metadata: o.metadata ?? null,
      level: o.level ?? 'DEFAULT',
      statusMessage: o.statusMessage ?? null,
      version: null,
      input: o.input ?? null,
      output: o.output ?? null,
      modelParameters: o.modelParameters ?? null,
      completionStartTime: null,
      usageDetails: o.usageDetails ?? {},
      costDetails: o.costDetails ?? {},
      model: o.model ?? null,
      latency: latencySeconds(o),
      totalCost: o.totalCost ?? null,
      traceName: t?.name ?? null,
      traceTags: t?.tags ?? [],
      traceTimestamp: t ? new Date(t.timestamp).toISOString() : null,
      userId: t?.userId ?? null,
      comments: [],
    };
  });
}

/**
 * The serializers: JSON is one compact array; JSONL one compact object per line, each ending in
 * `\n`; CSV quotes every header and field (inner quotes doubled), `null` as `""`, objects and
 * arrays as JSON text, lines ending in `\n`. An empty table is `[]`, or an empty file.
 */
export function serialize(rows: Row[], type: 'json' | 'jsonl' | 'csv'): string {
  if (type === 'json') return JSON.stringify(rows);
  if (type === 'jsonl') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  if (rows.length === 0) return '';
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const cell = (value: unknown) => (value === null || value === undefined ? '""' : quote(typeof value === 'object' ? JSON.stringify(value) : String(value)));
  const header = Object.keys(rows[0]!);
  return [header.map(quote).join(','), ...rows.map((row) => header.map((key) => cell(row[key])).join(','))].map((line) => `${line}\n`).join('');
}

/** A run's manifest (`manifests/<stem>.json`), version 1, listing its files with their row counts. */
export function manifest(stem: string, files: { key: string; table: string; type: 'json' | 'jsonl' | 'csv'; gzipped: boolean; rows: number; bytes: number }[], exportSource: string): string {
  return JSON.stringify({
    version: 1,
    projectId: PROJECT,
    exportSource,
    window: { minTimestamp: '2026-07-10T09:00:00.000Z', maxTimestamp: '2026-07-10T10:00:00.000Z' },
    maxTimestamp: '2026-07-10T10:00:00.000Z',
    createdAt: '2026-07-10T10:00:05.000Z',
    tables: [...new Set(files.map((file) => file.table))],
    files: files.map((file) => ({
      key: file.key,
      table: file.table,
      fileType: file.type.toUpperCase(),
      format: `${file.type}-${file.gzipped ? 'gzip' : 'raw'}`,
      compressed: file.gzipped,
      contentType: file.gzipped ? 'application/gzip' : { json: 'application/json; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' }[file.type],
      sizeBytes: file.bytes,
      rowCount: file.rows,
    })),
  });
}
