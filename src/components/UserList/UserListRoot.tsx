'use client';
import { useControllableState } from '@radix-ui/react-use-controllable-state';
import type { UseQueryResult } from '@tanstack/react-query';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type {
  ClientCapabilities,
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
import { movesRange, rangeKey, resolveRange, type RangeValue } from '../../format/dateRangePresets.js';
import { userTrackingQueries } from '../../hooks/queries.js';
import { useUserFigures } from '../../hooks/useUserFigures.js';
import { useUsers } from '../../hooks/useUsers.js';
import { useUserTrends } from '../../hooks/useUserTrends.js';
import { formatLabel } from '../../i18n/en-US.js';
import { createUserlensContext } from '../../provider/context.js';
import { VisuallyHidden } from '../Status/Status.js';
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
  /** Date range. @defaultValue the provider's `defaultRange` (the last 30 days unless it says otherwise) */
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

/** The second phase of a two-phase source: figures by user, and how their request stands. */
export interface DeferredFigures {
  byUser: Map<string, Partial<UserSummary>>;
  isPending: boolean;
  error: Error | null;
  retry: () => void;
}

/** No empty state; search or filters matched nobody; the range is empty; nothing is tracked. */
export type EmptyKind = 'none' | 'no-match' | 'empty-range' | 'empty';

export interface UserListContextValue {
  query: UsersQuery;
  users: UseQueryResult<Page<UserSummary>, Error>;
  /** Second-phase figures by user id, when the source loads the list in two phases. */
  deferred: DeferredFigures;
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
  /** Whether the source can keep only the rows over budget (a band of the budget's figure). */
  budgetFilterable: boolean;
  overBudgetOnly: boolean;
  setOverBudgetOnly: (value: boolean) => void;
  refreshInterval: number | false;
  setRefreshInterval: (interval: number | false) => void;
  /** Refetches everything the list shows and moves relative ranges up to now. */
  refresh: () => void;
  /** Which empty state applies, if any. */
  emptyKind: EmptyKind;
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
    defaultRange: defaultRangeProp,
    onRangeChange,
    search: searchProp,
    defaultSearch = '',
    onSearchChange,
    sorting: sortingProp,
    defaultSorting,
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
  const { client, queryClient, format, labels, now, timeZone, defaultRange: providerRange } = useUserTrackingContext(ROOT_NAME);
  const rootAttributes = useRootAttributes(ROOT_NAME);

  const [range, setRangeState] = useControllableState({
    prop: rangeProp,
    defaultProp: defaultRangeProp ?? providerRange,
    onChange: onRangeChange,
    caller: ROOT_NAME,
  });
  const [search, setSearchState] = useControllableState({ prop: searchProp, defaultProp: defaultSearch, onChange: onSearchChange, caller: ROOT_NAME });
  const [sorting, setSortingState] = useControllableState({
    prop: sortingProp,
    defaultProp: defaultSorting ?? defaultSortFor(client.capabilities),
    onChange: onSortingChange,
    caller: ROOT_NAME,
  });
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

  // Relative ranges are resolved against an instant that moves when the range changes (from
  // here or from the host), on refresh and on each live tick — never on a mere re-render.
  const [anchor, setAnchor] = useState(now);
  // Compared by value: a host that writes `range={{ preset: '30d' }}` inline re-renders freely.
  const [anchoredRange, setAnchoredRange] = useState(() => rangeKey(range));
  if (anchoredRange !== rangeKey(range)) {
    setAnchoredRange(rangeKey(range));
    setAnchor(now());
  }

  // Anything that changes which users match starts again at page 1.
  const resetPage = useCallback(
    () => setPagination((current) => (current.page === 1 ? current : { ...current, page: 1 })),
    [setPagination],
  );
  const setRange = useCallback(
    (next: RangeValue) => {
      setRangeState(next);
      resetPage();
    },
    [setRangeState, resetPage],
  );
  // Typing is debounced: the query follows once typing pauses, and only then goes to page 1, in
  // the same update, so no request ever pairs the new search with the old page. A search that
  // comes from the host (its URL) is followed at once and keeps the host's page.
  const [settledSearch, setSettledSearch] = useState(search);
  const [typing, setTyping] = useState(false);
  if (!typing && settledSearch !== search) setSettledSearch(search);
  const setSearch = useCallback(
    (next: string) => {
      setTyping(true);
      setSearchState(next);
    },
    [setSearchState],
  );
  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => {
      setTyping(false);
      if (settledSearch === search) return;
      setSettledSearch(search);
      resetPage();
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typing, search, settledSearch, resetPage]);
  // Setters of what decides which users match: each also goes back to page 1.
  const thenFirstPage =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      resetPage();
    };
  const setSorting = thenFirstPage(setSortingState);
  const setFilters = thenFirstPage(setFiltersState);
  const setBand = thenFirstPage(setBandState);
  const setOverBudgetOnly = thenFirstPage(setOverBudgetOnlyState);

  const budgetFilterable = Boolean(budget && client.capabilities.bandFields.includes(budget.field));
  const query = useMemo<UsersQuery>(() => {
    const bands: FigureBand[] = [];
    if (band) bands.push(band);
    if (overBudgetOnly && budget && budgetFilterable) bands.push({ field: budget.field, gt: budget.limit });
    return {
      range: resolveRange(range, anchor),
      ...(settledSearch ? { search: settledSearch } : {}),
      sort: sorting,
      page: pagination.page,
      pageSize: pagination.pageSize,
      ...(filters.environments?.length || filters.tags?.length ? { filters } : {}),
      ...(bands.length ? { bands } : {}),
    };
  }, [range, anchor, settledSearch, sorting, pagination, filters, band, overBudgetOnly, budget, budgetFilterable]);

  const users = useUsers(query);
  const userIds = useMemo(() => users.data?.items.map((user) => user.userId) ?? [], [users.data]);
  const selection = { userIds, ...(query.range ? { range: query.range } : {}), ...(query.filters ? { filters: query.filters } : {}) };
  // The second phase and the trends follow the page on screen, not the one being replaced.
  const figures = useUserFigures(selection, { enabled: !users.isPlaceholderData });
  const trendsQuery = client.capabilities.timeZones ? { ...selection, timeZone } : selection;
  const deferred = useMemo(
    () => ({
      byUser: new Map((figures.data ?? []).map((row) => [row.userId!, row])),
      isPending:
        client.capabilities.deferredFigures.length > 0 && (figures.isPending || figures.isPlaceholderData) && !figures.isError,
      error: figures.isError ? figures.error : null,
      retry: () => void figures.refetch(),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch is stable per query
    [figures.data, figures.isPending, figures.isPlaceholderData, figures.isError, figures.error, client.capabilities.deferredFigures.length],
  );
  const trends = useUserTrends(trendsQuery, { enabled: columns.includes('trend') && !users.isPlaceholderData });

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
  const emptyPage = users.data !== undefined && users.data.items.length === 0 && users.data.page === 1 && !users.isPlaceholderData;
  const anyUser = useUsers({ pageSize: 1 }, { enabled: emptyPage && !narrowed && Boolean(query.range?.from || query.range?.to) });
  const emptyKind: EmptyKind = !emptyPage
    ? 'none'
    : narrowed || overBudgetOnly
      ? 'no-match'
      : query.range?.from || query.range?.to
        ? anyUser.data && anyUser.data.items.length === 0
          ? 'empty'
          : 'empty-range'
        : 'empty';

  const [distributionMounts, setDistributionMounts] = useState(0);
  const registerDistribution = useCallback(() => {
    setDistributionMounts((count) => count + 1);
    return () => setDistributionMounts((count) => count - 1);
  }, []);

  // A relative range that moves with the clock makes new keys: those fetch by themselves, and
  // invalidating as well would fetch the old keys a second time. A range that stays where it is
  // (fixed, or a clock that has not moved a second) refetches its keys.
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
  useEffect(() => {
    if (!refreshInterval) return;
    const timer = setInterval(refresh, refreshInterval);
    return () => clearInterval(timer);
  }, [refreshInterval, refresh]);

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
    budgetFilterable,
    overBudgetOnly,
    setOverBudgetOnly,
    refreshInterval,
    setRefreshInterval,
    refresh,
    emptyKind,
    getUserHref,
    onSelectUser,
    docsHref,
    distributionMounted: distributionMounts > 0,
    registerDistribution,
  };

  const state = users.isPending ? 'loading' : users.isError ? 'error' : emptyKind !== 'none' ? 'empty' : 'ready';
  const count = users.data?.total ?? users.data?.items.length;
  const announcement =
    users.isPending || users.isPlaceholderData || count === undefined
      ? ''
      : count === 1
        ? labels.resultsCountOne
        : formatLabel(labels.resultsCount, { count: format.number(count) });
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
        {/* Always mounted, so each new count (zero included) is announced. */}
        <VisuallyHidden role="status" aria-live="polite" data-part="user-list-announcement">
          {announcement}
        </VisuallyHidden>
      </div>
    </UserListContext.Provider>
  );
});
UserListRoot.displayName = ROOT_NAME;

/** Last event first where the source can sort by it, else its first sortable figure. */
function defaultSortFor(capabilities: ClientCapabilities): SortSpec<UserSortField> {
  if (capabilities.sortableFields.includes(DEFAULT_SORTING.field)) return DEFAULT_SORTING;
  const preferred: UserSortField[] = ['totalCost', 'traceCount', 'totalTokens', 'observationCount'];
  const field = preferred.find((f) => capabilities.sortableFields.includes(f)) ?? capabilities.sortableFields[0] ?? 'userId';
  return { field, direction: field === 'userId' ? 'asc' : 'desc' };
}
