import type { DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { UserlensError, isUserlensError } from '../errors.js';
import { createMemoryClient, type MemoryClient } from '../memory/createMemoryClient.js';
import { parseIsoDate } from '../parseIsoDate.js';
import { parseRange } from '../query.js';
import type { DateRange } from '../types.js';
import type { LangfuseApi } from './langfuseApi.js';
import type { ApiGeneration } from './listUsers.js';
import type { ObservationV2, ScoreV3 } from './schemas.js';

/**
 * One user's records in a range, read from Langfuse and answered by the in-memory client, so the
 * detail view's figures follow the same definitions as every other source. Langfuse v4 is
 * observation-first: a trace is its root observation (one per trace, starting at the trace's
 * timestamp and carrying its name, session, tags and environment).
 *
 * Requests on v4: ⌈observations / 1000⌉ for the user's observations, then ⌈scores / 100⌉ per
 * chunk of at most 100 trace ids for their scores (4 chunks at a time) — one and one for most users. On legacy
 * deployments: ⌈traces / 100⌉ + ⌈observations / 100⌉ + ⌈scores / 100⌉, each list filtered by
 * user.
 */

/** Observations of a trace are taken to start within this long after its root. */
export const TRACE_SPAN_GRACE_MS = 24 * 60 * 60 * 1000;
const PAGE = 1000;
const SCORE_PAGE = 100;
/** Trace ids per scores request: about 4 kB of URL with UUIDs, within what proxies accept. */
const TRACE_IDS_PER_SCORES_REQUEST = 100;
const SCORE_REQUESTS_AT_ONCE = 4;
const FIELDS = 'core,basic,usage,model,trace_context';
const LEGACY_PAGE = 100;

export interface UserSnapshot {
  /** Answers for this user and range only. */
  client: MemoryClient;
  traceCount: number;
}

export function loadUserSnapshot(
  api: LangfuseApi,
  generation: ApiGeneration,
  userId: string,
  range: DateRange | undefined,
  maxObservations: number,
  signal: AbortSignal,
): Promise<UserSnapshot> {
  return generation === 'v4' ? loadV4(api, userId, range, maxObservations, signal) : loadLegacy(api, userId, range, maxObservations, signal);
}

/** A user whose records in the range are more than the detail view reads. */
function tooMany(userId: string, maxObservations: number): UserlensError {
  return new UserlensError(
    'invalid_query',
    `${JSON.stringify(userId)} has more than ${maxObservations.toLocaleString('en-US')} observations in this range, more than the detail view reads at once. Choose a shorter range, or raise maxObservationsPerUser.`,
    { where: 'getUser', field: 'range' },
  );
}

async function loadV4(api: LangfuseApi, userId: string, range: DateRange | undefined, maxObservations: number, signal: AbortSignal): Promise<UserSnapshot> {
  const { fromMs, toMs } = parseRange(range, 'getUser');
  const observations: ObservationV2[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.observations(
      {
        userId,
        fields: FIELDS,
        limit: PAGE,
        fromStartTime: Number.isFinite(fromMs) ? new Date(fromMs).toISOString() : undefined,
        toStartTime: Number.isFinite(toMs) ? new Date(toMs + TRACE_SPAN_GRACE_MS).toISOString() : undefined,
        cursor,
      },
      signal,
    );
    observations.push(...page.data);
    cursor = page.meta.cursor ?? undefined;
    if (observations.length > maxObservations) throw tooMany(userId, maxObservations);
  } while (cursor);

  // A trace may have several roots (OpenTelemetry allows it): the earliest stands for it.
  const roots = new Map<string, ObservationV2>();
  for (const observation of observations) {
    if (!isRoot(observation)) continue;
    const id = observation.traceId ?? observation.id;
    const seen = roots.get(id);
    if (!seen || parseIsoDate(observation.startTime) < parseIsoDate(seen.startTime)) roots.set(id, observation);
  }
  const traces = [...roots.values()].map(toTrace).filter((trace) => {
    const at = parseIsoDate(trace.timestamp);
    return at >= fromMs && at < toMs;
  });
  const scores = await loadScores(api, traces.map((trace) => trace.id), signal);
  return snapshotOf({ traces, observations: observations.map(toObservation), scores }, 'GET /api/public/v2/observations');
}

async function loadLegacy(api: LangfuseApi, userId: string, range: DateRange | undefined, maxObservations: number, signal: AbortSignal): Promise<UserSnapshot> {
  const { fromMs, toMs } = parseRange(range, 'getUser');
  const from = Number.isFinite(fromMs) ? new Date(fromMs).toISOString() : undefined;
  const to = Number.isFinite(toMs) ? new Date(toMs).toISOString() : undefined;
  const late = Number.isFinite(toMs) ? new Date(toMs + TRACE_SPAN_GRACE_MS).toISOString() : undefined;
  const [traces, observations, scores] = await Promise.all([
    allPages((page) => api.legacy.traces({ userId, fromTimestamp: from, toTimestamp: to, fields: 'core,io', limit: LEGACY_PAGE, page }, signal), () => tooMany(userId, maxObservations), maxObservations),
    allPages((page) => api.legacy.observations({ userId, fromStartTime: from, toStartTime: late, limit: LEGACY_PAGE, page }, signal), () => tooMany(userId, maxObservations), maxObservations),
    // A score comes after its trace: none of the range's traces has one from before `from`.
    allPages((page) => api.legacy.scores({ userId, fromTimestamp: from, limit: LEGACY_PAGE, page }, signal)),
  ]);
  return snapshotOf(
    {
      traces: traces.map((trace) => ({ ...trace, userId: trace.userId ?? userId })),
      observations: observations.map((o) => ({ ...o, traceId: o.traceId ?? null, totalCost: o.calculatedTotalCost ?? null })),
      scores: scores as DatasetScore[],
    },
    'GET /api/public/traces',
  );
}

/**
 * Every page of a page-numbered legacy list, one after the other. Pages shift while new records
 * arrive: a record seen on two pages counts once.
 */
async function allPages<T extends { id: string }>(
  load: (page: number) => Promise<{ data: T[]; meta: { totalPages: number } }>,
  tooMany?: () => Error,
  max = Infinity,
): Promise<T[]> {
  const rows = new Map<string, T>();
  for (let page = 1; ; page++) {
    const answer = await load(page);
    for (const row of answer.data) rows.set(row.id, row);
    if (rows.size > max) throw tooMany!();
    if (page >= answer.meta.totalPages || answer.data.length === 0) return [...rows.values()];
  }
}

/** The records as a memory client; a record it cannot read is the source's fault, not the host's. */
function snapshotOf(dataset: { traces: DatasetTrace[]; observations: DatasetObservation[]; scores: DatasetScore[] }, where: string): UserSnapshot {
  try {
    return { client: createMemoryClient(dataset), traceCount: dataset.traces.length };
  } catch (error) {
    if (isUserlensError(error) && error.code === 'invalid_dataset') {
      throw new UserlensError('invalid_response', `${where} answered records userlens cannot read: ${error.message.replace(/^\[userlens\] /, '')}`, { where, cause: error });
    }
    throw error;
  }
}

async function loadScores(api: LangfuseApi, traceIds: string[], signal: AbortSignal): Promise<DatasetScore[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < traceIds.length; i += TRACE_IDS_PER_SCORES_REQUEST) chunks.push(traceIds.slice(i, i + TRACE_IDS_PER_SCORES_REQUEST));
  const byChunk: DatasetScore[][] = new Array(chunks.length);
  // A few chunks at a time: a user with thousands of traces needs many requests, and one at a
  // time would take as many round trips; all at once would trip the source's rate limit.
  let next = 0;
  // One chunk failing fails the load: the other workers stop asking.
  const stop = new AbortController();
  const chunkSignal = AbortSignal.any([signal, stop.signal]);
  const worker = async () => {
    while (next < chunks.length) {
      const at = next++;
      const scores: DatasetScore[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.scores({ traceId: chunks[at]!.join(','), fields: 'details,subject', limit: SCORE_PAGE, cursor }, chunkSignal);
        for (const score of page.data) {
          const mapped = toScore(score);
          if (mapped) scores.push(mapped);
        }
        cursor = page.meta.cursor ?? undefined;
      } while (cursor);
      byChunk[at] = scores;
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(SCORE_REQUESTS_AT_ONCE, chunks.length) }, () =>
      worker().catch((error: unknown) => {
        stop.abort(error);
        throw error;
      }),
    ),
  );
  return byChunk.flat();
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
  };
}

function toObservation(observation: ObservationV2): DatasetObservation {
  return {
    id: observation.id,
    traceId: observation.traceId,
    type: observation.type,
    startTime: observation.startTime,
    endTime: observation.endTime ?? null,
    level: observation.level ?? null,
    model: observation.providedModelName ?? null,
    usageDetails: observation.usageDetails ?? null,
    costDetails: observation.costDetails ?? null,
    totalCost: observation.totalCost ?? null,
  };
}

/** A v3 score in the dataset's terms; scores on sessions or experiments are on no trace. */
function toScore(score: ScoreV3): DatasetScore | null {
  const subject = score.subject;
  const traceId = subject?.kind === 'trace' ? subject.id : subject?.kind === 'observation' ? (subject.traceId ?? null) : null;
  if (!traceId) return null;
  const { value } = score;
  return {
    id: score.id,
    traceId,
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
