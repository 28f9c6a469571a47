import { abortableDelay } from '../abortableDelay.js';
import { UserlensError } from '../errors.js';
import type { Dataset } from '../dataset.js';
import { throwIfAborted } from '../query.js';
import type { ClientCapabilities, RequestOptions, UserFigure, UserTrackingClient } from '../types.js';
import { buildIndex, type MemoryIndex } from './buildIndex.js';
import { getActivity } from './getActivity.js';
import { USER_SORT_FIELDS, listUsers } from './listUsers.js';
import { NUMERIC_FIGURES } from './collectUsers.js';
import { getFilterOptions, getTrends, getUserFigures } from './listCompanions.js';

export interface MemoryClientOptions {
  /** Identity for query keys; see `UserTrackingClient.id`. */
  id?: string;
  /**
   * Largest page the client serves.
   * @defaultValue 10000
   */
  maxPageSize?: number;
  /**
   * Simulated latency per call, ms, for demos and loading states.
   * @defaultValue 0
   */
  latencyMs?: number;
}

/** The in-memory client: the index it answers from, plus what the dataset held that no user owns. */
export interface MemoryClient extends UserTrackingClient {
  /** Records left out of every figure because they belong to no user of the dataset. */
  readonly ignored: MemoryIndex['ignored'];
  /** Number of distinct users. */
  readonly userCount: number;
}

const ALL_FIGURES: readonly UserFigure[] = ['firstEvent', 'lastEvent', ...NUMERIC_FIGURES, 'scores'];

/**
 * A client that answers every method from a dataset held in memory: Langfuse-shaped
 * `{ traces, observations, scores }`, validated and indexed once. Throws a `UserlensError`
 * (`invalid_dataset`) naming the record index, id and field of the first malformed record.
 *
 * Besides types, the records are held to bounds that keep every figure finite and ≥ 0: each
 * `usageDetails` value from 0 to 1e12 tokens, each `totalCost` / `costDetails` value from 0 to
 * 1e9 USD (so no sum can overflow), and every date (trace and score `timestamp`, observation
 * `startTime` / `endTime`) from 1970-01-01T00:00:00Z to before 2100-01-01T00:00:00Z, which
 * refuses placeholders such as Go's zero time. An observation ending before it starts (clock
 * skew) is taken to end at its start, so a trace latency is never negative.
 *
 * @example
 * const client = createMemoryClient(generateDemoDataset({ seed: 1, users: 200 }));
 */
export function createMemoryClient(dataset: Dataset, options: MemoryClientOptions = {}): MemoryClient {
  const check = memoryOptions(options, 'createMemoryClient');
  return memoryClient(buildIndex(dataset), check);
}

/** The client over a built index. */
export function memoryClient(index: MemoryIndex, options: MemoryClientOptions): MemoryClient {
  return { ...memoryMethods(index, options), ignored: index.ignored, userCount: index.users.length };
}

/** `options` with their defaults, checked (a `UserlensError` naming `caller` when they are wrong). */
export function memoryOptions(options: MemoryClientOptions, caller: string): MemoryClientOptions {
  const { maxPageSize = 10_000, latencyMs = 0 } = options;
  // NaN would lift the cap and 0 refuse every page; timers quietly skip a NaN, negative or infinite delay.
  if (!Number.isSafeInteger(maxPageSize) || maxPageSize < 1) {
    throw new UserlensError('invalid_options', `${caller}: maxPageSize must be a whole number ≥ 1, got ${String(maxPageSize)}.`, { field: 'maxPageSize' });
  }
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new UserlensError('invalid_options', `${caller}: latencyMs must be a finite number of ms ≥ 0, got ${String(latencyMs)}.`, { field: 'latencyMs' });
  }
  return { ...options, maxPageSize, latencyMs };
}

/**
 * The methods of the client over an index, or over one still being built: each call then waits
 * for it (and fails as its build does).
 */
export function memoryMethods(index: MemoryIndex | Promise<MemoryIndex>, options: MemoryClientOptions): UserTrackingClient {
  const maxPageSize = options.maxPageSize!;
  const latencyMs = options.latencyMs!;
  const capabilities: ClientCapabilities = {
    pagination: { kind: 'offset' },
    maxPageSize,
    sortableFields: USER_SORT_FIELDS,
    filterableFields: ['environment', 'tags', 'release', 'metadata'],
    search: true,
    searchUserIds: true,
    userIds: true,
    observations: true,
    sessionScores: true,
    overview: true,
    segments: ['environment', 'tags', 'release', 'metadata'],
    listFigures: ALL_FIGURES,
    detailFigures: ALL_FIGURES,
    deferredFigures: [],
    bandFields: NUMERIC_FIGURES,
    scoreFigures: true,
    trends: true,
    distribution: true,
    filterOptions: true,
    timeZones: true,
  };

  /** Answers asynchronously (so an abort right after the call still rejects), once the index is there. */
  async function answer<T>(options: RequestOptions | undefined, compute: (index: MemoryIndex) => T): Promise<T> {
    const signal = options?.signal;
    const ready = await index;
    if (latencyMs > 0) await abortableDelay(latencyMs, signal);
    throwIfAborted(signal);
    return compute(ready);
  }

  return {
    ...(options.id === undefined ? {} : { id: options.id }),
    capabilities,
    listUsers: (query, opts) => answer(opts, (index) => listUsers(index, query, maxPageSize)),
    // One user's stats and history load on the first call: a list needs none of them.
    getUser: async (userId, query = {}, opts) => {
      const { getUser } = await import('./userRows.js');
      return answer(opts, (index) => getUser(index, userId, query));
    },
    listTraces: async (query, opts) => {
      const { listTraces } = await import('./userRows.js');
      return answer(opts, (index) => listTraces(index, query, maxPageSize));
    },
    listSessions: async (query, opts) => {
      const { listSessions } = await import('./userRows.js');
      return answer(opts, (index) => listSessions(index, query, maxPageSize));
    },
    listScores: async (query, opts) => {
      const { listScores } = await import('./userRows.js');
      return answer(opts, (index) => listScores(index, query, maxPageSize));
    },
    getActivity: (query, opts) => answer(opts, (index) => getActivity(index, query)),
    getUserFigures: (query, opts) => answer(opts, (index) => getUserFigures(index, query)),
    getTrends: (query, opts) => answer(opts, (index) => getTrends(index, query)),
    getDistribution: async (query, opts) => {
      const { getDistribution } = await import('./getDistribution.js');
      return answer(opts, (index) => getDistribution(index, query));
    },
    getFilterOptions: (query, opts) => answer(opts, (index) => getFilterOptions(index, query)),
    getSegments: async (query, opts) => {
      const { getSegments } = await import('./getSegments.js');
      return answer(opts, (index) => getSegments(index, query));
    },
    getOverview: async (query, opts) => {
      const { getOverview } = await import('./getOverview.js');
      return answer(opts, (index) => getOverview(index, query));
    },
    listObservations: async (query, opts) => {
      const { listObservations } = await import('./listObservations.js');
      return answer(opts, (index) => listObservations(index, query));
    },
  };
}
