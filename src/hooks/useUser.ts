'use client';
import { useQuery } from '@tanstack/react-query';
import type { UserQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * One user's figures and models over a range. Data is `null` when the source has no such user.
 * A thin wrapper over `userTrackingQueries.user`; returns TanStack Query's result as it is.
 */
export function useUser(userId: string, query: UserQuery = {}, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUser');
  return useQuery({ ...userTrackingQueries.user(client, userId, query), ...options }, queryClient);
}
