'use client';
import { useQuery } from '@tanstack/react-query';
import type { OverviewQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * The whole user base over a range: active, new and returning users per bucket, traces, tokens
 * and cost, and the users whose cost or error rate moved most against the previous period. Held
 * (never fetched) where the source does not declare `capabilities.overview`. Returns TanStack
 * Query's result as it is.
 *
 * @example
 * const { data } = useUserOverview({ range: { from, to }, granularity: 'day' });
 * data?.totals.activeUsers;
 */
export function useUserOverview(query: OverviewQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserOverview');
  return useQuery({ ...userTrackingQueries.overview(client, query), ...options }, queryClient);
}
