'use client';
import { useQuery } from '@tanstack/react-query';
import type { ObservationsQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * One of the user's traces, step by step: its observations by start time, for a timeline. Held
 * (never fetched) where the source does not declare `capabilities.observations`. Returns
 * TanStack Query's result as it is.
 *
 * @example
 * const { data: steps } = useTraceObservations({ userId, traceId, range });
 */
export function useTraceObservations(query: ObservationsQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useTraceObservations');
  return useQuery({ ...userTrackingQueries.observations(client, query), ...options }, queryClient);
}
