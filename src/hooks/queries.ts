import { keepPreviousData, queryOptions, type Query } from '@tanstack/react-query';
import { isPermanentError } from '../client/errors.js';
import type {
  ActivityQuery,
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
      placeholderData: keepPreviousData,
      retry,
    }),

  user: (client: UserTrackingClient, userId: string, query: UserQuery = {}) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'user', { ...query, userId }] as const,
      queryFn: ({ signal }) => client.getUser(userId, query, { signal }),
      placeholderData: keepForSameUser(userId),
      retry,
    }),

  traces: (client: UserTrackingClient, query: TracesQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'traces', query] as const,
      queryFn: ({ signal }) => client.listTraces(query, { signal }),
      placeholderData: keepForSameUser(query.userId),
      retry,
    }),

  sessions: (client: UserTrackingClient, query: SessionsQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'sessions', query] as const,
      queryFn: ({ signal }) => client.listSessions(query, { signal }),
      placeholderData: keepForSameUser(query.userId),
      retry,
    }),

  scores: (client: UserTrackingClient, query: ScoresQuery) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'scores', query] as const,
      queryFn: ({ signal }) => client.listScores(query, { signal }),
      placeholderData: keepForSameUser(query.userId),
      retry,
    }),

  activity: (client: UserTrackingClient, query: ActivityQuery = {}) =>
    queryOptions({
      queryKey: [...userTrackingQueries.scope(client), 'activity', query] as const,
      queryFn: ({ signal }) => client.getActivity(query, { signal }),
      placeholderData: keepForSameUser(query.userId),
      retry,
    }),
};

/** Retries passing faults twice; never retries what asking again cannot fix. */
function retry(failureCount: number, error: Error): boolean {
  return !isPermanentError(error) && failureCount < 2;
}

/**
 * Keeps the previous data on screen while the next page, sort or range loads, but never shows
 * one user's figures while another user's load.
 */
function keepForSameUser(userId: string | undefined) {
  return <T,>(previous: T | undefined, previousQuery: Query<T, Error, T, readonly unknown[]> | undefined) => {
    const params = previousQuery?.queryKey[3] as { userId?: string } | undefined;
    return params && params.userId === userId ? previous : undefined;
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
