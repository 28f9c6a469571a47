'use client';
import { hasTraceFilters } from '../client/hasTraceFilters.js';
import { useControllableState } from './useControllableState.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  ClientCapabilities,
  FigureBand,
  NumericUserFigure,
  SortSpec,
  TraceFilters,
  UserSortField,
  UsersQuery,
} from '../client/types.js';
import { rangeKey, resolveRange, type RangeValue, type RelativePreset } from '../format/dateRangePresets.js';
import { DEFAULT_VISIBLE_COLUMNS, type ColumnId } from '../components/UserList/columns.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { budgetEvaluable, type BudgetBreach } from './useBudgetStatus.js';
import { useAnchor } from './useAnchor.js';
import { useStoredColumns } from './useStoredColumns.js';

export interface UserListPaginationState {
  /** Counted from 1. */
  page: number;
  pageSize: number;
}

export interface UserListBudget {
  /** The figure the budget applies to, e.g. `totalCost`. */
  field: NumericUserFigure;
  /** Rows whose figure is above this are marked over budget. */
  limit: number;
  /**
   * Read the figure over the last stretch of time instead of the list's range: `'7d'` is "more
   * than `limit` in the last 7 days", whatever range the list shows. Needs a source that lists
   * the figure and filters or ranks by it. @defaultValue the list's range
   */
  window?: RelativePreset;
  /** Also mark users above this share of the limit (0–1) as near it, e.g. `0.8`. */
  nearAt?: number;
}

/** Every piece of the list's view state: each controlled (`value`) or not (`defaultValue`). */
export interface UserListStateOptions {
  /** Date range. @defaultValue the provider's `defaultRange` (the last 30 days unless it says otherwise) */
  range?: RangeValue;
  defaultRange?: RangeValue;
  onRangeChange?: (range: RangeValue) => void;
  /** Search text (a substring of the user id, any case); queries run 300 ms after typing stops. @defaultValue '' */
  search?: string;
  defaultSearch?: string;
  onSearchChange?: (search: string) => void;
  /** @defaultValue `{ field: 'lastEvent', direction: 'desc' }`, or the source's first sortable figure */
  sorting?: SortSpec<UserSortField>;
  defaultSorting?: SortSpec<UserSortField>;
  onSortingChange?: (sorting: SortSpec<UserSortField>) => void;
  /** @defaultValue `{ page: 1, pageSize: 50 }` */
  pagination?: UserListPaginationState;
  defaultPagination?: UserListPaginationState;
  onPaginationChange?: (pagination: UserListPaginationState) => void;
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
  /**
   * Called with every user over the budget (across all users, not only the page; highest first)
   * each time that set changes and is not empty — wire it to your own alerting. Asks the source
   * one more question per range (the users above the threshold).
   */
  onBudgetExceeded?: (users: readonly BudgetBreach[]) => void;
  /** Shows only rows over budget. @defaultValue false */
  overBudgetOnly?: boolean;
  defaultOverBudgetOnly?: boolean;
  onOverBudgetOnlyChange?: (value: boolean) => void;
  /** Refetch every this many ms (the Refresh part offers choices). @defaultValue false */
  refreshInterval?: number | false;
  defaultRefreshInterval?: number | false;
  onRefreshIntervalChange?: (interval: number | false) => void;
}

export interface UserListState {
  /** The query the state stands for: what `useUserListData` asks the source. */
  query: UsersQuery;
  range: RangeValue;
  setRange: (range: RangeValue) => void;
  /** The instant relative ranges are resolved against (ms since the epoch). */
  anchor: number;
  /** Moves relative ranges up to `at` (refresh and live refresh do). */
  setAnchor: (at: number) => void;
  /** What the search box holds; the query follows once typing pauses. */
  search: string;
  setSearch: (search: string) => void;
  sorting: SortSpec<UserSortField>;
  setSorting: (sorting: SortSpec<UserSortField>) => void;
  pagination: UserListPaginationState;
  setPagination: (pagination: UserListPaginationState) => void;
  filters: TraceFilters;
  setFilters: (filters: TraceFilters) => void;
  band: FigureBand | null;
  setBand: (band: FigureBand | null) => void;
  columns: ColumnId[];
  setColumns: (columns: ColumnId[]) => void;
  budget: UserListBudget | undefined;
  onBudgetExceeded: ((users: readonly BudgetBreach[]) => void) | undefined;
  /** Whether the source can keep only the rows over budget (a band of the budget's figure, or the ids over a window's budget). */
  budgetFilterable: boolean;
  overBudgetOnly: boolean;
  setOverBudgetOnly: (value: boolean) => void;
  refreshInterval: number | false;
  setRefreshInterval: (interval: number | false) => void;
}

const CALLER = 'useUserListState';

/** The option names of `useUserListState`, for components that take them as props. */
export const USER_LIST_STATE_KEYS = [
  'range',
  'defaultRange',
  'onRangeChange',
  'search',
  'defaultSearch',
  'onSearchChange',
  'sorting',
  'defaultSorting',
  'onSortingChange',
  'pagination',
  'defaultPagination',
  'onPaginationChange',
  'filters',
  'defaultFilters',
  'onFiltersChange',
  'band',
  'defaultBand',
  'onBandChange',
  'columns',
  'defaultColumns',
  'onColumnsChange',
  'storageKey',
  'budget',
  'onBudgetExceeded',
  'overBudgetOnly',
  'defaultOverBudgetOnly',
  'onOverBudgetOnlyChange',
  'refreshInterval',
  'defaultRefreshInterval',
  'onRefreshIntervalChange',
] as const satisfies readonly (keyof UserListStateOptions)[];
type Unlisted = Exclude<keyof UserListStateOptions, (typeof USER_LIST_STATE_KEYS)[number]>;
// An option left off the list would reach the root's <div> as an attribute: refuse to compile.
const everyOptionListed: [Unlisted] extends [never] ? true : false = true;
void everyOptionListed;
const DEFAULT_SORTING: SortSpec<UserSortField> = { field: 'lastEvent', direction: 'desc' };
const DEFAULT_PAGINATION: UserListPaginationState = { page: 1, pageSize: 50 };
const NO_FILTERS: TraceFilters = {};
const SEARCH_DELAY_MS = 300;

/**
 * The user list's view state — range, search, sort, page, filters, band, columns, budget, live
 * refresh — with the rules that tie them: typing is debounced, and anything that changes which
 * users match goes back to page 1. Pair it with `useUserListData` to render the list with
 * markup of your own.
 *
 * @example
 * const state = useUserListState({ defaultSorting: { field: 'totalCost', direction: 'desc' } });
 * const { users } = useUserListData(state);
 */
export function useUserListState(options: UserListStateOptions = {}): UserListState {
  const { client, now, defaultRange: providerRange } = useUserTrackingContext(CALLER);
  const { budget } = options;

  const [range, setRangeState] = useControllableState({
    prop: options.range,
    defaultProp: options.defaultRange ?? providerRange,
    onChange: options.onRangeChange,
  });
  const [search, setSearchState] = useControllableState({
    prop: options.search,
    defaultProp: options.defaultSearch ?? '',
    onChange: options.onSearchChange,
  });
  const [sorting, setSortingState] = useControllableState({
    prop: options.sorting,
    defaultProp: options.defaultSorting ?? defaultSortFor(client.capabilities),
    onChange: options.onSortingChange,
  });
  const [pagination, setPagination] = useControllableState({
    prop: options.pagination,
    defaultProp: options.defaultPagination ?? DEFAULT_PAGINATION,
    onChange: options.onPaginationChange,
  });
  const [filters, setFiltersState] = useControllableState({
    prop: options.filters,
    defaultProp: options.defaultFilters ?? NO_FILTERS,
    onChange: options.onFiltersChange,
  });
  const [band, setBandState] = useControllableState({
    prop: options.band,
    defaultProp: options.defaultBand ?? null,
    onChange: options.onBandChange,
  });
  const [overBudgetOnly, setOverBudgetOnlyState] = useControllableState({
    prop: options.overBudgetOnly,
    defaultProp: options.defaultOverBudgetOnly ?? false,
    onChange: options.onOverBudgetOnlyChange,
  });
  const [refreshInterval, setRefreshInterval] = useControllableState({
    prop: options.refreshInterval,
    defaultProp: options.defaultRefreshInterval ?? false,
    onChange: options.onRefreshIntervalChange,
  });
  const [columns, setColumns] = useStoredColumns({
    storageKey: options.storageKey,
    value: options.columns,
    defaultValue: options.defaultColumns ?? DEFAULT_VISIBLE_COLUMNS,
    onChange: options.onColumnsChange,
  });

  // Relative ranges are resolved against an instant that moves when the range changes (from
  // here or from the host), on refresh and on each live tick — never on a mere re-render.
  const [anchor, setAnchor] = useAnchor(rangeKey(range), now);

  // Anything that changes which users match starts again at page 1.
  const resetPage = useCallback(
    () => setPagination((current) => (current.page === 1 ? current : { ...current, page: 1 })),
    [setPagination],
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
  const setters = useMemo(() => {
    const thenFirstPage =
      <T>(set: (value: T) => void) =>
      (value: T) => {
        set(value);
        resetPage();
      };
    return {
      setRange: thenFirstPage(setRangeState),
      setSorting: thenFirstPage(setSortingState),
      setFilters: thenFirstPage(setFiltersState),
      setBand: thenFirstPage(setBandState),
      setOverBudgetOnly: thenFirstPage(setOverBudgetOnlyState),
    };
  }, [resetPage, setRangeState, setSortingState, setFiltersState, setBandState, setOverBudgetOnlyState]);

  const { capabilities } = client;
  const budgetFilterable = Boolean(
    budget && (budget.window ? capabilities.userIds && budgetEvaluable(budget, capabilities) : capabilities.bandFields.includes(budget.field)),
  );
  const query = useMemo<UsersQuery>(() => {
    const bands: FigureBand[] = [];
    if (band) bands.push(band);
    // Over a window, the ids over budget keep the rows (useUserListData adds them).
    if (overBudgetOnly && budget && budgetFilterable && !budget.window) bands.push({ field: budget.field, gt: budget.limit });
    return {
      range: resolveRange(range, anchor),
      ...(settledSearch ? { search: settledSearch } : {}),
      sort: sorting,
      page: pagination.page,
      pageSize: pagination.pageSize,
      ...(hasTraceFilters(filters) ? { filters } : {}),
      ...(bands.length ? { bands } : {}),
    };
  }, [range, anchor, settledSearch, sorting, pagination, filters, band, overBudgetOnly, budget, budgetFilterable]);

  return useMemo(
    () => ({
      query,
      range,
      anchor,
      setAnchor,
      search,
      setSearch,
      sorting,
      pagination,
      setPagination,
      filters,
      band,
      columns,
      setColumns,
      budget,
      onBudgetExceeded: options.onBudgetExceeded,
      budgetFilterable,
      overBudgetOnly,
      refreshInterval,
      setRefreshInterval,
      ...setters,
    }),
    [query, range, anchor, setAnchor, search, setSearch, sorting, pagination, setPagination, filters, band, columns, setColumns, budget, options.onBudgetExceeded, budgetFilterable, overBudgetOnly, refreshInterval, setRefreshInterval, setters],
  );
}

/** Last event first where the source can sort by it, else its first sortable figure. */
function defaultSortFor(capabilities: ClientCapabilities): SortSpec<UserSortField> {
  if (capabilities.sortableFields.includes(DEFAULT_SORTING.field)) return DEFAULT_SORTING;
  const preferred: UserSortField[] = ['totalCost', 'traceCount', 'totalTokens', 'observationCount'];
  const field = preferred.find((f) => capabilities.sortableFields.includes(f)) ?? capabilities.sortableFields[0] ?? 'userId';
  return { field, direction: field === 'userId' ? 'asc' : 'desc' };
}
