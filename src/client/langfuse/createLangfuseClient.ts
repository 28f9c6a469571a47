import { UserlensError, isUserlensError } from '../errors.js';
import { NUMERIC_USER_FIGURES } from '../figures.js';
import type { RequestHeaders, RetryOptions } from '../http/requestJson.js';
import type { ClientCapabilities, ClientUsage, DateRange, Page, RequestBudget, TraceFilters, UserFigure, UserTrackingClient } from '../types.js';
import { requestUsage } from '../http/requestUsage.js';
import { createLangfuseApi } from './langfuseApi.js';
import { LANGFUSE_SORT_FIELDS, TOP_N_LIMIT, getUserFigures, listUsers, type ApiGeneration } from './listUsers.js';
import { refuseMetadata } from './metricsRows.js';
import { SharedLoads } from './sharedLoads.js';
import type { SnapshotLimits, UserSnapshot } from './userSnapshot.js';

export interface LangfuseClientOptions {
  /**
   * Where the Langfuse API answers, without `/api/public`: the host's proxy mount (see
   * `createLangfuseProxy`), e.g. `'/api/userlens'`, or any URL that speaks Langfuse's API.
   * Redirects are followed only within its origin (at most 5, headers kept); one to another
   * origin is refused with `invalid_response`. Browsers hide where a redirect leads, so there
   * none is followed: point it at the URL that answers itself.
   */
  baseUrl: string;
  /** For the host's own auth or instrumentation. @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Sent with every request, e.g. a CSRF token for the host's proxy, and never to another origin.
   * Never the Langfuse secret key.
   */
  headers?: RequestHeaders;
  /**
   * Which endpoints to use: `v4` (metrics v2, observations v2, scores v3 — Langfuse Cloud and
   * v4 self-hosted), `legacy` (the pre-v4 endpoints of a v3 self-hosted deployment), or `auto`:
   * v4 first, and legacy from the first 404 of a v4 endpoint on. @defaultValue 'auto'
   */
  api?: 'v4' | 'legacy' | 'auto';
  /** Per request, ms. @defaultValue 30000 */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Identity for query keys; see `UserTrackingClient.id`. */
  id?: string;
  /**
   * How long one user's records, read for the detail view, answer its parts before they are read
   * again (a refresh reads them again at once). @defaultValue 60000
   */
  cacheTtlMs?: number;
  /**
   * The observations the detail view reads for one user on v4, in one request with their input
   * and output (at most 1000). A user with more in the range, or with more than 100 traces, gets
   * their figures, models, scores and activity from Langfuse's metrics instead (three requests
   * whatever their volume, counted as the README's per-source table says) and lists of their
   * latest traces that this read holds whole. @defaultValue 500
   */
  windowObservations?: number;
  /**
   * The most observations the detail view reads for one user and range on legacy endpoints;
   * past it the view shows an error asking for a shorter range rather than loading without end.
   * @defaultValue 20000
   */
  maxObservationsPerUser?: number;
  /**
   * The most pages the detail view reads for one list: a user's observations (1,000 a page), the
   * scores of up to 100 of their traces (100 a page), or on legacy endpoints their traces,
   * observations or scores (100 a page). A source with more after them fails with
   * `invalid_response` naming the endpoint, as does one that pages without end sooner: a cursor it
   * gave before, or a page that says more follow but brings no record the earlier pages lacked.
   * Lists bounded by `maxObservationsPerUser` always get the full pages that bound needs.
   * @defaultValue 1000
   */
  maxPagesPerList?: number;
  /**
   * Whether a user's scores include those on their sessions (scores with a session and no
   * trace), as the figure definitions count them. It costs the detail view at least one more
   * request per 100 of the user's sessions in the range (one per 100 scores on them), so it is off
   * unless asked for; off, the scores summary counts the scores on traces only and
   * `capabilities.sessionScores` says so. Not read from legacy endpoints, nor where the proxy
   * refuses them (a scope of users or tags): there the scores on traces are read alone.
   * @defaultValue false
   */
  sessionScores?: boolean;
  /**
   * Your Langfuse plan's rate limits, which `usage()` counts against and the views' live refresh
   * respects: `metrics` for the metrics endpoints, `api` for the others. @defaultValue Langfuse
   * Cloud's lowest: `{ metrics: { limit: 100, windowMs: 3600000 }, api: { limit: 20, windowMs: 60000 } }`
   */
  rateLimits?: { metrics?: Partial<RequestBudget>; api?: Partial<RequestBudget> };
  /**
   * The clock that closes open ranges (Langfuse's metrics need both ends). Give the provider's
   * `now` when you freeze it, so both agree. @defaultValue Date.now
   */
  now?: () => number;
}

/** The client over Langfuse, with what it has read for detail views kept for `cacheTtlMs`. */
export interface LangfuseClient extends UserTrackingClient {
  invalidate(): void;
  usage(): ClientUsage;
}

/** How long after invalidate() requests bypass the proxy's cache: long enough for a view's refetches. */
const FRESH_WINDOW_MS = 5_000;

const DETAIL_FIGURES: readonly UserFigure[] = ['firstEvent', 'lastEvent', ...NUMERIC_USER_FIGURES, 'scores'];

/**
 * A client over Langfuse's public API (v4: metrics v2, observations v2, scores v3). It holds no
 * credentials: point it at the host's `createLangfuseProxy`, which adds them.
 *
 * Requests per view on v4 (see the README): a list page costs 2 (the top-N ranking, then the
 * trace counts of the page's users). A user's detail view costs 2 (their newest observations with
 * input and output, then the scores of their traces), or 5 for a user past `windowObservations`
 * observations or 100 traces in the range, whose figures, scores and activity then come from three
 * metrics queries — whatever their volume.
 *
 * In the list, tokens and cost count the observations that start in the range (how Langfuse's
 * metrics filter), where the detail view counts every observation of the traces that start in
 * it, so a trace crossing a range boundary can differ between the two. Search matches user ids
 * case-sensitively on Langfuse.
 *
 * @example
 * const client = createLangfuseClient({ baseUrl: '/api/userlens' });
 */
/** A cap given as an option: a whole number ≥ 1, since NaN would lift it and 0 refuse every read. */
function wholeOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UserlensError('invalid_options', `createLangfuseClient: ${name} must be a whole number ≥ 1, got ${String(value)}.`, { field: name });
  }
  return value;
}

/** A rate limit as given, each number checked as the other caps are. */
function budget(given: Partial<RequestBudget> | undefined, limit: number, windowMs: number, name: string): RequestBudget {
  return { limit: wholeOption(given?.limit, limit, `rateLimits.${name}.limit`), windowMs: wholeOption(given?.windowMs, windowMs, `rateLimits.${name}.windowMs`) };
}

export function createLangfuseClient(options: LangfuseClientOptions): LangfuseClient {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
    throw new UserlensError('invalid_options', 'createLangfuseClient: baseUrl is required — the URL of your proxy (createLangfuseProxy) or of a Langfuse-compatible API.', { field: 'baseUrl' });
  }
  // Right after invalidate() (a refresh), requests ask the proxy's cache for a fresh answer.
  let freshUntil = 0;
  const now = options.now ?? Date.now;
  const spend = requestUsage(
    { metrics: budget(options.rateLimits?.metrics, 100, 3_600_000, 'metrics'), api: budget(options.rateLimits?.api, 20, 60_000, 'api') },
    (url) => (/\/api\/public\/(v2\/)?metrics/.test(url) ? 'metrics' : 'api'),
  );
  const api = createLangfuseApi({ ...options, fetch: spend.wrap(options.fetch), fresh: () => Date.now() < freshUntil });
  const limits: SnapshotLimits = {
    maxObservations: wholeOption(options.maxObservationsPerUser, 20_000, 'maxObservationsPerUser'),
    maxPages: wholeOption(options.maxPagesPerList, 1000, 'maxPagesPerList'),
    sessionScores: options.sessionScores === true,
    window: Math.min(1000, wholeOption(options.windowObservations, 500, 'windowObservations')),
  };
  const snapshots = new SharedLoads<UserSnapshot>(options.cacheTtlMs ?? 60_000, 8);
  const mode = options.api ?? 'auto';
  if (mode !== 'v4' && mode !== 'legacy' && mode !== 'auto') {
    throw new UserlensError('invalid_options', `createLangfuseClient: api must be 'v4', 'legacy' or 'auto', got ${JSON.stringify(mode)}.`, { field: 'api' });
  }
  let generation: ApiGeneration = mode === 'legacy' ? 'legacy' : 'v4';

  /**
   * Runs a call on the current generation. In `auto`, a v4 endpoint's 404 tries the legacy
   * endpoints, and only their answer moves later calls there: a stray 404 (a deploy, a wrong
   * base URL) leaves the client on v4 and reports the v4 error.
   */
  async function run<T>(call: (generation: ApiGeneration) => Promise<T>): Promise<T> {
    const tried = generation;
    try {
      return await call(tried);
    } catch (error) {
      if (mode !== 'auto' || tried !== 'v4' || !isUserlensError(error) || error.status !== 404) throw error;
      let answer: T;
      try {
        answer = await call('legacy');
      } catch {
        throw error;
      }
      if (generation !== 'legacy') snapshots.clear();
      generation = 'legacy';
      // Legacy endpoints have no scores by session: say so from now on.
      capabilities.sessionScores = false;
      return answer;
    }
  }
  const maxPageSize = TOP_N_LIMIT;

  const capabilities: ClientCapabilities = {
    pagination: { kind: 'top-n', limit: TOP_N_LIMIT },
    maxPageSize,
    sortableFields: LANGFUSE_SORT_FIELDS,
    filterableFields: ['environment', 'tags', 'release'],
    search: true,
    userIds: true,
    observations: true,
    sessionScores: limits.sessionScores && mode !== 'legacy',
    // Cost, tokens and traces per group; users, error rate and feedback are not countable there.
    segments: ['environment', 'tags', 'release'],
    // Latency percentiles are Langfuse's approximate quantiles of root observations there, not
    // the nearest-rank percentiles of trace latencies: the detail view has them exactly.
    listFigures: ['observationCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost'],
    detailFigures: DETAIL_FIGURES,
    deferredFigures: ['traceCount'],
    bandFields: [],
    trends: false,
    distribution: false,
    filterOptions: true,
    timeZones: true,
  };

  function snapshot(userId: string, range: DateRange | undefined, signal: AbortSignal | undefined, filters?: TraceFilters) {
    if (typeof userId !== 'string' || userId === '') {
      throw new UserlensError('invalid_query', 'userId must be a non-empty string.', { field: 'userId' });
    }
    refuseMetadata(filters);
    return run((generation) => {
      const key = JSON.stringify([generation, userId, range?.from ?? null, range?.to ?? null]);
      // The detail view's reader loads with its first read: a list never downloads it.
      return snapshots.get(key, async (shared) => (await import('./userSnapshot.js')).loadUserSnapshot(api, generation, userId, range, limits, shared), signal);
    });
  }

  /** A page of the user's traces, sessions or scores; over a partial read, it says how many traces it covers. */
  async function list<T>(query: { userId: string; range?: DateRange; filters?: TraceFilters }, opts: { signal?: AbortSignal } | undefined, read: (client: UserSnapshot['client']) => Promise<Page<T>>): Promise<Page<T>> {
    const { client, traceCount, partial } = await snapshot(query.userId, query.range, opts?.signal, query.filters);
    const page = await read(client);
    return partial ? { ...page, latestTraces: traceCount } : page;
  }

  return {
    ...(options.id === undefined ? {} : { id: options.id }),
    capabilities,
    usage: spend.usage,
    invalidate: () => {
      snapshots.clear();
      freshUntil = Date.now() + FRESH_WINDOW_MS;
    },
    listUsers: (query, opts) => run((generation) => listUsers(api, generation, query, maxPageSize, opts?.signal, now)),
    getUserFigures: (query, opts) => run((generation) => getUserFigures(api, generation, query, opts?.signal, now)),
    // Loaded on the first call, as the other companions of the list.
    getFilterOptions: async (query, opts) => {
      const { getFilterOptions } = await import('./filterOptions.js');
      return run((generation) => getFilterOptions(api, generation, query, opts?.signal, now));
    },
    // Loaded on the first call: a host without a segments page never downloads it.
    getSegments: async (query, opts) => {
      const { getSegments } = await import('./getSegments.js');
      return run((generation) => getSegments(api, generation, query, opts?.signal, now));
    },
    async getUser(userId, query = {}, opts) {
      const { client, traceCount, partial } = await snapshot(userId, query.range, opts?.signal, query.filters);
      if (partial) {
        const { partialUserStats, userScores } = await import('./userMetrics.js');
        if (!partial.figures) return partialUserStats(api, userId, query, partial.lastEvent, opts?.signal, now());
        // Every figure from the records read but the scores, which are more than one read holds.
        const [stats, scores] = await Promise.all([partial.figures.getUser(userId, query, opts), userScores(api, userId, query, opts?.signal, now())]);
        return stats && { ...stats, scores };
      }
      if (traceCount > 0) return client.getUser(userId, query, opts);
      const { emptyStats } = await import('./userMetrics.js');
      return emptyStats(api, generation, userId, query.range, opts?.signal, now);
    },
    listTraces: (query, opts) => list(query, opts, (client) => client.listTraces(query, opts)),
    listSessions: (query, opts) => list(query, opts, (client) => client.listSessions(query, opts)),
    // A trace's timeline from the user's records the detail view already read.
    async listObservations(query, opts) {
      return (await snapshot(query.userId, query.range, opts?.signal)).client.listObservations!(query, opts);
    },
    listScores: (query, opts) => list(query, opts, (client) => client.listScores(query, opts)),
    async getActivity(query, opts) {
      const userId = query.userId;
      if (userId === undefined) {
        throw new UserlensError('unsupported', 'getActivity: Langfuse answers activity per user here; give a userId.', { where: 'getActivity', field: 'userId' });
      }
      const { client, partial } = await snapshot(userId, query.range, opts?.signal, query.filters);
      if (!partial || partial.figures) return (partial?.figures ?? client).getActivity(query, opts);
      const { partialActivity } = await import('./userMetrics.js');
      return partialActivity(api, { ...query, userId }, opts?.signal, now());
    },
  };
}
