'use client';
import { useControllableState } from '@radix-ui/react-use-controllable-state';
import type { UseQueryResult } from '@tanstack/react-query';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type {
  FigureBand,
  NumericUserFigure,
  Page,
  SortSpec,
  TraceFilters,
  Trends,
  UserSortField,
  UserSummary,
  UsersQuery,
} from '../../client/types.js';
import { resolveRange, type RangeValue } from '../../format/dateRangePresets.js';
import { userTrackingQueries } from '../../hooks/queries.js';
import { useUserFigures } from '../../hooks/useUserFigures.js';
import { useUsers } from '../../hooks/useUsers.js';
import { useUserTrends } from '../../hooks/useUserTrends.js';
import { createUserlensContext } from '../../provider/context.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { DEFAULT_VISIBLE_COLUMNS, type ColumnId } from './columns.js';
import { useStoredColumns } from './useStoredColumns.js';

/* -------------------------------------------------------------------------------------------
 * UserList.Root
 * -----------------------------------------------------------------------------------------*/

const ROOT_NAME = 'UserList.Root';

export interface UserListPagination {
  /** Counted from 1. */
  page: number;
  pageSize: number;
}

export interface UserListBudget {
  /** The figure the budget applies to, e.g. `totalCost`. */
  field: NumericUserFigure;
  /** Rows whose figure is above this are marked over budget. */
  limit: number;
}

export interface UserListRootProps extends ComponentPropsWithoutRef<'div'> {
  /** Date range. @defaultValue `{ preset: '30d' }` */
  range?: RangeValue;
  defaultRange?: RangeValue;
  onRangeChange?: (range: RangeValue) => void;
  /** Search text (a substring of the user id, any case); queries run 300 ms after typing stops. @defaultValue '' */
  search?: string;
  defaultSearch?: string;
  onSearchChange?: (search: string) => void;
  /** @defaultValue `{ field: 'lastEvent', direction: 'desc' }` */
  sorting?: SortSpec<UserSortField>;
  defaultSorting?: SortSpec<UserSortField>;
  onSortingChange?: (sorting: SortSpec<UserSortField>) => void;
  /** @defaultValue `{ page: 1, pageSize: 50 }` */
  pagination?: UserListPagination;
  defaultPagination?: UserListPagination;
  onPaginationChange?: (pagination: UserListPagination) => void;
  /** Environment and tag filters. @defaultValue `{}` */
  filters?: TraceFilters;
  defaultFilters?: TraceFilters;
  onFiltersChange?: (filters: TraceFilters) => void;
  /** A band of one figure, set by clicking a distribution bin. @defaultValue null */
  band?: FigureBand | null;
  defaultBand?: FigureBand | null;
  onBandChange?: (band: FigureBand | null) => void;
  /** Visible columns, in order. @defaultValue the default set, or what `storageKey` kept */
  columns?: ColumnId[];
  defaultColumns?: ColumnId[];
  onColumnsChange?: (columns: ColumnId[]) => void;
  /** Keeps column choices in localStorage under this key. */
  storageKey?: string;
  /** Marks rows over a limit of one figure, and offers "only over budget". */
  budget?: UserListBudget;
  /** Shows only rows over budget. @defaultValue false */
  overBudgetOnly?: boolean;
  defaultOverBudgetOnly?: boolean;
  onOverBudgetOnlyChange?: (value: boolean) => void;
  /** Refetch every this many ms (the Refresh part offers choices). @defaultValue false */
  refreshInterval?: number | false;
  defaultRefreshInterval?: number | false;
  onRefreshIntervalChange?: (interval: number | false) => void;
  /** Where a user's id links to. Encode the id (`encodeURIComponent`) so every id survives the URL. */
  getUserHref?: (userId: string) => string;
  /** Called when a row is activated (click, or Enter on its link). */
  onSelectUser?: (userId: string) => void;
  /** Link for the empty state's "how to add a user ID". */
  docsHref?: string;
  children?: ReactNode;
}

export interface UserListContextValue {
  query: UsersQuery;
  users: UseQueryResult<Page<UserSummary>, Error>;
  /** Second-phase figures by user id, when the source loads the list in two phases. */
  deferred: { byUser: Map<string, Partial<UserSummary>>; isPending: boolean };
  trends: UseQueryResult<Trends, Error>;
  range: RangeValue;
  setRange: (range: RangeValue) => void;
  search: string;
  setSearch: (search: string) => void;
  sorting: SortSpec<UserSortField>;
  setSorting: (sorting: SortSpec<UserSortField>) => void;
  pagination: UserListPagination;
  setPagination: (pagination: UserListPagination) => void;
  filters: TraceFilters;
  setFilters: (filters: TraceFilters) => void;
  band: FigureBand | null;
  setBand: (band: FigureBand | null) => void;
  columns: ColumnId[];
  setColumns: (columns: ColumnId[]) => void;
  budget: UserListBudget | undefined;
  overBudgetOnly: boolean;
  setOverBudgetOnly: (value: boolean) => void;
  refreshInterval: number | false;
  setRefreshInterval: (interval: number | false) => void;
  /** Refetches everything the list shows and moves relative ranges up to now. */
  refresh: () => void;
  getUserHref: ((userId: string) => string) | undefined;
  onSelectUser: ((userId: string) => void) | undefined;
  docsHref: string | undefined;
  /** Parts that need a query while mounted (the distribution) say so here. */
  distributionMounted: boolean;
  registerDistribution: () => () => void;
}

const [UserListContext, useUserListContextFor] = createUserlensContext<UserListContextValue>(ROOT_NAME);

/** The list's state and data, for parts of your own. */
export function useUserListContext(consumerName = 'useUserListContext'): UserListContextValue {
  return useUserListContextFor(consumerName);
}

const DEFAULT_RANGE: RangeValue = { preset: '30d' };
const DEFAULT_SORTING: SortSpec<UserSortField> = { field: 'lastEvent', direction: 'desc' };
const DEFAULT_PAGINATION: UserListPagination = { page: 1, pageSize: 50 };
const NO_FILTERS: TraceFilters = {};
const SEARCH_DELAY_MS = 300;

/**
 * Owns the list's state — range, search, sort, page, filters, band, columns — and its queries.
 * Every piece of state is controlled or not (`value` / `defaultValue` / `onValueChange`), so a
 * host can keep it in its URL. Parts below read it from context; none fetches on its own.
 *
 * @selector [data-part="user-list"] [data-state="loading|error|empty|ready"] [data-stale]
 */
export const UserListRoot = forwardRef<HTMLDivElement, UserListRootProps>((props, ref) => {
  const {
    range: rangeProp,
    defaultRange = DEFAULT_RANGE,
    onRangeChange,
    search: searchProp,
    defaultSearch = '',
    onSearchChange,
    sorting: sortingProp,
    defaultSorting = DEFAULT_SORTING,
    onSortingChange,
    pagination: paginationProp,
    defaultPagination = DEFAULT_PAGINATION,
    onPaginationChange,
    filters: filtersProp,
    defaultFilters = NO_FILTERS,
    onFiltersChange,
    band: bandProp,
    defaultBand = null,
    onBandChange,
    columns: columnsProp,
    defaultColumns,
    onColumnsChange,
    storageKey,
    budget,
    overBudgetOnly: overBudgetOnlyProp,
    defaultOverBudgetOnly = false,
    onOverBudgetOnlyChange,
    refreshInterval: refreshIntervalProp,
    defaultRefreshInterval = false,
    onRefreshIntervalChange,
    getUserHref,
    onSelectUser,
    docsHref,
    children,
    ...divProps
  } = props;
  const { client, queryClient } = useUserTrackingContext(ROOT_NAME);
  const rootAttributes = useRootAttributes(ROOT_NAME);

  const [range, setRangeState] = useControllableState({ prop: rangeProp, defaultProp: defaultRange, onChange: onRangeChange, caller: ROOT_NAME });
  const [search, setSearchState] = useControllableState({ prop: searchProp, defaultProp: defaultSearch, onChange: onSearchChange, caller: ROOT_NAME });
  const [sorting, setSortingState] = useControllableState({ prop: sortingProp, defaultProp: defaultSorting, onChange: onSortingChange, caller: ROOT_NAME });
  const [pagination, setPagination] = useControllableState({ prop: paginationProp, defaultProp: defaultPagination, onChange: onPaginationChange, caller: ROOT_NAME });
  const [filters, setFiltersState] = useControllableState({ prop: filtersProp, defaultProp: defaultFilters, onChange: onFiltersChange, caller: ROOT_NAME });
  const [band, setBandState] = useControllableState({ prop: bandProp, defaultProp: defaultBand, onChange: onBandChange, caller: ROOT_NAME });
  const [overBudgetOnly, setOverBudgetOnlyState] = useControllableState({
    prop: overBudgetOnlyProp,
    defaultProp: defaultOverBudgetOnly,
    onChange: onOverBudgetOnlyChange,
    caller: ROOT_NAME,
  });
  const [refreshInterval, setRefreshInterval] = useControllableState({
    prop: refreshIntervalProp,
    defaultProp: defaultRefreshInterval,
    onChange: onRefreshIntervalChange,
    caller: ROOT_NAME,
  });
  const [columns, setColumns] = useStoredColumns({
    storageKey,
    value: columnsProp,
    defaultValue: defaultColumns ?? DEFAULT_VISIBLE_COLUMNS,
    onChange: onColumnsChange,
  });

  // Relative ranges are resolved against an instant that moves only on refresh or a new range.
  const [anchor, setAnchor] = useState(() => Date.now());

  // Anything that changes which users match starts again at page 1.
  const resetPage = useCallback(
    () => setPagination((current) => (current.page === 1 ? current : { ...current, page: 1 })),
    [setPagination],
  );
  const setRange = useCallback(
    (next: RangeValue) => {
      setAnchor(Date.now());
      setRangeState(next);
      resetPage();
    },
    [setRangeState, resetPage],
  );
  const setSearch = useCallback((next: string) => setSearchState(next), [setSearchState]);
  const setSorting = useCallback(
    (next: SortSpec<UserSortField>) => {
      setSortingState(next);
      resetPage();
    },
    [setSortingState, resetPage],
  );
  const setFilters = useCallback(
    (next: TraceFilters) => {
      setFiltersState(next);
      resetPage();
    },
    [setFiltersState, resetPage],
  );
  const setBand = useCallback(
    (next: FigureBand | null) => {
      setBandState(next);
      resetPage();
    },
    [setBandState, resetPage],
  );
  const setOverBudgetOnly = useCallback(
    (next: boolean) => {
      setOverBudgetOnlyState(next);
      resetPage();
    },
    [setOverBudgetOnlyState, resetPage],
  );

  const debouncedSearch = useDebounced(search, SEARCH_DELAY_MS);
  // A settled new search changes which users match: back to page 1 (not on mount, where a
  // host restoring its URL may ask for page 3 of a search).
  const searchedFor = useRef(debouncedSearch);
  useEffect(() => {
    if (searchedFor.current === debouncedSearch) return;
    searchedFor.current = debouncedSearch;
    resetPage();
  }, [debouncedSearch, resetPage]);

  const query = useMemo<UsersQuery>(() => {
    const bands: FigureBand[] = [];
    if (band) bands.push(band);
    if (overBudgetOnly && budget) bands.push({ field: budget.field, gt: budget.limit });
    return {
      range: resolveRange(range, anchor),
      ...(debouncedSearch ? { search: debouncedSearch } : {}),
      sort: sorting,
      page: pagination.page,
      pageSize: pagination.pageSize,
      ...(filters.environments?.length || filters.tags?.length ? { filters } : {}),
      ...(bands.length ? { bands } : {}),
    };
  }, [range, anchor, debouncedSearch, sorting, pagination, filters, band, overBudgetOnly, budget]);

  const users = useUsers(query, { refetchInterval: refreshInterval });
  const userIds = useMemo(() => users.data?.items.map((user) => user.userId) ?? [], [users.data]);
  const selection = { userIds, ...(query.range ? { range: query.range } : {}), ...(query.filters ? { filters: query.filters } : {}) };
  const figures = useUserFigures(selection, { enabled: !users.isPlaceholderData });
  const deferred = useMemo(
    () => ({
      byUser: new Map((figures.data ?? []).map((row) => [row.userId!, row])),
      isPending: client.capabilities.deferredFigures.length > 0 && (figures.isPending || figures.isPlaceholderData),
    }),
    [figures.data, figures.isPending, figures.isPlaceholderData, client.capabilities.deferredFigures.length],
  );
  const trends = useUserTrends(selection, { enabled: columns.includes('trend') });

  const [distributionMounts, setDistributionMounts] = useState(0);
  const registerDistribution = useCallback(() => {
    setDistributionMounts((count) => count + 1);
    return () => setDistributionMounts((count) => count - 1);
  }, []);

  const refresh = useCallback(() => {
    setAnchor(Date.now());
    void queryClient.invalidateQueries({ queryKey: userTrackingQueries.scope(client) });
  }, [queryClient, client, setAnchor]);

  const value: UserListContextValue = {
    query,
    users,
    deferred,
    trends,
    range,
    setRange,
    search,
    setSearch,
    sorting,
    setSorting,
    pagination,
    setPagination,
    filters,
    setFilters,
    band,
    setBand,
    columns,
    setColumns,
    budget,
    overBudgetOnly,
    setOverBudgetOnly,
    refreshInterval,
    setRefreshInterval,
    refresh,
    getUserHref,
    onSelectUser,
    docsHref,
    distributionMounted: distributionMounts > 0,
    registerDistribution,
  };

  const state = users.isPending ? 'loading' : users.isError ? 'error' : users.data.total === 0 ? 'empty' : 'ready';
  return (
    <UserListContext.Provider value={value}>
      <div
        {...rootAttributes}
        data-part="user-list"
        data-state={state}
        data-stale={users.isPlaceholderData || (users.isFetching && !users.isPending) ? '' : undefined}
        {...divProps}
        ref={ref}
      >
        {children}
      </div>
    </UserListContext.Provider>
  );
});
UserListRoot.displayName = ROOT_NAME;

/** `value`, once it has stopped changing for `delayMs`. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
