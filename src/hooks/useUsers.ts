'use client';
import { useQuery } from '@tanstack/react-query';
import type { UsersQuery } from '../client/types.ts';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.tsx';
import type { QueryBehaviour } from './QueryBehaviour.ts';
import { userTrackingQueries } from './queries.ts';

/**
 * The users of a query with their figures, sorted and paged. Keeps the previous page on screen while the next loads.
 * A thin wrapper over `userTrackingQueries.users`; returns TanStack Query's result as it is.
 */
export function useUsers(query: UsersQuery = {}, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUsers');
  return useQuery({ ...userTrackingQueries.users(client, query), ...options }, queryClient);
}
