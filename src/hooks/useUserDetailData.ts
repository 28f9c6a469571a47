'use client';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Activity, Page, ScoreRow, SessionRow, TraceRow, UserProfile, UserStats } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { useRangeRefresh } from './useRangeRefresh.js';
import { useUser } from './useUser.js';
import { useUserActivity } from './useUserActivity.js';
import { useUserProfiles } from './useUserProfiles.js';
import type { UserDetailState } from './useUserDetailState.js';
import { useUserScores } from './useUserScores.js';
import { useUserSessions } from './useUserSessions.js';
import { useUserTraces } from './useUserTraces.js';

export interface UserDetailData {
  /** The user's figures and models over the range; `null` when the source has no such user. */
  user: UseQueryResult<UserStats | null, Error>;
  /** Buckets of traces, tokens, cost and errors over the range. */
  activity: UseQueryResult<Activity, Error>;
  /** The traces tab's page; asked for only while that tab is open. */
  traces: UseQueryResult<Page<TraceRow>, Error>;
  /** The sessions tab's page; asked for only while that tab is open. */
  sessions: UseQueryResult<Page<SessionRow>, Error>;
  /** The scores tab's page; asked for only while that tab is open. */
  scores: UseQueryResult<Page<ScoreRow>, Error>;
  /** The newest 5,000 (at most) of the user's scores in the range, newest first, for the score chart. */
  scoreSeries: UseQueryResult<Page<ScoreRow>, Error>;
  /** The user's record from the host (the provider's `getUserProfiles`), keyed by user id. */
  profiles: UseQueryResult<Record<string, UserProfile | undefined>, Error>;
  /** Refetches everything the page shows and moves relative ranges up to now. */
  refresh: () => void;
}

const CALLER = 'useUserDetailData';
const SCORE_SERIES_LIMIT = 5000;

/**
 * Runs the detail view's queries for a `useUserDetailState` state: the user's figures, the
 * activity, the open tab's rows (the other tabs ask nothing) and, on the scores tab, the series
 * the score chart draws.
 *
 * @example
 * const state = useUserDetailState({ userId });
 * const { user, traces, refresh } = useUserDetailData(state);
 */
export function useUserDetailData(state: UserDetailState): UserDetailData {
  const { client, timeZone } = useUserTrackingContext(CALLER);
  const { userId, queryRange, queryFilters, tab, pageSize, tracesTable, tracesFilter, sessionsTable, scoresTable, range, anchor, setAnchor } = state;
  // The range and filters every question of the page carries.
  const rangeParam = { ...(Object.keys(queryRange).length ? { range: queryRange } : {}), ...(queryFilters ? { filters: queryFilters } : {}) };

  const user = useUser(userId, rangeParam);
  // Buckets on the viewer's calendar where the source can; UTC (and the chart says so) elsewhere.
  const activity = useUserActivity({ userId, ...rangeParam, granularity: 'auto', ...(client.capabilities.timeZones ? { timeZone } : {}) });
  const traces = useUserTraces(
    {
      userId,
      ...rangeParam,
      ...(tracesFilter.search?.trim() ? { search: tracesFilter.search.trim() } : {}),
      ...(tracesFilter.levels?.length ? { levels: tracesFilter.levels } : {}),
      ...(tracesFilter.tags?.length ? { tags: tracesFilter.tags } : {}),
      sort: tracesTable.sort,
      page: tracesTable.page,
      pageSize,
    },
    { enabled: tab === 'traces' },
  );
  const sessions = useUserSessions({ userId, ...rangeParam, sort: sessionsTable.sort, page: sessionsTable.page, pageSize }, { enabled: tab === 'sessions' });
  const scores = useUserScores({ userId, ...rangeParam, sort: scoresTable.sort, page: scoresTable.page, pageSize }, { enabled: tab === 'scores' });
  const scoreSeries = useUserScores(
    { userId, ...rangeParam, sort: { field: 'timestamp', direction: 'desc' }, page: 1, pageSize: Math.min(SCORE_SERIES_LIMIT, client.capabilities.maxPageSize) },
    { enabled: tab === 'scores' },
  );

  const profileIds = useMemo(() => [userId], [userId]);
  const profiles = useUserProfiles(profileIds);

  const refresh = useRangeRefresh(range, anchor, setAnchor);

  return useMemo(
    () => ({ user, activity, traces, sessions, scores, scoreSeries, profiles, refresh }),
    [user, activity, traces, sessions, scores, scoreSeries, profiles, refresh],
  );
}
