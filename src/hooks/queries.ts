import { queryOptions, type Query } from '@tanstack/react-query';
import { isPermanentError } from '../client/errors.js';
import { UserlensError } from '../client/errors.js';
import type {
  ActivityQuery,
  DateRange,
  DistributionQuery,
  TrendsQuery,
  UsersSelection,
  ScoresQuery,
  SessionsQuery,
  TracesQuery,
  UserQuery,
  UserTrackingClient,
  UsersQuery,
} from '../client/types.js';

/**
 * `queryOptions` factories for every client method: the one place query keys are built.
 * Use them to prefetch, read or invalidate what the hooks and views show.
 *
 * Keys are `['userlens', clientKey, kind, params]`.
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
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'users', query] as const,
      queryFn: ({ signal }) => client.listUsers(query, { signal }),
      placeholderData: keepForSame(client),
      retry,
    }),

  user: (client: UserTrackingClient, userId: string, query: UserQuery = {}) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'user', { ...query, userId }] as const,
      queryFn: ({ signal }) => client.getUser(userId, query, { signal }),
      placeholderData: keepForSame(client, userId),
      retry,
    }),

  traces: (client: UserTrackingClient, query: TracesQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'traces', query] as const,
      queryFn: ({ signal }) => client.listTraces(query, { signal }),
      placeholderData: keepForSame(client, query.userId),
      retry,
    }),

  sessions: (client: UserTrackingClient, query: SessionsQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'sessions', query] as const,
      queryFn: ({ signal }) => client.listSessions(query, { signal }),
      placeholderData: keepForSame(client, query.userId),
      retry,
    }),

  scores: (client: UserTrackingClient, query: ScoresQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'scores', query] as const,
      queryFn: ({ signal }) => client.listScores(query, { signal }),
      placeholderData: keepForSame(client, query.userId),
      retry,
    }),

  activity: (client: UserTrackingClient, query: ActivityQuery = {}) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'activity', query] as const,
      queryFn: ({ signal }) => client.getActivity(query, { signal }),
      placeholderData: keepForSame(client, query.userId),
      retry,
    }),

  /** The deferred figures of a page of users; only for sources with `deferredFigures`. */
  userFigures: (client: UserTrackingClient, query: UsersSelection) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'userFigures', query] as const,
      queryFn: ({ signal }) => optional(client, 'getUserFigures')(query, { signal }),
      retry,
    }),

  trends: (client: UserTrackingClient, query: TrendsQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'trends', query] as const,
      queryFn: ({ signal }) => optional(client, 'getTrends')(query, { signal }),
      placeholderData: keepForSame(client),
      retry,
    }),

  distribution: (client: UserTrackingClient, query: DistributionQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'distribution', query] as const,
      queryFn: ({ signal }) => optional(client, 'getDistribution')(query, { signal }),
      placeholderData: keepForSame(client),
      retry,
    }),

  filterOptions: (client: UserTrackingClient, query: { range?: DateRange } = {}) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'filterOptions', query] as const,
      queryFn: ({ signal }) => optional(client, 'getFilterOptions')(query, { signal }),
      placeholderData: keepForSame(client),
      staleTime: 5 * 60_000,
      retry,
    }),
};

type OptionalMethod = 'getUserFigures' | 'getTrends' | 'getDistribution' | 'getFilterOptions';

/** The optional method, bound; a clear error for a source that lacks it (hooks hold such queries). */
function optional<M extends OptionalMethod>(client: UserTrackingClient, method: M): NonNullable<UserTrackingClient[M]> {
  const fn = client[method];
  if (!fn) {
    throw new UserlensError('invalid_query', `This source has no ${method}. Check client.capabilities before asking for it.`, {
      where: method,
    });
  }
  return fn.bind(client) as NonNullable<UserTrackingClient[M]>;
}

/** Retries passing faults twice; never retries what asking again cannot fix. */
function retry(failureCount: number, error: Error): boolean {
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
