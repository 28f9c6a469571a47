'use client';
import { useQuery } from '@tanstack/react-query';
import type { UsersQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * The users of a query with their figures, sorted and paged. Keeps the previous page on screen while the next loads.
 * A thin wrapper over `userTrackingQueries.users`; returns TanStack Query's result as it is.
 */
export function useUsers(query: UsersQuery = {}, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUsers');
  return useQuery({ ...userTrackingQueries.users(client, query), ...options }, queryClient);
}
