'use client';
import { useQuery } from '@tanstack/react-query';
import type { ScoresQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * Scores on one user's traces, sorted and paged.
 * A thin wrapper over `userTrackingQueries.scores`; returns TanStack Query's result as it is.
 */
export function useUserScores(query: ScoresQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserScores');
  return useQuery({ ...userTrackingQueries.scores(client, query), ...options }, queryClient);
}
