import type { DatasetScore } from '../dataset.js';
import { UserlensError } from '../errors.js';
import { parseIsoDate } from '../parseIsoDate.js';
import { LEVELS, foldCase, observationCost, observationTokens } from '../figures.js';
import { parsePaging, parseRange, parseSort, toPage, type Paging } from '../query.js';
import type {
  ModelUsage,
  Page,
  ScoreRow,
  ScoreSortField,
  ScoresQuery,
  SessionRow,
  SessionSortField,
  SessionsQuery,
  SortSpec,
  TraceRow,
  TraceSortField,
  TracesQuery,
  UserListQuery,
  UserQuery,
  UserStats,
} from '../types.js';
import { sortByKey, sortByText } from './sortByKey.js';
import { Totals, addTraceFigures, noTraceFigures } from './Totals.js';
import { TraceFilter } from './TraceFilter.js';
import { findUser, userSlice } from './userSlice.js';
import { toIso, userSummary } from './userSummary.js';
import { compareIds, type MemoryIndex } from './buildIndex.js';

/** The per-user methods: one user's stats, traces, sessions and scores. */

/** A user list query, checked, with the user's traces it covers. */
interface UserList<Field extends string> {
  paging: Paging;
  sort: SortSpec<Field>;
  /** Positions of the user's traces in the range that pass the filters, in timestamp order. */
  positions: number[];
}

/** Checks range, paging and sort, in that order, and finds the user's traces the list covers. */
function openUserList<Field extends string>(
  index: MemoryIndex,
  query: UserListQuery<Field>,
  maxPageSize: number,
  where: string,
  sortFields: readonly Field[],
  defaultSort: SortSpec<Field>,
): UserList<Field> {
  const range = parseRange(query.range, where);
  const paging = parsePaging(query, maxPageSize, where);
  const sort = parseSort(query.sort, sortFields, defaultSort, where);
  const filter = new TraceFilter(index, query.filters);
  const positions: number[] = [];
  const u = findUser(index, query.userId);
  if (u >= 0) {
    const [lo, hi] = userSlice(index, u, range);
    for (let p = lo; p < hi; p++) if (filter.none || filter.passes(p)) positions.push(p);
  }
  return { paging, sort, positions };
}

/** The page `paging` asks for out of all of `order`, each row built by `row`. */
function pageOf<T, Row>(order: readonly T[], paging: Paging, row: (item: T) => Row): Page<Row> {
  return toPage(order.slice(paging.offset, paging.offset + paging.pageSize).map(row), paging, order.length);
}

export function getUser(index: MemoryIndex, userId: string, query: UserQuery): UserStats | null {
  const range = parseRange(query.range, 'getUser');
  const u = findUser(index, userId);
  if (u < 0) return null;
  const filter = new TraceFilter(index, query.filters);
  const [lo, hi] = userSlice(index, u, range);
  const totals = new Totals(index).sum(index, lo, hi, filter);
  return { ...userSummary(index, u, lo, hi, filter, totals), models: modelUsage(index, lo, hi, filter), tags: tagUsage(index, lo, hi, filter) };
}

/** Each tag of the passing traces with the traces that carry it (a tag listed twice on one counts once). */
function tagUsage(index: MemoryIndex, lo: number, hi: number, filter: TraceFilter): { tag: string; traceCount: number }[] {
  const counts = new Map<number, number>();
  for (let p = lo; p < hi; p++) {
    if (!filter.none && !filter.passes(p)) continue;
    const tags = new Set(index.tagData.subarray(index.tagOffsets[p]!, index.tagOffsets[p + 1]!));
    for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, traceCount]) => ({ tag: index.tags[tag]!, traceCount }))
    .sort((a, b) => b.traceCount - a.traceCount || compareIds(a.tag, b.tag));
}

function modelUsage(index: MemoryIndex, lo: number, hi: number, filter: TraceFilter): ModelUsage[] {
  // Per-observation figures are derived again from the records here rather than kept in the
  // index: a detail view reads one user's observations, the index would hold every user's.
  const byModel = new Map<string | null, ModelUsage>();
  for (let p = lo; p < hi; p++) {
    if (!filter.none && !filter.passes(p)) continue;
    for (let o = index.observationOffsets[p]!; o < index.observationOffsets[p + 1]!; o++) {
      const observation = index.observations[index.observationRecord[o]!]!;
      const model = observation.model || null;
      let usage = byModel.get(model);
      if (!usage) {
        usage = { model, observationCount: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0, totalCost: 0 };
        byModel.set(model, usage);
      }
      const tokens = observationTokens(observation.usageDetails);
      usage.observationCount++;
      usage.inputTokens += tokens.input;
      usage.outputTokens += tokens.output;
      usage.totalTokens += tokens.total;
      usage.totalCost += observationCost(observation.totalCost, observation.costDetails);
    }
  }
  return [...byModel.values()].sort(
    (a, b) =>
      b.totalCost - a.totalCost ||
      (a.model === b.model ? 0 : a.model === null ? 1 : b.model === null ? -1 : compareIds(a.model, b.model)),
  );
}

// ---------------------------------------------------------------------------------------------

export const TRACE_SORT_FIELDS: readonly TraceSortField[] = [
  'timestamp',
  'name',
  'latency',
  'observationCount',
  'totalTokens',
  'totalCost',
];

export function listTraces(index: MemoryIndex, query: TracesQuery, maxPageSize: number): Page<TraceRow> {
  const { paging, sort, positions: all } = openUserList(index, query, maxPageSize, 'listTraces', TRACE_SORT_FIELDS, {
    field: 'timestamp',
    direction: 'desc',
  });
  const positions = narrowTraces(index, all, query);
  const byId = (a: number, b: number) => compareIds(index.traces[a]!.id, index.traces[b]!.id);
  if (sort.field === 'name') {
    sortByText(positions, (p) => index.traces[p]!.name ?? null, sort.direction, byId);
  } else {
    const key = {
      timestamp: index.timestamp,
      latency: index.latency,
      totalTokens: index.totalTokens,
      totalCost: index.totalCost,
      observationCount: Float64Array.from(index.observationCount),
    }[sort.field];
    sortByKey(positions, key, sort.direction, byId);
  }
  return pageOf(positions, paging, (p) => traceRow(index, p));
}

function traceRow(index: MemoryIndex, p: number): TraceRow {
  const trace = index.traces[p]!;
  const latency = index.latency[p]!;
  // By name, then time, then id: the same order whatever order the source listed them in.
  const scores = index.scores
    .slice(index.scoreOffsets[p], index.scoreOffsets[p + 1])
    .sort((a, b) => compareIds(a.name, b.name) || parseIsoDate(a.timestamp) - parseIsoDate(b.timestamp) || compareIds(a.id, b.id))
    .map((score) => ({
    name: score.name,
    dataType: score.dataType,
    value: score.value ?? null,
    stringValue: score.stringValue ?? null,
  }));
  return {
    id: trace.id,
    timestamp: toIso(index.timestamp[p]!)!,
    name: trace.name ?? null,
    sessionId: trace.sessionId || null,
    environment: index.environments[index.environment[p]!]!,
    tags: trace.tags ? [...trace.tags] : [],
    input: trace.input ?? null,
    output: trace.output ?? null,
    level: levelName(index, p),
    latency: Number.isNaN(latency) ? null : latency,
    observationCount: index.observationCount[p]!,
    inputTokens: index.inputTokens[p]!,
    outputTokens: index.outputTokens[p]!,
    totalTokens: index.totalTokens[p]!,
    totalCost: index.totalCost[p]!,
    scores,
  };
}

function levelName(index: MemoryIndex, p: number) {
  const level = index.level[p]!;
  return level < 0 ? null : LEVELS[level]!;
}

// ---------------------------------------------------------------------------------------------

export const SESSION_SORT_FIELDS: readonly SessionSortField[] = [
  'createdAt',
  'lastActivity',
  'durationMs',
  'traceCount',
  'totalTokens',
  'totalCost',
];

export function listSessions(index: MemoryIndex, query: SessionsQuery, maxPageSize: number): Page<SessionRow> {
  const { paging, sort, positions } = openUserList(index, query, maxPageSize, 'listSessions', SESSION_SORT_FIELDS, {
    field: 'lastActivity',
    direction: 'desc',
  });
  const bySession = new Map<number, SessionRow>();
  for (const p of positions) {
    const s = index.session[p]!;
    if (s < 0) continue;
    const ts = toIso(index.timestamp[p]!)!;
    let row = bySession.get(s);
    if (!row) {
      // Positions come in timestamp order, so the first trace seen opens the session.
      row = {
        sessionId: index.sessionIds[s]!,
        createdAt: ts,
        lastActivity: ts,
        durationMs: 0,
        ...noTraceFigures(),
      };
      bySession.set(s, row);
    }
    row.lastActivity = ts;
    row.durationMs = index.timestamp[p]! - Date.parse(row.createdAt);
    addTraceFigures(row, index, p);
  }
  const rows = [...bySession.values()];
  const key = Float64Array.from(rows, (row) => {
    const value = row[sort.field];
    return typeof value === 'string' ? Date.parse(value) : value;
  });
  const order = sortByKey(
    rows.map((_, i) => i),
    key,
    sort.direction,
    (a, b) => compareIds(rows[a]!.sessionId, rows[b]!.sessionId),
  );
  return pageOf(order, paging, (i) => rows[i]!);
}

// ---------------------------------------------------------------------------------------------

export const SCORE_SORT_FIELDS: readonly ScoreSortField[] = ['timestamp', 'name', 'value'];

export function listScores(index: MemoryIndex, query: ScoresQuery, maxPageSize: number): Page<ScoreRow> {
  const { paging, sort, positions } = openUserList(index, query, maxPageSize, 'listScores', SCORE_SORT_FIELDS, {
    field: 'timestamp',
    direction: 'desc',
  });
  const rows: ScoreRow[] = [];
  const add = (score: DatasetScore, traceId: string | null, sessionId: string | null) => {
    if (query.name !== undefined && score.name !== query.name) return;
    rows.push({
      id: score.id,
      timestamp: toIso(Date.parse(score.timestamp))!,
      name: score.name,
      dataType: score.dataType,
      value: score.value ?? null,
      stringValue: score.stringValue ?? null,
      source: score.source,
      comment: score.comment ?? null,
      traceId,
      sessionId,
      observationId: score.observationId ?? null,
    });
  };
  const sessions = new Set<number>();
  for (const p of positions) {
    const trace = index.traces[p]!;
    for (let i = index.scoreOffsets[p]!; i < index.scoreOffsets[p + 1]!; i++) add(index.scores[i]!, trace.id, null);
    // The scores on the trace's session, once per session.
    const s = index.session[p]!;
    if (s < 0 || sessions.has(s)) continue;
    sessions.add(s);
    for (let i = index.sessionScoreOffsets[s]!; i < index.sessionScoreOffsets[s + 1]!; i++) add(index.sessionScores[i]!, null, index.sessionIds[s]!);
  }
  const order = rows.map((_, i) => i);
  const byId = (a: number, b: number) => compareIds(rows[a]!.id, rows[b]!.id);
  if (sort.field === 'name') sortByText(order, (i) => rows[i]!.name, sort.direction, byId);
  else {
    const key = Float64Array.from(rows, (row) =>
      sort.field === 'timestamp' ? Date.parse(row.timestamp) : (row.value ?? NaN),
    );
    sortByKey(order, key, sort.direction, byId);
  }
  return pageOf(order, paging, (i) => rows[i]!);
}

/** The traces of `positions` that match the traces tab's search and levels. */
function narrowTraces(index: MemoryIndex, positions: number[], query: TracesQuery): number[] {
  const where = 'listTraces';
  const { search, levels, tags } = query;
  if (search !== undefined && typeof search !== 'string') throw new UserlensError('invalid_query', `${where}: search must be a string.`, { where, field: 'search' });
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))) {
    throw new UserlensError('invalid_query', `${where}: tags must be an array of strings.`, { where, field: 'tags' });
  }
  // Tags no trace carries are absent from the dictionary (-1): then nothing matches.
  const required = tags?.length ? [...new Set(tags)].map((tag) => index.tags.indexOf(tag)) : undefined;
  if (levels !== undefined && !(Array.isArray(levels) && levels.every((level) => LEVELS.includes(level)))) {
    throw new UserlensError('invalid_query', `${where}: levels must be an array of ${LEVELS.join(', ')}.`, { where, field: 'levels' });
  }
  const needle = search?.trim() ? foldCase(search.trim()) : '';
  // A trace without observations has no level: it matches no level asked for.
  const wanted = levels?.length ? new Set(levels.map((level) => LEVELS.indexOf(level))) : undefined;
  if (!needle && !wanted && !required) return positions;
  return positions.filter((p) => {
    if (wanted && !wanted.has(index.level[p]!)) return false;
    if (required) {
      const carried = index.tagData.subarray(index.tagOffsets[p]!, index.tagOffsets[p + 1]!);
      if (!required.every((tag) => carried.includes(tag))) return false;
    }
    if (!needle) return true;
    const trace = index.traces[p]!;
    return foldCase(trace.id).includes(needle) || (typeof trace.name === 'string' && foldCase(trace.name).includes(needle));
  });
}
