import { queryOptions, skipToken, type Query } from '@tanstack/react-query';
import { UserlensError, isPermanentError } from '../client/errors.js';
import type {
  ActivityQuery,
  DateRange,
  DistributionQuery,
  ObservationsQuery,
  OverviewQuery,
  SegmentsQuery,
  TrendsQuery,
  UsersSelection,
  ScoresQuery,
  SessionsQuery,
  TracesQuery,
  UserQuery,
  UserProfilesLoader,
  UserTrackingClient,
  UsersQuery,
} from '../client/types.js';

/**
 * `queryOptions` factories for every client method: the one place query keys are built.
 * Use them to prefetch, read or invalidate what the hooks and views show.
 *
 * Keys are `['userlens', clientKey, kind, params]`. Nothing below this module is a userlens
 * `'use client'` module, so a Server Component can prefetch with them from `userlens/query`.
 *
 * The optional companions (`userFigures`, `trends`, `distribution`, `filterOptions`) are gated
 * here: where the source does not declare the capability, or there is no user to ask about,
 * their `queryFn` is TanStack's `skipToken`. Then
 * - `useQuery` holds the query (pending, `fetchStatus: 'idle'`), whatever `enabled` says;
 * - `prefetchQuery` resolves at once without asking the source. TanStack records the skipped
 *   attempt as a failed query (which `dehydrate` leaves out) and logs it in development, so
 *   check `client.capabilities` first where that matters;
 * - `fetchQuery` and `ensureQueryData` reject (TanStack's "Missing queryFn"): there is no value to
 *   return. Check `client.capabilities` before asking.
 *
 * A source that declares the capability but lacks the method answers with a `UserlensError`
 * (`unsupported`) that says so, rather than a skeleton that never resolves.
 *
 * @example
 * await queryClient.prefetchQuery(userTrackingQueries.users(client, { pageSize: 50 }));
 * queryClient.invalidateQueries({ queryKey: userTrackingQueries.all() });
 */
export const userTrackingQueries = {
  /** Prefix of every userlens key. */
  all: () => ['userlens'] as const,
  /** Prefix of every key of one client. */
  scope: (client: UserTrackingClient) => ['userlens', clientKey(client)] as const,

  users: (client: UserTrackingClient, query: UsersQuery = {}) =>
    entry(client, 'users', query, (signal) => client.listUsers(query, { signal }), {}),

  user: (client: UserTrackingClient, userId: string, query: UserQuery = {}) =>
    entry(client, 'user', { ...query, userId }, (signal) => client.getUser(userId, query, { signal }), { userId }),

  traces: (client: UserTrackingClient, query: TracesQuery) =>
    entry(client, 'traces', query, (signal) => client.listTraces(query, { signal }), { userId: query.userId }),

  sessions: (client: UserTrackingClient, query: SessionsQuery) =>
    entry(client, 'sessions', query, (signal) => client.listSessions(query, { signal }), { userId: query.userId }),

  scores: (client: UserTrackingClient, query: ScoresQuery) =>
    entry(client, 'scores', query, (signal) => client.listScores(query, { signal }), { userId: query.userId }),

  activity: (client: UserTrackingClient, query: ActivityQuery = {}) =>
    entry(client, 'activity', query, (signal) => client.getActivity(query, { signal }), { userId: query.userId }),

  /** The deferred figures of a page of users; held without `capabilities.deferredFigures` or ids. */
  userFigures: (client: UserTrackingClient, query: UsersSelection) => {
    const ask = optional(client, 'getUserFigures', 'deferredFigures', client.capabilities.deferredFigures.length > 0 && query.userIds.length > 0);
    return entry(client, 'userFigures', query, ask && ((signal) => ask(query, { signal })));
  },

  /** Activity series for a page of users; held without `capabilities.trends` or ids. */
  trends: (client: UserTrackingClient, query: TrendsQuery) => {
    const ask = optional(client, 'getTrends', 'trends', client.capabilities.trends && query.userIds.length > 0);
    return entry(client, 'trends', query, ask && ((signal) => ask(query, { signal })), {});
  },

  /** How the users of a query spread over one figure; held without `capabilities.distribution`. */
  distribution: (client: UserTrackingClient, query: DistributionQuery) => {
    const ask = optional(client, 'getDistribution', 'distribution', client.capabilities.distribution);
    return entry(client, 'distribution', query, ask && ((signal) => ask(query, { signal })), {});
  },

  /** The environments and tags of a range; held without `capabilities.filterOptions`. */
  filterOptions: (client: UserTrackingClient, query: { range?: DateRange } = {}) => {
    const ask = optional(client, 'getFilterOptions', 'filterOptions', client.capabilities.filterOptions);
    return entry(client, 'filterOptions', query, ask && ((signal) => ask(query, { signal })), {}, { staleTime: 5 * 60_000 });
  },

  /** Users grouped by a trace attribute; held where `capabilities.segments` lacks the dimension. */
  segments: (client: UserTrackingClient, query: SegmentsQuery) => {
    // `metadata.plan` is of the kind `metadata`.
    const ask = optional(client, 'getSegments', 'segments', Boolean(client.capabilities.segments?.includes(query.dimension.split('.')[0] as 'metadata')));
    return entry(client, 'segments', query, ask && ((signal) => ask(query, { signal })), {});
  },

  /** The whole user base over a range; held without `capabilities.overview`. */
  overview: (client: UserTrackingClient, query: OverviewQuery) => {
    const ask = optional(client, 'getOverview', 'overview', Boolean(client.capabilities.overview));
    return entry(client, 'overview', query, ask && ((signal) => ask(query, { signal })), {});
  },

  /** A trace's observations, for its timeline; held without `capabilities.observations`. */
  observations: (client: UserTrackingClient, query: ObservationsQuery) => {
    const ask = optional(client, 'listObservations', 'observations', Boolean(client.capabilities.observations));
    return entry(client, 'observations', query, ask && ((signal) => ask(query, { signal })));
  },

  /**
   * The host's profiles of a set of users (`getUserProfiles`), one call per set, keyed by the
   * sorted ids so a re-sort of the same page asks nothing. Held without a loader or ids. Kept
   * under the client's key so one tenant's people never show in another's list; never sent to
   * the source.
   */
  profiles: (client: UserTrackingClient, userIds: readonly string[], load: UserProfilesLoader | undefined) => {
    const ids = [...new Set(userIds)].sort();
    // The answer is kept as given; the views read it through `profileOf` and `profileValue`.
    const ask = load && ids.length > 0 ? (signal: AbortSignal) => load(ids, { signal }) : undefined;
    return entry(client, 'profiles', { userIds: ids }, ask, undefined, { staleTime: 5 * 60_000 });
  },
};

/**
 * One factory entry: the key (`['userlens', clientKey, kind, params]`), the fetcher with the
 * query's signal — or `skipToken` where the source lacks it, never retried — and, with `keep`,
 * the previous data on screen while the next loads (of the same client, and of `keep.userId`).
 */
function entry<const Kind extends string, Params, Data>(
  client: UserTrackingClient,
  kind: Kind,
  params: Params,
  fetch: ((signal: AbortSignal) => Promise<Data>) | undefined,
  keep?: { userId?: string | undefined },
  extra?: { staleTime: number },
) {
  return queryOptions({
    queryKey: [...userTrackingQueries.scope(client), kind, params] as const,
    queryFn: fetch ? ({ signal }) => fetch(signal) : skipToken,
    retry: fetch ? retryPassing : false,
    ...(keep && { placeholderData: keepForSame(client, keep.userId) }),
    ...extra,
  });
}

type OptionalMethod = 'getUserFigures' | 'getTrends' | 'getDistribution' | 'getFilterOptions' | 'listObservations' | 'getOverview' | 'getSegments';

/**
 * The optional method, bound, when the source declares it (and there is something to ask);
 * `undefined` otherwise, which the factories turn into `skipToken`. A source that declares the
 * capability without the method gets a fetcher that says so.
 */
function optional<M extends OptionalMethod>(
  client: UserTrackingClient,
  method: M,
  capability: string,
  declared: boolean,
): NonNullable<UserTrackingClient[M]> | undefined {
  if (!declared) return undefined;
  const fn = client[method];
  if (fn) return fn.bind(client) as NonNullable<UserTrackingClient[M]>;
  const missing = () =>
    Promise.reject(
      new UserlensError('unsupported', `This source declares capabilities.${capability} without ${method}: implement it, or drop the capability.`, {
        where: method,
      }),
    );
  return missing as NonNullable<UserTrackingClient[M]>;
}

/** Retries passing faults twice; never retries what asking again cannot fix. */
export function retryPassing(failureCount: number, error: Error): boolean {
  return !isPermanentError(error) && failureCount < 2;
}

/**
 * Keeps the previous data on screen while the next page, sort or range loads — but only data of
 * the same client (another tenant's rows never show while this one's load) and, for per-user
 * queries, of the same user.
 */
function keepForSame(client: UserTrackingClient, userId?: string) {
  const key = clientKey(client);
  return <T,>(previous: T | undefined, previousQuery: Query<T, Error, T, readonly unknown[]> | undefined) => {
    if (!previousQuery || previousQuery.queryKey[1] !== key) return undefined;
    if (userId === undefined) return previous;
    const params = previousQuery.queryKey[3] as { userId?: string } | undefined;
    return params?.userId === userId ? previous : undefined;
  };
}

const assignedKeys = new WeakMap<UserTrackingClient, string>();
let nextKey = 1;

/** The client's `id`, or a key assigned once per client object. */
export function clientKey(client: UserTrackingClient): string {
  if (client.id !== undefined) return client.id;
  let key = assignedKeys.get(client);
  if (key === undefined) {
    key = `client-${nextKey++}`;
    assignedKeys.set(client, key);
  }
  return key;
}
