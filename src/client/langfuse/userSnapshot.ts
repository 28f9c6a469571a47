import type { DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { UserlensError, isUserlensError } from '../errors.js';
import { createMemoryClient, type MemoryClient } from '../memory/createMemoryClient.js';
import { parseIsoDate } from '../parseIsoDate.js';
import { parseRange } from '../query.js';
import type { DateRange } from '../types.js';
import { endpointName, type LangfuseApi } from './langfuseApi.js';
import type { ApiGeneration } from './listUsers.js';
import type { ObservationV2, ScoreV3 } from './schemas.js';

/**
 * One user's records in a range, read from Langfuse and answered by the in-memory client, so the
 * detail view's figures follow the same definitions as every other source. Langfuse v4 is
 * observation-first: a trace is its root observation (one per trace, starting at the trace's
 * timestamp and carrying its name, session, tags and environment).
 *
 * Requests on v4, whatever the user's volume: one page of the user's newest observations (at
 * most `windowObservations`, with their input and output), then one for the scores of their
 * traces. When that page holds the whole range and at most 100 traces, it is the user's whole
 * history and every figure is exact. Otherwise the snapshot is `partial`: its lists cover the
 * latest traces the page holds whole, and the figures come from metrics (see userMetrics.ts).
 * On legacy deployments: ⌈traces / 100⌉ + ⌈observations / 100⌉ + ⌈scores / 100⌉, each list
 * filtered by user.
 *
 * Every list is read with guards, so a source that pages without end (a cursor that comes back,
 * pages that repeat rows, a page count without end) fails with `invalid_response` after a few
 * requests, and a list never takes more than `maxPages` pages (`maxPagesPerList`).
 */

/** Observations of a trace are taken to start within this long after its root. */
export const TRACE_SPAN_GRACE_MS = 24 * 60 * 60 * 1000;
/** Trace (or session) ids per scores request: about 4 kB of URL with UUIDs, within what proxies accept. */
const TRACES_PER_READ = 100;
const SCORE_PAGE = 100;
const FIELDS = 'core,basic,usage,model,trace_context,io';

/** What one user's read may take. */
export interface SnapshotLimits {
  /** Observations (and on legacy endpoints traces) read at most: `maxObservationsPerUser`. */
  maxObservations: number;
  /** Pages read at most per list: `maxPagesPerList`. */
  maxPages: number;
  /** Whether the scores on the user's sessions are read too: `sessionScores`. */
  sessionScores: boolean;
  /** Observations read at once for one user on v4: `windowObservations`. */
  window: number;
}

export interface UserSnapshot {
  /** Answers for this user and range only. */
  client: MemoryClient;
  traceCount: number;
  /**
   * Set when the records read are not the user's whole range: the client then holds only their
   * latest `traceCount` traces, and `lastEvent` is the newest trace's timestamp when the read
   * reached into the range (null when it held none of it). `figures` answers every figure but
   * the scores when the read held the whole range and only the scores were cut short.
   */
  partial?: { lastEvent: string | null; figures?: MemoryClient };
}

export function loadUserSnapshot(
  api: LangfuseApi,
  generation: ApiGeneration,
  userId: string,
  range: DateRange | undefined,
  limits: SnapshotLimits,
  signal: AbortSignal,
): Promise<UserSnapshot> {
  // Legacy endpoints (v3 deployments) load their own reader on first use.
  return generation === 'v4' ? loadV4(api, userId, range, limits, signal) : import('./legacySnapshot.js').then(({ loadLegacy }) => loadLegacy(api, userId, range, limits, signal));
}

async function loadV4(api: LangfuseApi, userId: string, range: DateRange | undefined, limits: SnapshotLimits, signal: AbortSignal): Promise<UserSnapshot> {
  const { fromMs, toMs } = parseRange(range, 'getUser');
  const { data, meta } = await api.observations(
    {
      userId,
      fields: FIELDS,
      limit: limits.window,
      fromStartTime: Number.isFinite(fromMs) ? new Date(fromMs).toISOString() : undefined,
      toStartTime: Number.isFinite(toMs) ? new Date(toMs + TRACE_SPAN_GRACE_MS).toISOString() : undefined,
    },
    signal,
  );
  const whole = !meta.cursor;
  // Newest first: past a page that is not the whole list, only traces whose root starts after
  // its oldest observation are whole (a tie at that instant may continue on the next page).
  const oldest = whole ? -Infinity : Math.min(...data.map((o) => parseIsoDate(o.startTime)));
  // A trace may have several roots (OpenTelemetry allows it): the earliest stands for it.
  const roots = new Map<string, ObservationV2>();
  for (const observation of data) {
    if (!isRoot(observation)) continue;
    const id = observation.traceId ?? observation.id;
    const seen = roots.get(id);
    if (!seen || parseIsoDate(observation.startTime) < parseIsoDate(seen.startTime)) roots.set(id, observation);
  }
  const traces = [...roots.values()]
    .map(toTrace)
    .filter((trace) => {
      const at = parseIsoDate(trace.timestamp);
      return at >= fromMs && at < toMs && at > oldest;
    })
    .sort((a, b) => parseIsoDate(b.timestamp) - parseIsoDate(a.timestamp));

  // The scores of the latest traces one request can name, in one page (newest first). A page
  // that says more follow holds every score stamped after its oldest one, so every score of the
  // traces that start after it (a score comes after its trace): those traces are kept.
  let kept = traces.slice(0, TRACES_PER_READ);
  let scores: DatasetScore[] = [];
  if (kept.length > 0) {
    const page = await api.scores({ traceId: kept.map((trace) => trace.id).join(','), fields: 'details,subject', limit: SCORE_PAGE }, signal);
    scores = page.data.map(toScore).filter((score): score is DatasetScore => score !== null && score.traceId !== null);
    if (page.meta.cursor) {
      const last = Math.min(...scores.map((score) => parseIsoDate(score.timestamp)));
      kept = kept.filter((trace) => parseIsoDate(trace.timestamp) > last);
    }
  }
  const sources = { traces: endpointName('observations'), observations: endpointName('observations'), scores: endpointName('scores') };
  if (whole && kept.length === traces.length) {
    // A session id holding a comma cannot be named in the comma list the endpoint takes.
    const sessionIds = limits.sessionScores ? [...new Set(traces.map((trace) => trace.sessionId).filter((id): id is string => !!id && !id.includes(',')))] : [];
    // A proxy scoped to users or tags refuses scores by session (it cannot see whose they are):
    // the user's page then shows the scores on their traces, as without `sessionScores`.
    const sessionScores = await loadScores(api, 'sessionId', sessionIds, limits.maxPages, signal).catch((error: unknown) => {
      if (isUserlensError(error) && error.status === 403) return [];
      throw error;
    });
    return snapshotOf({ traces, observations: data.map(toObservation), scores: [...scores, ...sessionScores] }, sources);
  }
  const ids = new Set(kept.map((trace) => trace.id));
  const lists = snapshotOf({ traces: kept, observations: data.filter((o) => ids.has(o.traceId ?? '')).map(toObservation), scores: scores.filter((score) => ids.has(score.traceId!)) }, sources);
  return {
    ...lists,
    partial: {
      lastEvent: traces[0]?.timestamp ?? null,
      // A read that holds the whole range has every figure but the scores.
      ...(whole ? { figures: snapshotOf({ traces, observations: data.map(toObservation) }, sources).client } : {}),
    },
  };
}

/** One list read: where it comes from, and how far it may go. */
export interface ListRead {
  /** For messages, e.g. `GET /api/public/v2/observations`. */
  endpoint: string;
  /** Pages read at most; a list with more after them is the source's fault. */
  maxPages: number;
  /** Rows past which the read stops with `tooMany()`. */
  maxRows?: number;
  tooMany?: () => Error;
}

/**
 * Watches one list's pages so that a source paging without end is stopped after a few requests
 * rather than thousands: a page that says more follow must bring a row no earlier page had, a
 * cursor must never come back, and the list must end within its page cap.
 */
export class PageGuard {
  readonly #seen = new Set<string>();
  readonly #cursors = new Set<string>();
  #pages = 0;

  constructor(private readonly read: ListRead) {}

  /**
   * Counts an answered page, with `kept` the rows the list holds now (repeats included where it
   * keeps them, so they count against `maxRows` too); throws when reading on would not end.
   */
  page(rows: readonly { id: string }[], kept: number, more: boolean): void {
    const page = ++this.#pages;
    let fresh = 0;
    for (const row of rows) {
      if (this.#seen.has(row.id)) continue;
      this.#seen.add(row.id);
      fresh++;
    }
    const { endpoint, maxPages, maxRows, tooMany } = this.read;
    if (maxRows !== undefined && kept > maxRows) throw tooMany!();
    if (!more) return;
    if (fresh === 0) {
      throw pagingError(endpoint, 'data', `answered page ${page} with no record that earlier pages lacked, yet said more follow`);
    }
    if (page >= maxPages) {
      throw new UserlensError(
        'invalid_response',
        `${endpoint} still had more after ${maxPages.toLocaleString('en-US')} pages, the most userlens reads for one list (maxPagesPerList). Choose a shorter range; if the source really pages this finely, raise maxPagesPerList.`,
        { where: endpoint },
      );
    }
  }

  /** Takes the cursor of the page just counted; a cursor given before would go round for ever. */
  cursor(next: string): void {
    if (this.#cursors.has(next)) {
      throw pagingError(this.read.endpoint, 'meta.cursor', `answered page ${this.#pages} with a cursor it had given before`);
    }
    this.#cursors.add(next);
  }
}

function pagingError(endpoint: string, field: string, what: string): UserlensError {
  return new UserlensError(
    'invalid_response',
    `${endpoint} ${what}, so reading on would not end; userlens stopped there. The source, or a proxy in between, pages wrongly: retry, and if it persists, check what answers at the base URL.`,
    { where: endpoint, field },
  );
}

/** Every page of a cursor-paged list, in order (rows repeated across pages are kept, and reported later as duplicates). */
async function readCursorList<T extends { id: string }>(
  read: ListRead,
  load: (cursor: string | undefined) => Promise<{ data: T[]; meta: { cursor?: string | null | undefined } }>,
): Promise<T[]> {
  const guard = new PageGuard(read);
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await load(cursor);
    for (const row of page.data) rows.push(row);
    // An empty cursor names no page: the list ends there, as when it is left out.
    const next = page.meta.cursor || undefined;
    guard.page(page.data, rows.length, next !== undefined);
    if (next === undefined) return rows;
    guard.cursor(next);
    cursor = next;
  }
}

/**
 * The records as a memory client; a record it cannot read is the source's fault, not the host's,
 * and the error names the endpoint the record came from.
 */
export function snapshotOf(
  dataset: { traces: DatasetTrace[]; observations: DatasetObservation[]; scores?: DatasetScore[] },
  sources: Record<'traces' | 'observations' | 'scores', string>,
): UserSnapshot {
  try {
    return { client: createMemoryClient(dataset), traceCount: dataset.traces.length };
  } catch (error) {
    if (isUserlensError(error) && error.code === 'invalid_dataset') {
      // The memory client names the record as `scores[3]`, `observations[0]`, …
      const kind = /^(traces|observations|scores)\[/.exec(error.where ?? '')?.[1] as keyof typeof sources | undefined;
      const where = sources[kind ?? 'traces'];
      throw new UserlensError('invalid_response', `${where} answered records userlens cannot read: ${error.message.replace(/^\[userlens\] /, '')}`, { where, cause: error });
    }
    throw error;
  }
}

/** The scores on these traces (at most 100), or on these sessions (only those on the session itself). */
async function loadScores(api: LangfuseApi, subject: 'traceId' | 'sessionId', ids: string[], maxPages: number, signal: AbortSignal): Promise<DatasetScore[]> {
  if (ids.length === 0) return [];
  const rows = await readCursorList({ endpoint: endpointName('scores'), maxPages }, (cursor) =>
    api.scores({ [subject]: ids.join(','), fields: 'details,subject', limit: SCORE_PAGE, cursor }, signal),
  );
  return rows.map(toScore).filter((score): score is DatasetScore => score !== null && (subject === 'traceId') === (score.traceId !== null));
}

function isRoot(observation: ObservationV2): boolean {
  return observation.isRootObservation ?? !observation.parentObservationId;
}

function toTrace(root: ObservationV2): DatasetTrace {
  return {
    id: root.traceId ?? root.id,
    timestamp: root.startTime,
    name: root.traceName ?? root.name ?? null,
    userId: root.userId ?? null,
    sessionId: root.sessionId ?? null,
    tags: root.tags ?? [],
    environment: root.environment ?? null,
    release: root.release ?? null,
    input: fromRawText(root.input),
    output: fromRawText(root.output),
  };
}

/** v2 answers input and output as raw text; JSON text is shown as the JSON it encodes. */
function fromRawText(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  if (!/^[[{"]/.test(text)) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

function toObservation(observation: ObservationV2): DatasetObservation {
  return {
    id: observation.id,
    traceId: observation.traceId,
    type: observation.type,
    name: observation.name ?? null,
    parentObservationId: observation.parentObservationId ?? null,
    statusMessage: observation.statusMessage ?? null,
    startTime: observation.startTime,
    endTime: observation.endTime ?? null,
    level: observation.level ?? null,
    model: observation.providedModelName ?? null,
    usageDetails: observation.usageDetails ?? null,
    costDetails: observation.costDetails ?? null,
    totalCost: observation.totalCost ?? null,
  };
}

/** A v3 score in the dataset's terms: on a trace (or an observation of one) or on a session; `null` for other subjects. */
function toScore(score: ScoreV3): DatasetScore | null {
  const subject = score.subject;
  const traceId = subject?.kind === 'trace' ? subject.id : subject?.kind === 'observation' ? (subject.traceId ?? null) : null;
  const sessionId = subject?.kind === 'session' ? subject.id : null;
  if (!traceId && !sessionId) return null;
  const { value } = score;
  return {
    id: score.id,
    traceId: traceId || null,
    sessionId,
    observationId: subject?.kind === 'observation' ? subject.id : null,
    name: score.name,
    dataType: score.dataType,
    source: score.source,
    timestamp: score.timestamp,
    comment: score.comment ?? null,
    // BOOLEAN as 1/0 with Langfuse's "True"/"False" label; categories and texts as labels only.
    value: typeof value === 'number' ? value : typeof value === 'boolean' ? (value ? 1 : 0) : null,
    stringValue: typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'True' : 'False') : null,
  };
}
