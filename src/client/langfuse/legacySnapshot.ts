import type { DatasetScore } from '../dataset.js';
import { UserlensError } from '../errors.js';
import { parseRange } from '../query.js';
import type { DateRange } from '../types.js';
import { endpointName, type EndpointName, type LangfuseApi } from './langfuseApi.js';
import { PageGuard, snapshotOf, TRACE_SPAN_GRACE_MS, type ListRead, type SnapshotLimits, type UserSnapshot } from './userSnapshot.js';

/**
 * One user's records from the legacy endpoints of a v3 deployment: ⌈traces / 100⌉ +
 * ⌈observations / 100⌉ + ⌈scores / 100⌉ requests, each list filtered by user, at most
 * `maxObservations` records per list.
 */

const LEGACY_PAGE = 100;

/** A user whose records in the range are more than the detail view reads. */
function tooMany(userId: string, maxObservations: number): UserlensError {
  return new UserlensError(
    'invalid_query',
    `${JSON.stringify(userId)} has more than ${maxObservations.toLocaleString('en-US')} observations in this range, more than the detail view reads at once. Choose a shorter range, or raise maxObservationsPerUser.`,
    { where: 'getUser', field: 'range' },
  );
}

export async function loadLegacy(api: LangfuseApi, userId: string, range: DateRange | undefined, limits: SnapshotLimits, signal: AbortSignal): Promise<UserSnapshot> {
  const { fromMs, toMs } = parseRange(range, 'getUser');
  const from = Number.isFinite(fromMs) ? new Date(fromMs).toISOString() : undefined;
  const to = Number.isFinite(toMs) ? new Date(toMs).toISOString() : undefined;
  const late = Number.isFinite(toMs) ? new Date(toMs + TRACE_SPAN_GRACE_MS).toISOString() : undefined;
  const capped = (name: EndpointName): ListRead => ({
    endpoint: endpointName(name),
    maxPages: pageCap(limits, LEGACY_PAGE),
    maxRows: limits.maxObservations,
    tooMany: () => tooMany(userId, limits.maxObservations),
  });
  const [traces, observations, scores] = await Promise.all([
    readNumberedList(capped('legacyTraces'), (page) => api.legacy.traces({ userId, fromTimestamp: from, toTimestamp: to, fields: 'core,io', limit: LEGACY_PAGE, page }, signal)),
    readNumberedList(capped('legacyObservations'), (page) => api.legacy.observations({ userId, fromStartTime: from, toStartTime: late, limit: LEGACY_PAGE, page }, signal)),
    // A score comes after its trace: none of the range's traces has one from before `from`.
    readNumberedList({ endpoint: endpointName('legacyScores'), maxPages: limits.maxPages }, (page) =>
      api.legacy.scores({ userId, fromTimestamp: from, limit: LEGACY_PAGE, page }, signal),
    ),
  ]);
  return snapshotOf(
    {
      traces: traces.map((trace) => ({ ...trace, userId: trace.userId ?? userId })),
      observations: observations.map((o) => ({ ...o, traceId: o.traceId ?? null, totalCost: o.calculatedTotalCost ?? null })),
      scores: scores as DatasetScore[],
    },
    { traces: endpointName('legacyTraces'), observations: endpointName('legacyObservations'), scores: endpointName('legacyScores') },
  );
}

/**
 * The page cap of a list bounded by `maxObservations`: `maxPages`, or more when full pages of
 * `pageSize` need more to reach that bound (a raised `maxObservationsPerUser` is never cut short).
 */
function pageCap(limits: SnapshotLimits, pageSize: number): number {
  return Math.max(limits.maxPages, Math.ceil(limits.maxObservations / pageSize) + 1);
}

/**
 * Every page of a page-numbered legacy list, one after the other. Pages shift while new records
 * arrive: a record seen on two pages counts once. An empty page ends the list, whatever
 * `totalPages` says.
 */
async function readNumberedList<T extends { id: string }>(
  read: ListRead,
  load: (page: number) => Promise<{ data: T[]; meta: { totalPages: number } }>,
): Promise<T[]> {
  const guard = new PageGuard(read);
  const rows = new Map<string, T>();
  for (let page = 1; ; page++) {
    const answer = await load(page);
    for (const row of answer.data) rows.set(row.id, row);
    const more = page < answer.meta.totalPages && answer.data.length > 0;
    guard.page(answer.data, rows.size, more);
    if (!more) return [...rows.values()];
  }
}
