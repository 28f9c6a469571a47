import { compareIds } from './memory/buildIndex.js';
import { profileOf, profileValue } from './profiles.js';
import type { DateRange, RequestOptions, Segment, Segments, TraceFilters, UserProfilesLoader, UserSummary, UserTrackingClient } from './types.js';

/**
 * Users grouped by a field of the host's own records (`profile.organisation`): every user of the
 * range from the source, page after page, their profiles from the host's loader, then each
 * group's figures summed from the users' figures. The source never sees a profile, so this runs
 * where both meet — in the browser. Needs a source that pages through every user with their
 * figures at once (`capabilities.pagination` of kind `offset`, no deferred figures).
 */

export interface ProfileSegmentsQuery {
  field: string;
  range?: DateRange;
  filters?: TraceFilters;
  /** The score whose mean is each segment's feedback. */
  scoreName?: string;
}

/** Whether the source can list every user with their figures, as profile segments need. */
export function profileSegmentsAvailable(client: UserTrackingClient): boolean {
  return client.capabilities.pagination.kind === 'offset' && client.capabilities.deferredFigures.length === 0;
}

export async function profileSegments(
  client: UserTrackingClient,
  loader: UserProfilesLoader,
  query: ProfileSegmentsQuery,
  options: RequestOptions = {},
): Promise<Omit<Segments, 'dimension'> & { dimension: `profile.${string}` }> {
  const { field, range, filters, scoreName } = query;
  const users: UserSummary[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.listUsers({ ...(range ? { range } : {}), ...(filters ? { filters } : {}), page, pageSize: client.capabilities.maxPageSize }, options);
    users.push(...answer.items);
    if (!answer.hasMore || answer.items.length === 0) break;
  }
  const profiles = users.length > 0 ? await loader(users.map((user) => user.userId), { signal: options.signal ?? new AbortController().signal }) : {};
  const groups = new Map<string | null, { segment: Segment; errors: number; scoreSum: number; scoreCount: number }>();
  for (const user of users) {
    const known = profileValue(profileOf(profiles, user.userId), field);
    const value = known === undefined ? null : String(known);
    let group = groups.get(value);
    if (!group) {
      group = { segment: { value, userCount: 0, traceCount: 0, totalTokens: 0, totalCost: 0, costPerUser: null, errorRate: null, feedback: null }, errors: 0, scoreSum: 0, scoreCount: 0 };
      groups.set(value, group);
    }
    const { segment } = group;
    segment.userCount!++;
    segment.traceCount! += user.traceCount;
    segment.totalTokens += user.totalTokens;
    segment.totalCost += user.totalCost;
    group.errors += user.errorCount;
    const score = scoreName === undefined ? undefined : user.scores.find((s) => s.name === scoreName);
    if (score) {
      group.scoreSum += score.mean * score.count;
      group.scoreCount += score.count;
    }
  }
  const segments = [...groups.values()].map(({ segment, errors, scoreSum, scoreCount }) => ({
    ...segment,
    costPerUser: segment.totalCost / segment.userCount!,
    errorRate: segment.traceCount ? errors / segment.traceCount : null,
    feedback: scoreCount > 0 ? scoreSum / scoreCount : null,
  }));
  segments.sort((a, b) => b.totalCost - a.totalCost || (a.value === null ? 1 : b.value === null ? -1 : compareIds(a.value, b.value)));
  return { dimension: `profile.${field}`, segments };
}
