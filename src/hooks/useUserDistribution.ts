'use client';
import { useQuery } from '@tanstack/react-query';
import type { DistributionQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * How the users of a query spread over one figure: histogram bins, linear or log.
 * Held (never fetched) when the source does not declare `capabilities.distribution`;
 * `userTrackingQueries.distribution` decides. Returns TanStack Query's result as it is.
 */
export function useUserDistribution(query: DistributionQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserDistribution');
  return useQuery({ ...userTrackingQueries.distribution(client, query), ...options }, queryClient);
}
