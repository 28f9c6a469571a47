'use client';
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { ScoreSortField, SessionSortField, TraceSortField } from '../../client/types.js';
import type { RangeValue } from '../../format/dateRangePresets.js';
import { useUserDetailData, type UserDetailData } from '../../hooks/useUserDetailData.js';
import {
  useUserDetailState,
  type ActivityMetric,
  type UserDetailState,
  type UserDetailTab,
  type UserDetailTableState,
} from '../../hooks/useUserDetailState.js';
import { createUserlensContext } from '../../provider/context.js';
import { useRootAttributes } from '../../provider/UserTrackingProvider.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailRoot
 * -----------------------------------------------------------------------------------------*/

const ROOT_NAME = 'UserDetailRoot';

export interface UserDetailRootProps extends ComponentPropsWithoutRef<'div'> {
  /** The user shown. */
  userId: string;
  /** Date range. @defaultValue the provider's `defaultRange` (the last 30 days unless it says otherwise), as in the list */
  range?: RangeValue;
  /** The range to open on, when `range` is not controlled. @defaultValue the provider's `defaultRange` */
  defaultRange?: RangeValue;
  /** Called with the range the user picks. */
  onRangeChange?: (range: RangeValue) => void;
  /** The open tab; only its rows are asked for. @defaultValue 'traces' */
  tab?: UserDetailTab;
  /** The tab to open on, when `tab` is not controlled. @defaultValue 'traces' */
  defaultTab?: UserDetailTab;
  /** Called with the tab the user opens. */
  onTabChange?: (tab: UserDetailTab) => void;
  /** Sort and page of the traces tab. @defaultValue `{ sort: { field: 'timestamp', direction: 'desc' }, page: 1 }` */
  tracesTable?: UserDetailTableState<TraceSortField>;
  /** The traces tab's sort and page to open on, when not controlled. @defaultValue as `tracesTable` */
  defaultTracesTable?: UserDetailTableState<TraceSortField>;
  /** Called with the traces tab's next sort and page (page 1 after a new sort, user, range or page size). */
  onTracesTableChange?: (state: UserDetailTableState<TraceSortField>) => void;
  /** Sort and page of the sessions tab. @defaultValue `{ sort: { field: 'lastActivity', direction: 'desc' }, page: 1 }` */
  sessionsTable?: UserDetailTableState<SessionSortField>;
  /** The sessions tab's sort and page to open on, when not controlled. @defaultValue as `sessionsTable` */
  defaultSessionsTable?: UserDetailTableState<SessionSortField>;
  /** Called with the sessions tab's next sort and page. */
  onSessionsTableChange?: (state: UserDetailTableState<SessionSortField>) => void;
  /** Sort and page of the scores tab. @defaultValue `{ sort: { field: 'timestamp', direction: 'desc' }, page: 1 }` */
  scoresTable?: UserDetailTableState<ScoreSortField>;
  /** The scores tab's sort and page to open on, when not controlled. @defaultValue as `scoresTable` */
  defaultScoresTable?: UserDetailTableState<ScoreSortField>;
  /** Called with the scores tab's next sort and page. */
  onScoresTableChange?: (state: UserDetailTableState<ScoreSortField>) => void;
  /** The figure the activity chart draws. @defaultValue 'traceCount' */
  metric?: ActivityMetric;
  /** The figure to open the chart on, when `metric` is not controlled. @defaultValue 'traceCount' */
  defaultMetric?: ActivityMetric;
  /** Called with the figure the user picks. */
  onMetricChange?: (metric: ActivityMetric) => void;
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

/** What the parts read: the state, the queries, and the host's links. */
export interface UserDetailContextValue extends UserDetailState, UserDetailData {
  listHref: string | undefined;
  onBack: (() => void) | undefined;
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

/**
 * Owns one user's page: `useUserDetailState` (range, tab, each tab's sort and page, the chart's
 * metric — each controlled or not) and `useUserDetailData` (the queries; only the open tab's
 * rows are asked for). Parts below read both from context.
 *
 * @example
 * <UserDetailRoot userId={id} defaultTab="sessions"><UserDetailHeader /><UserDetailTabs /></UserDetailRoot>
 *
 * @selector [data-part="user-detail"] [data-state="loading|error|not-found|empty|ready"] [data-stale]
 */
export const UserDetailRoot = forwardRef<HTMLDivElement, UserDetailRootProps>((props, ref) => {
  const {
    userId,
    range,
    defaultRange,
    onRangeChange,
    tab,
    defaultTab,
    onTabChange,
    tracesTable,
    defaultTracesTable,
    onTracesTableChange,
    sessionsTable,
    defaultSessionsTable,
    onSessionsTableChange,
    scoresTable,
    defaultScoresTable,
    onScoresTableChange,
    metric,
    defaultMetric,
    onMetricChange,
    pageSize,
    siblings,
    getSibling,
    listHref,
    onBack,
    getUserHref,
    onSelectUser,
    getTraceHref,
    getSessionHref,
    children,
    ...divProps
  } = props;
  const rootAttributes = useRootAttributes(ROOT_NAME);
  const state = useUserDetailState({
    userId,
    range,
    defaultRange,
    onRangeChange,
    tab,
    defaultTab,
    onTabChange,
    tracesTable,
    defaultTracesTable,
    onTracesTableChange,
    sessionsTable,
    defaultSessionsTable,
    onSessionsTableChange,
    scoresTable,
    defaultScoresTable,
    onScoresTableChange,
    metric,
    defaultMetric,
    onMetricChange,
    pageSize,
    siblings,
    getSibling,
  });
  const data = useUserDetailData(state);
  const value = useMemo<UserDetailContextValue>(
    () => ({ ...state, ...data, listHref, onBack, getUserHref, onSelectUser, getTraceHref, getSessionHref }),
    [state, data, listHref, onBack, getUserHref, onSelectUser, getTraceHref, getSessionHref],
  );
  const { user } = data;
  const status = user.isPending
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
      <div {...rootAttributes} data-part="user-detail" data-state={status} data-stale={user.isPlaceholderData ? '' : undefined} {...divProps} ref={ref}>
        {children}
      </div>
    </UserDetailContext.Provider>
  );
});
UserDetailRoot.displayName = ROOT_NAME;

export type { ActivityMetric, UserDetailTab, UserDetailTableState };
