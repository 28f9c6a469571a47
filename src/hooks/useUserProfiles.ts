'use client';
import { useQuery } from '@tanstack/react-query';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * The host's profiles (the provider's `getUserProfiles`) of a set of users, as its loader
 * answered them: one batched call per set, cached, held without a loader or ids. Read a user's
 * with `profileOf(data, userId)` — host data, so only own entries count. Independent of the figures,
 * so a slow or failing loader never holds them back. Returns TanStack Query's result as it is.
 *
 * @example
 * const { data: profiles } = useUserProfiles(page.items.map((user) => user.userId));
 * profileName(profileOf(profiles, 'usr_1'));
 */
export function useUserProfiles(userIds: readonly string[], options?: QueryBehaviour) {
  const { client, queryClient, getUserProfiles } = useUserTrackingContext('useUserProfiles');
  return useQuery({ ...userTrackingQueries.profiles(client, userIds, getUserProfiles), ...options }, queryClient);
}
