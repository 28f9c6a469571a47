import { CSV_BOM, csvLine, type CsvValue } from '../format/toCsv.js';
import type { ExportProgress } from './exportUsers.js';
import type { ExportUserOptions, ExportUserQuery, UserExportKind } from './exportUser.js';
import type { Page, ScoreRow, SessionRow, TraceRow, UserTrackingClient } from './types.js';

/*
 * The implementation behind `exportUser`, loaded on the first export: every page of one user's
 * traces, sessions and scores, with the list export's guards (abort between pages even from a
 * source that ignores the signal, an empty page ends the read, formula-guarded CSV with a BOM).
 */

/** Pages are as large as the source allows, capped so one response stays a reasonable size. */
const PAGE = 1000;

type Row = TraceRow | SessionRow | ScoreRow;

const json = (value: unknown): CsvValue => (value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

/** Each kind's CSV columns: a field name as the header, and the raw value. */
const COLUMNS: { [K in UserExportKind]: [string, (row: never) => CsvValue][] } = {
  traces: [
    ['id', (t: TraceRow) => t.id],
    ['timestamp', (t: TraceRow) => t.timestamp],
    ['name', (t: TraceRow) => t.name],
    ['sessionId', (t: TraceRow) => t.sessionId],
    ['environment', (t: TraceRow) => t.environment],
    ['tags', (t: TraceRow) => t.tags.join('; ')],
    ['level', (t: TraceRow) => t.level],
    ['latencyMs', (t: TraceRow) => t.latency],
    ['observationCount', (t: TraceRow) => t.observationCount],
    ['inputTokens', (t: TraceRow) => t.inputTokens],
    ['outputTokens', (t: TraceRow) => t.outputTokens],
    ['totalTokens', (t: TraceRow) => t.totalTokens],
    ['totalCost', (t: TraceRow) => t.totalCost],
    ['scores', (t: TraceRow) => t.scores.map((s) => `${s.name}=${s.value ?? s.stringValue ?? ''}`).join('; ')],
    ['input', (t: TraceRow) => json(t.input)],
    ['output', (t: TraceRow) => json(t.output)],
  ],
  sessions: [
    ['sessionId', (s: SessionRow) => s.sessionId],
    ['createdAt', (s: SessionRow) => s.createdAt],
    ['lastActivity', (s: SessionRow) => s.lastActivity],
    ['durationMs', (s: SessionRow) => s.durationMs],
    ['traceCount', (s: SessionRow) => s.traceCount],
    ['observationCount', (s: SessionRow) => s.observationCount],
    ['inputTokens', (s: SessionRow) => s.inputTokens],
    ['outputTokens', (s: SessionRow) => s.outputTokens],
    ['totalTokens', (s: SessionRow) => s.totalTokens],
    ['totalCost', (s: SessionRow) => s.totalCost],
    ['errorCount', (s: SessionRow) => s.errorCount],
  ],
  scores: [
    ['id', (s: ScoreRow) => s.id],
    ['timestamp', (s: ScoreRow) => s.timestamp],
    ['name', (s: ScoreRow) => s.name],
    ['dataType', (s: ScoreRow) => s.dataType],
    ['value', (s: ScoreRow) => s.value],
    ['stringValue', (s: ScoreRow) => s.stringValue],
    ['source', (s: ScoreRow) => s.source],
    ['comment', (s: ScoreRow) => s.comment],
    ['traceId', (s: ScoreRow) => s.traceId],
    ['sessionId', (s: ScoreRow) => s.sessionId],
    ['observationId', (s: ScoreRow) => s.observationId],
  ],
};

export async function exportUserRows(client: UserTrackingClient, query: ExportUserQuery, options: ExportUserOptions): Promise<string> {
  const { format, signal, onProgress } = options;
  const asked = options.kinds?.length ? options.kinds : format === 'json' ? (['traces', 'sessions', 'scores'] as const) : (['traces'] as const);
  // A CSV document holds one table.
  const kinds = format === 'csv' ? asked.slice(0, 1) : asked;
  const progress: ExportProgress = { done: 0, total: 0 };
  const rows: Partial<Record<UserExportKind, Row[]>> = {};
  for (const kind of kinds) rows[kind] = await readAll(client, kind, query, progress, signal, onProgress);
  if (format === 'json') {
    const { userId, range, filters } = query;
    // A source that lists a long history's latest traces only says so in the document too.
    const latest = progress.latestTraces === undefined ? {} : { latestTraces: progress.latestTraces };
    return JSON.stringify({ userId, range: range ?? {}, filters: filters ?? {}, ...latest, ...rows }, null, 2);
  }
  const kind = kinds[0]!;
  const columns = COLUMNS[kind] as [string, (row: Row) => CsvValue][];
  return CSV_BOM + csvLine(columns.map(([header]) => header)) + rows[kind]!.map((row) => csvLine(columns.map(([, value]) => value(row)))).join('');
}

async function readAll(
  client: UserTrackingClient,
  kind: UserExportKind,
  query: ExportUserQuery,
  progress: ExportProgress,
  signal: AbortSignal | undefined,
  onProgress: ((progress: ExportProgress) => void) | undefined,
): Promise<Row[]> {
  const list = { traces: client.listTraces, sessions: client.listSessions, scores: client.listScores }[kind].bind(client) as (
    q: ExportUserQuery & { page: number; pageSize: number },
    o: { signal?: AbortSignal },
  ) => Promise<Page<Row>>;
  const pageSize = Math.min(client.capabilities.maxPageSize, PAGE);
  const rows: Row[] = [];
  const before = progress.total ?? 0;
  for (let page = 1; ; page++) {
    signal?.throwIfAborted();
    const result = await list({ ...query, page, pageSize }, signal ? { signal } : {});
    // A source may not honour the signal: cancelling must still stop here.
    signal?.throwIfAborted();
    rows.push(...result.items);
    progress.done += result.items.length;
    progress.total = result.total === null || progress.total === null ? null : before + result.total;
    if (result.latestTraces !== undefined) progress.latestTraces = result.latestTraces;
    onProgress?.({ ...progress });
    if (!result.hasMore || result.items.length === 0) return rows;
  }
}
