'use client';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { foldCase } from '../client/figures.js';
import { profileName, profileOf, profileValue } from '../client/profiles.js';
import type { Page, Trends, UserProfile, UserSummary, UsersQuery, UsersSelection, UserTrackingClient } from '../client/types.js';
import { liveInterval, useRefreshBudget, type RefreshBudget } from './useRefreshBudget.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { useRangeRefresh } from './useRangeRefresh.js';
import { resolveRange } from '../format/dateRangePresets.js';
import { userTrackingQueries } from './queries.js';
import { useBudgetStatus, type BudgetStatus } from './useBudgetStatus.js';
import { useUserFigures } from './useUserFigures.js';
import { useUserProfiles } from './useUserProfiles.js';
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
  /** The query asked: the state's, plus the ids of people whose loaded names match its search. */
  query: UsersQuery;
  /** The page of users, TanStack Query's result as it is. */
  users: UseQueryResult<Page<UserSummary>, Error>;
  /** Second-phase figures by user id, when the source loads the list in two phases. */
  deferred: DeferredFigures;
  /** Each user's series for the trend column; asked for only as `options.trends` says. */
  trends: UseQueryResult<Trends, Error>;
  /** The host's profiles of the page's users (the provider's `getUserProfiles`), by user id. */
  profiles: UseQueryResult<Record<string, UserProfile | undefined>, Error>;
  /**
   * Who is over (or near) the budget across all users — asked only for a budget with a `window`
   * or an `onBudgetExceeded`; otherwise each row's own figure decides.
   */
  budgetStatus: BudgetStatus;
  /** Which empty state applies, if any. */
  emptyKind: EmptyKind;
  /** Refetches everything the list shows and moves relative ranges up to now. */
  refresh: () => void;
  /**
   * The shortest live-refresh interval the source's request budgets allow for this list (live
   * refresh never runs faster), and the budget that sets it; see `client.usage()`.
   */
  refreshBudget: RefreshBudget;
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
 * back to the last page, and refetches every `refreshInterval` — no faster than the source's
 * request budgets allow, and not while it asks to wait (a 429).
 *
 * @example
 * const state = useUserListState();
 * const { users, deferred, emptyKind } = useUserListData(state);
 */
export function useUserListData(state: UserListState, options: UserListDataOptions = {}): UserListData {
  const { client, timeZone, queryClient, getUserProfiles } = useUserTrackingContext('useUserListData');
  const { query: stateQuery, columns, setPagination, overBudgetOnly, refreshInterval, range, anchor, setAnchor, budget, onBudgetExceeded, budgetFilterable } = state;

  // A budget over a window, or one the host is alerted of, asks who is over it across all users.
  const budgetStatus = useBudgetStatus(budget, {
    range: budget?.window ? resolveRange({ preset: budget.window }, anchor) : stateQuery.range,
    ...(stateQuery.filters ? { filters: stateQuery.filters } : {}),
    enabled: Boolean(budget?.window || onBudgetExceeded),
  });
  const alert = useRef(onBudgetExceeded);
  useEffect(() => {
    alert.current = onBudgetExceeded;
  });
  // The set, not its order: a reordering is the same users; an empty set arms the next report.
  const overKey = budgetStatus.over.map((user) => user.userId).sort().join('\n');
  const reported = useRef('');
  useEffect(() => {
    if (budgetStatus.isPending || overKey === reported.current) return;
    reported.current = overKey;
    if (overKey) alert.current?.(budgetStatus.over);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reported once per set of users
  }, [overKey, budgetStatus.isPending]);
  // "Only over budget" over a window keeps the ids over it, once they are known.
  const byWindow = Boolean(overBudgetOnly && budgetFilterable && budget?.window);

  // Search also matches the names already loaded from the host, where the source can take ids.
  const canSearchNames = Boolean(getUserProfiles && client.capabilities.searchUserIds && stateQuery.search);
  const overIds = byWindow ? budgetStatus.over.map((user) => user.userId) : undefined;
  const overIdsKey = overIds?.join('\n');
  const query = useMemo(
    () => {
      const asked = canSearchNames ? withNameMatches(stateQuery, queryClient, client) : stateQuery;
      return overIds ? { ...asked, userIds: overIds } : asked;
    },
    // The names are read once per search text: typing narrows, a later page's names do not reshuffle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stateQuery, canSearchNames, client, overIdsKey],
  );
  // Over a window, the list waits for who is over it; a failed answer is shown, not an empty list.
  const users = useUsers(query, { enabled: !(byWindow && (budgetStatus.isPending || budgetStatus.error)) });
  const userIds = useMemo(() => users.data?.items.map((user) => user.userId) ?? [], [users.data]);
  // The page on screen's people; the figures never wait for them.
  const profiles = useUserProfiles(userIds, { enabled: !users.isPlaceholderData });
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
  const refreshBudget = useRefreshBudget();
  const every = liveInterval(refreshInterval, refreshBudget.minIntervalMs);
  useEffect(() => {
    if (!every) return;
    const timer = setInterval(
      () => {
        // A source that answered 429 is left alone until the time it gave.
        if (!client.usage?.().pausedUntil) refresh();
      },
      every,
    );
    return () => clearInterval(timer);
  }, [every, refresh, client]);

  return useMemo(
    () => ({ query, users, deferred, trends, profiles, budgetStatus, emptyKind, refresh, refreshBudget }),
    [query, users, deferred, trends, profiles, budgetStatus, emptyKind, refresh, refreshBudget],
  );
}

/** The query with the ids of every loaded profile whose name or email contains the search. */
function withNameMatches(query: UsersQuery, queryClient: QueryClient, client: UserTrackingClient): UsersQuery {
  const needle = foldCase(query.search!.trim());
  if (!needle) return query;
  const ids = new Set<string>();
  for (const [key, loaded] of queryClient.getQueriesData({ queryKey: [...userTrackingQueries.scope(client), 'profiles'] })) {
    // Only the ids asked about: a loader may answer more than it was asked.
    for (const userId of (key[3] as { userIds: string[] }).userIds) {
      const profile = profileOf(loaded, userId);
      const texts = [profileName(profile), profileValue(profile, 'email')];
      if (texts.some((text) => typeof text == 'string' && foldCase(text).includes(needle))) ids.add(userId);
    }
  }
  return ids.size > 0 ? { ...query, searchUserIds: [...ids].sort() } : query;
}
