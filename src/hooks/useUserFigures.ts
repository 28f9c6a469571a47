'use client';
import { useQuery } from '@tanstack/react-query';
import type { UsersSelection } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * The second-phase figures of a page of users, for sources that deliver a list in two phases.
 * Held (never fetched) when the source does not declare `capabilities.deferredFigures` or
 * `userIds` is empty; `userTrackingQueries.userFigures` decides. Returns TanStack Query's result as it is.
 */
export function useUserFigures(query: UsersSelection, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserFigures');
  return useQuery({ ...userTrackingQueries.userFigures(client, query), ...options }, queryClient);
}
