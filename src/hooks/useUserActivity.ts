'use client';
import { useQuery } from '@tanstack/react-query';
import type { ActivityQuery } from '../client/types.ts';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.tsx';
import type { QueryBehaviour } from './QueryBehaviour.ts';
import { userTrackingQueries } from './queries.ts';

/**
 * Time buckets of traces, tokens, cost and errors, for one user or (without `userId`) for all.
 * A thin wrapper over `userTrackingQueries.activity`; returns TanStack Query's result as it is.
 */
export function useUserActivity(query: ActivityQuery = {}, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserActivity');
  return useQuery({ ...userTrackingQueries.activity(client, query), ...options }, queryClient);
}
