'use client';
import { useControllableState } from '@radix-ui/react-use-controllable-state';
import type { UseQueryResult } from '@tanstack/react-query';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type {
  Activity,
  DateRange,
  Page,
  ScoreRow,
  SessionRow,
  SessionSortField,
  SortSpec,
  TraceRow,
  TraceSortField,
  ScoreSortField,
  UserStats,
} from '../../client/types.js';
import { movesRange, rangeKey, resolveRange, type RangeValue } from '../../format/dateRangePresets.js';
import { userTrackingQueries } from '../../hooks/queries.js';
import { useUser } from '../../hooks/useUser.js';
import { useUserActivity } from '../../hooks/useUserActivity.js';
import { useUserScores } from '../../hooks/useUserScores.js';
import { useUserSessions } from '../../hooks/useUserSessions.js';
import { useUserTraces } from '../../hooks/useUserTraces.js';
import { createUserlensContext } from '../../provider/context.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/* -------------------------------------------------------------------------------------------
 * UserDetail.Root
 * -----------------------------------------------------------------------------------------*/

const ROOT_NAME = 'UserDetail.Root';

export type UserDetailTab = 'traces' | 'sessions' | 'scores';
export type ActivityMetric = 'traceCount' | 'totalTokens' | 'totalCost' | 'errorCount';

/** One tab's table state: sort and page. */
export interface TableState<Field extends string> {
  sort: SortSpec<Field>;
  page: number;
}

export interface UserDetailRootProps extends ComponentPropsWithoutRef<'div'> {
  /** The user shown. */
  userId: string;
  /** @defaultValue the provider's `defaultRange` (the last 30 days unless it says otherwise), as in the list */
  range?: RangeValue;
  defaultRange?: RangeValue;
  onRangeChange?: (range: RangeValue) => void;
  /** @defaultValue 'traces' */
  tab?: UserDetailTab;
  defaultTab?: UserDetailTab;
  onTabChange?: (tab: UserDetailTab) => void;
  /** Rows per page in each tab. @defaultValue 25 */
  pageSize?: number;
  /** Where "back to users" links to. */
  listHref?: string;
  /** Called by "back to users" when there is no `listHref`. */
  onBack?: () => void;
  /** The user ids the host came from, in order, for previous / next. */
  siblings?: readonly string[];
  /** Or: the user before or after this one, or null at the ends. */
  getSibling?: (userId: string, direction: 'previous' | 'next') => string | null;
  /** Where a user id links to (previous / next). */
  getUserHref?: (userId: string) => string;
  /** Called for previous / next when there is no `getUserHref`. */
  onSelectUser?: (userId: string) => void;
  /** The host's trace viewer. */
  getTraceHref?: (traceId: string) => string;
  /** The host's session viewer. */
  getSessionHref?: (sessionId: string) => string;
  children?: ReactNode;
}

export interface UserDetailContextValue {
  userId: string;
  range: RangeValue;
  setRange: (range: RangeValue) => void;
  queryRange: DateRange;
  tab: UserDetailTab;
  setTab: (tab: UserDetailTab) => void;
  pageSize: number;
  user: UseQueryResult<UserStats | null, Error>;
  activity: UseQueryResult<Activity, Error>;
  metric: ActivityMetric;
  setMetric: (metric: ActivityMetric) => void;
  traces: UseQueryResult<Page<TraceRow>, Error>;
  tracesState: TableState<TraceSortField>;
  setTracesState: (state: TableState<TraceSortField>) => void;
  sessions: UseQueryResult<Page<SessionRow>, Error>;
  sessionsState: TableState<SessionSortField>;
  setSessionsState: (state: TableState<SessionSortField>) => void;
  scores: UseQueryResult<Page<ScoreRow>, Error>;
  scoresState: TableState<ScoreSortField>;
  setScoresState: (state: TableState<ScoreSortField>) => void;
  /** The newest 5,000 (at most) of the user's scores in the range, newest first, for the score chart. */
  scoreSeries: UseQueryResult<Page<ScoreRow>, Error>;
  refresh: () => void;
  listHref: string | undefined;
  onBack: (() => void) | undefined;
  previousUserId: string | null;
  nextUserId: string | null;
  getUserHref: ((userId: string) => string) | undefined;
  onSelectUser: ((userId: string) => void) | undefined;
  getTraceHref: ((traceId: string) => string) | undefined;
  getSessionHref: ((sessionId: string) => string) | undefined;
}

const [UserDetailContext, useUserDetailContextFor] = createUserlensContext<UserDetailContextValue>(ROOT_NAME);

/** The detail view's state and data, for parts of your own. */
export function useUserDetailContext(consumerName = 'useUserDetailContext'): UserDetailContextValue {
  return useUserDetailContextFor(consumerName);
}

const TRACES_DEFAULT: TableState<TraceSortField> = { sort: { field: 'timestamp', direction: 'desc' }, page: 1 };
const SESSIONS_DEFAULT: TableState<SessionSortField> = { sort: { field: 'lastActivity', direction: 'desc' }, page: 1 };
const SCORES_DEFAULT: TableState<ScoreSortField> = { sort: { field: 'timestamp', direction: 'desc' }, page: 1 };
const SCORE_SERIES_LIMIT = 5000;

/**
 * Owns one user's page: the range and tab (controlled or not), each tab's sort and page, and the
 * queries. Only the open tab's rows are asked for. Parts below read it from context.
 *
 * @selector [data-part="user-detail"] [data-state="loading|error|not-found|empty|ready"]
 */
export const UserDetailRoot = forwardRef<HTMLDivElement, UserDetailRootProps>((props, ref) => {
  const {
    userId,
    range: rangeProp,
    defaultRange: defaultRangeProp,
    onRangeChange,
    tab: tabProp,
    defaultTab = 'traces',
    onTabChange,
    pageSize: pageSizeProp = 25,
    listHref,
    onBack,
    siblings,
    getSibling,
    getUserHref,
    onSelectUser,
    getTraceHref,
    getSessionHref,
    children,
    ...divProps
  } = props;
  const { client, queryClient, now, timeZone, defaultRange: providerRange } = useUserTrackingContext(ROOT_NAME);
  const rootAttributes = useRootAttributes(ROOT_NAME);
  const [range, setRangeState] = useControllableState({
    prop: rangeProp,
    defaultProp: defaultRangeProp ?? providerRange,
    onChange: onRangeChange,
    caller: ROOT_NAME,
  });
  const [tab, setTab] = useControllableState({ prop: tabProp, defaultProp: defaultTab, onChange: onTabChange, caller: ROOT_NAME });
  // Relative ranges are resolved against an instant that moves when the range or the user
  // changes (from here or from the host) and on refresh; ranges are compared by value.
  const [anchor, setAnchor] = useState(now);
  const [metric, setMetric] = useState<ActivityMetric>('traceCount');
  const [tracesState, setTracesState] = useState(TRACES_DEFAULT);
  const [sessionsState, setSessionsState] = useState(SESSIONS_DEFAULT);
  const [scoresState, setScoresState] = useState(SCORES_DEFAULT);

  // Another user, range or page size starts every table again at its first page.
  const pageSize = Math.min(pageSizeProp, client.capabilities.maxPageSize);
  const shownKey = `${userId}\u0000${rangeKey(range)}\u0000${pageSize}`;
  const [shownFor, setShownFor] = useState(shownKey);
  if (shownFor !== shownKey) {
    setShownFor(shownKey);
    setAnchor(now());
    setTracesState((state) => ({ ...state, page: 1 }));
    setSessionsState((state) => ({ ...state, page: 1 }));
    setScoresState((state) => ({ ...state, page: 1 }));
  }

  const setRange = useCallback((next: RangeValue) => setRangeState(next), [setRangeState]);
  const queryRange = useMemo(() => resolveRange(range, anchor), [range, anchor]);
  const rangeParam = Object.keys(queryRange).length ? { range: queryRange } : {};

  const user = useUser(userId, rangeParam);
  // Buckets on the viewer's calendar where the source can; UTC (and the chart says so) elsewhere.
  const activity = useUserActivity({ userId, ...rangeParam, granularity: 'auto', ...(client.capabilities.timeZones ? { timeZone } : {}) });
  const traces = useUserTraces({ userId, ...rangeParam, sort: tracesState.sort, page: tracesState.page, pageSize }, { enabled: tab === 'traces' });
  const sessions = useUserSessions({ userId, ...rangeParam, sort: sessionsState.sort, page: sessionsState.page, pageSize }, { enabled: tab === 'sessions' });
  const scores = useUserScores({ userId, ...rangeParam, sort: scoresState.sort, page: scoresState.page, pageSize }, { enabled: tab === 'scores' });
  const scoreSeries = useUserScores(
    { userId, ...rangeParam, sort: { field: 'timestamp', direction: 'desc' }, page: 1, pageSize: Math.min(SCORE_SERIES_LIMIT, client.capabilities.maxPageSize) },
    { enabled: tab === 'scores' },
  );

  // As in the list: a range that moves makes new keys (which fetch); one that stays refetches.
  // Read through a ref, so `refresh` (and a live-refresh timer) outlives re-renders with an
  // equal inline range.
  const shown = useRef({ range, anchor });
  useEffect(() => {
    shown.current = { range, anchor };
  });
  const refresh = useCallback(() => {
    client.invalidate?.();
    const next = now();
    if (movesRange(shown.current.range, shown.current.anchor, next)) setAnchor(next);
    else void queryClient.invalidateQueries({ queryKey: userTrackingQueries.scope(client) });
  }, [queryClient, client, now]);

  // An id listed twice would make the steps loop: each id counts once, where it first appears.
  const order = siblings ? [...new Set(siblings)] : [];
  const position = order.indexOf(userId);
  const previousUserId = getSibling ? getSibling(userId, 'previous') : position > 0 ? order[position - 1]! : null;
  const nextUserId = getSibling ? getSibling(userId, 'next') : position >= 0 && position < order.length - 1 ? order[position + 1]! : null;

  const value: UserDetailContextValue = {
    userId,
    range,
    setRange,
    queryRange,
    tab,
    setTab,
    pageSize,
    user,
    activity,
    metric,
    setMetric,
    traces,
    tracesState,
    setTracesState,
    sessions,
    sessionsState,
    setSessionsState,
    scores,
    scoresState,
    setScoresState,
    scoreSeries,
    refresh,
    listHref,
    onBack,
    previousUserId,
    nextUserId,
    getUserHref,
    onSelectUser,
    getTraceHref,
    getSessionHref,
  };
  const state = user.isPending
    ? 'loading'
    : user.isError && user.data === undefined
      ? 'error'
      : user.data === null
        ? 'not-found'
        : user.data.traceCount === 0
          ? 'empty'
          : 'ready';
  return (
    <UserDetailContext.Provider value={value}>
      <div
        {...rootAttributes}
        data-part="user-detail"
        data-state={state}
        data-stale={user.isPlaceholderData ? '' : undefined}
        {...divProps}
        ref={ref}
      >
        {children}
      </div>
    </UserDetailContext.Provider>
  );
});
UserDetailRoot.displayName = ROOT_NAME;
