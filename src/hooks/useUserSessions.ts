'use client';
import { useQuery } from '@tanstack/react-query';
import type { SessionsQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * One user's sessions, sorted and paged.
 * A thin wrapper over `userTrackingQueries.sessions`; returns TanStack Query's result as it is.
 */
export function useUserSessions(query: SessionsQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserSessions');
  return useQuery({ ...userTrackingQueries.sessions(client, query), ...options }, queryClient);
}
