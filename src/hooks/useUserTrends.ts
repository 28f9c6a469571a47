'use client';
import { useQuery } from '@tanstack/react-query';
import type { TrendsQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * Activity series (sparklines) for a page of users, on shared buckets.
 * Held (never fetched) when the source does not declare `capabilities.trends` or `userIds` is
 * empty; `userTrackingQueries.trends` decides. Returns TanStack Query's result as it is.
 */
export function useUserTrends(query: TrendsQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserTrends');
  return useQuery({ ...userTrackingQueries.trends(client, query), ...options }, queryClient);
}
