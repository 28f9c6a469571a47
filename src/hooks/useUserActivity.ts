'use client';
import { useQuery } from '@tanstack/react-query';
import type { ActivityQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * Time buckets of traces, tokens, cost and errors, for one user or (without `userId`) for all.
 * A thin wrapper over `userTrackingQueries.activity`; returns TanStack Query's result as it is.
 */
export function useUserActivity(query: ActivityQuery = {}, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserActivity');
  return useQuery({ ...userTrackingQueries.activity(client, query), ...options }, queryClient);
}
