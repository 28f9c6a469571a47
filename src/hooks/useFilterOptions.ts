'use client';
import { useQuery } from '@tanstack/react-query';
import type { DateRange } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * The environments and tags a range holds, to offer as filters.
 * Held (never fetched) when the source does not declare `capabilities.filterOptions`;
 * `userTrackingQueries.filterOptions` decides. Returns TanStack Query's result as it is.
 */
export function useFilterOptions(query: { range?: DateRange } = {}, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useFilterOptions');
  return useQuery({ ...userTrackingQueries.filterOptions(client, query), ...options }, queryClient);
}
