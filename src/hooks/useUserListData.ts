'use client';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { Page, Trends, UserSummary, UsersSelection } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { useRangeRefresh } from './useRangeRefresh.js';
import { useUserFigures } from './useUserFigures.js';
import type { UserListState } from './useUserListState.js';
import { useUsers } from './useUsers.js';
import { useUserTrends } from './useUserTrends.js';

/** The second phase of a two-phase source: figures by user, and how their request stands. */
export interface DeferredFigures {
  byUser: Map<string, Partial<UserSummary>>;
  isPending: boolean;
  error: Error | null;
  retry: () => void;
}

/** No empty state; search or filters matched nobody; the range is empty; nothing is tracked. */
export type EmptyKind = 'none' | 'no-match' | 'empty-range' | 'empty';

export interface UserListData {
  /** The page of users, TanStack Query's result as it is. */
  users: UseQueryResult<Page<UserSummary>, Error>;
  /** Second-phase figures by user id, when the source loads the list in two phases. */
  deferred: DeferredFigures;
  /** Each user's series for the trend column; asked for only as `options.trends` says. */
  trends: UseQueryResult<Trends, Error>;
  /** Which empty state applies, if any. */
  emptyKind: EmptyKind;
  /** Refetches everything the list shows and moves relative ranges up to now. */
  refresh: () => void;
}

export interface UserListDataOptions {
  /**
   * Ask for each user's trend series. A host that draws no sparkline passes `false`.
   * @defaultValue whether the `trend` column is among `state.columns`
   */
  trends?: boolean;
}

/**
 * Runs the list's queries for a `useUserListState` state: the page of users, the second-phase
 * figures and trends of the page on screen, and — only when a limited range shows nobody — one
 * more question that tells an empty source from an empty range. Follows a page past the end
 * back to the last page, and refetches every `refreshInterval`.
 *
 * @example
 * const state = useUserListState();
 * const { users, deferred, emptyKind } = useUserListData(state);
 */
export function useUserListData(state: UserListState, options: UserListDataOptions = {}): UserListData {
  const { client, timeZone } = useUserTrackingContext('useUserListData');
  const { query, columns, setPagination, overBudgetOnly, refreshInterval, range, anchor, setAnchor } = state;

  const users = useUsers(query);
  const userIds = useMemo(() => users.data?.items.map((user) => user.userId) ?? [], [users.data]);
  const selection: UsersSelection = {
    userIds,
    ...(query.range ? { range: query.range } : {}),
    ...(query.filters ? { filters: query.filters } : {}),
  };
  // The second phase and the trends follow the page on screen, not the one being replaced.
  const figures = useUserFigures(selection, { enabled: !users.isPlaceholderData });
  const trendsQuery = client.capabilities.timeZones ? { ...selection, timeZone } : selection;
  const wantsTrends = options.trends ?? columns.includes('trend');
  const trends = useUserTrends(trendsQuery, { enabled: wantsTrends && !users.isPlaceholderData });
  const deferredCount = client.capabilities.deferredFigures.length;
  const { refetch: refetchFigures } = figures;
  const deferred = useMemo(
    () => ({
      byUser: new Map((figures.data ?? []).map((row) => [row.userId!, row])),
      isPending: deferredCount > 0 && (figures.isPending || figures.isPlaceholderData) && !figures.isError,
      // A held query (a one-phase source) prefetched anyway settles as an error: not the source's.
      error: figures.isError && deferredCount > 0 ? figures.error : null,
      retry: () => void refetchFigures(),
    }),
    [figures.data, figures.isPending, figures.isPlaceholderData, figures.isError, figures.error, deferredCount, refetchFigures],
  );

  // A page past the end (a stale link, rows that went away) moves to the last page there is.
  const lastPage = users.data?.total ? Math.ceil(users.data.total / users.data.pageSize) : 1;
  useEffect(() => {
    const data = users.data;
    if (!data || users.isPlaceholderData || data.items.length > 0 || data.page <= 1) return;
    setPagination({ page: data.total === null ? data.page - 1 : lastPage, pageSize: data.pageSize });
  }, [users.data, users.isPlaceholderData, lastPage, setPagination]);

  // With nothing in a limited range, one more question tells an empty source (onboarding) from
  // an empty range; it is asked only then.
  const narrowed = Boolean(query.search || query.filters || query.bands);
  const limited = Boolean(query.range?.from || query.range?.to);
  const emptyPage = users.data !== undefined && users.data.items.length === 0 && users.data.page === 1 && !users.isPlaceholderData;
  const anyUser = useUsers({ pageSize: 1 }, { enabled: emptyPage && !narrowed && limited });
  const emptyKind: EmptyKind = !emptyPage
    ? 'none'
    : narrowed || overBudgetOnly
      ? 'no-match'
      : limited
        ? anyUser.data && anyUser.data.items.length === 0
          ? 'empty'
          : 'empty-range'
        : 'empty';

  const refresh = useRangeRefresh(range, anchor, setAnchor);
  useEffect(() => {
    if (!refreshInterval) return;
    const timer = setInterval(refresh, refreshInterval);
    return () => clearInterval(timer);
  }, [refreshInterval, refresh]);

  return useMemo(() => ({ users, deferred, trends, emptyKind, refresh }), [users, deferred, trends, emptyKind, refresh]);
}
