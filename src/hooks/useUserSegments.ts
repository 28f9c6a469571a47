'use client';
import { useQuery } from '@tanstack/react-query';
import type { SegmentsQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { QueryBehaviour } from './QueryBehaviour.js';
import { userTrackingQueries } from './queries.js';

/**
 * Users grouped by one trace attribute (environment, tags with a prefix such as `org:`, or a
 * metadata key as `metadata.plan`), with
 * each group's users, traces, tokens, cost, cost per user, error rate and mean feedback. Held
 * (never fetched) where the source does not declare the dimension in `capabilities.segments`.
 * Returns TanStack Query's result as it is.
 *
 * @example
 * const { data } = useUserSegments({ dimension: 'tags', prefix: 'org:', range });
 */
export function useUserSegments(query: SegmentsQuery, options?: QueryBehaviour) {
  const { client, queryClient } = useUserTrackingContext('useUserSegments');
  return useQuery({ ...userTrackingQueries.segments(client, query), ...options }, queryClient);
}
