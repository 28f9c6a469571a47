'use client';
import { useQuery } from '@tanstack/react-query';
import type { TracesQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * One user's traces, sorted and paged.
 * A thin wrapper over `userTrackingQueries.traces`; returns TanStack Query's result as it is.
 */
export function useUserTraces(query: TracesQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserTraces');
  return useQuery({ ...userTrackingQueries.traces(client, query), ...options }, queryClient);
}
