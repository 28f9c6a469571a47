'use client';
import { hasTraceFilters } from '../client/hasTraceFilters.js';
import { useControllableState } from './useControllableState.js';
import { useEffect, useMemo, useState } from 'react';
import type { DateRange, ObservationLevel, ScoreSortField, SessionSortField, SortSpec, TraceFilters, TraceSortField } from '../client/types.js';
import { rangeKey, resolveRange, type RangeValue } from '../format/dateRangePresets.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { useAnchor } from './useAnchor.js';

export type UserDetailTab = 'traces' | 'sessions' | 'scores';
export type ActivityMetric = 'traceCount' | 'totalTokens' | 'totalCost' | 'errorCount';

/** One tab's table: its sort, and the page counted from 1. */
export interface UserDetailTableState<Field extends string> {
  sort: SortSpec<Field>;
  page: number;
}

/** The traces tab's own narrowing: a search over trace names and ids, levels and tags. */
export interface UserDetailTracesFilter {
  /** Case-insensitive substring of a trace's name or id. */
  search?: string;
  /** Traces whose most severe level is one of these: `['ERROR']` is "errors only". */
  levels?: readonly ObservationLevel[];
  /** Traces that carry all of these tags. */
  tags?: readonly string[];
}

/** Every piece of the detail view's state: each controlled (`value`) or not (`defaultValue`). */
export interface UserDetailStateOptions {
  /** The user shown. */
  userId: string;
  /** Date range. @defaultValue the provider's `defaultRange` (the last 30 days unless it says otherwise), as in the list */
  range?: RangeValue;
  /** The range to open on, when `range` is not controlled. @defaultValue the provider's `defaultRange` */
  defaultRange?: RangeValue;
  /** Called with the range the user picks. */
  onRangeChange?: (range: RangeValue) => void;
  /**
   * Environment and tag filters, applied to every figure, chart and tab — the list's, carried
   * over (`getUserHref`'s second argument has them), so the page adds up to the row clicked.
   * @defaultValue `{}`
   */
  filters?: TraceFilters;
  /** The filters to open on, when `filters` is not controlled. @defaultValue `{}` */
  defaultFilters?: TraceFilters;
  /** Called with the filters the user changes (clearing them, from the header). */
  onFiltersChange?: (filters: TraceFilters) => void;
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
  /** The traces tab's search and levels (page 1 again when they change). @defaultValue `{}` */
  tracesFilter?: UserDetailTracesFilter;
  /** The traces tab's search and levels to open on, when not controlled. @defaultValue `{}` */
  defaultTracesFilter?: UserDetailTracesFilter;
  /** Called with the traces tab's next search and levels. */
  onTracesFilterChange?: (filter: UserDetailTracesFilter) => void;
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
  /** Rows per page in each tab, at most the source's `maxPageSize`. @defaultValue 25 */
  pageSize?: number;
  /** The user ids the host came from, in order, for previous / next. */
  siblings?: readonly string[];
  /** Or: the user before or after this one, or null at the ends. */
  getSibling?: (userId: string, direction: 'previous' | 'next') => string | null;
}

export interface UserDetailState {
  userId: string;
  range: RangeValue;
  setRange: (range: RangeValue) => void;
  /** The instant relative ranges are resolved against (ms since the epoch). */
  anchor: number;
  /** Moves relative ranges up to `at` (refresh does). */
  setAnchor: (at: number) => void;
  /** The range as the source is asked for it. */
  queryRange: DateRange;
  filters: TraceFilters;
  setFilters: (filters: TraceFilters) => void;
  /** The filters as the source is asked for them: absent when there are none. */
  queryFilters: TraceFilters | undefined;
  tab: UserDetailTab;
  setTab: (tab: UserDetailTab) => void;
  /** Rows per page, capped at the source's `maxPageSize`. */
  pageSize: number;
  tracesTable: UserDetailTableState<TraceSortField>;
  setTracesTable: (state: UserDetailTableState<TraceSortField>) => void;
  tracesFilter: UserDetailTracesFilter;
  setTracesFilter: (filter: UserDetailTracesFilter) => void;
  sessionsTable: UserDetailTableState<SessionSortField>;
  setSessionsTable: (state: UserDetailTableState<SessionSortField>) => void;
  scoresTable: UserDetailTableState<ScoreSortField>;
  setScoresTable: (state: UserDetailTableState<ScoreSortField>) => void;
  metric: ActivityMetric;
  setMetric: (metric: ActivityMetric) => void;
  /** The user before this one among the siblings, or null. */
  previousUserId: string | null;
  /** The user after this one among the siblings, or null. */
  nextUserId: string | null;
}

const CALLER = 'useUserDetailState';

/** The option names of `useUserDetailState`, for components that take them as props. */
export const USER_DETAIL_STATE_KEYS = [
  'userId',
  'range',
  'defaultRange',
  'onRangeChange',
  'filters',
  'defaultFilters',
  'onFiltersChange',
  'tab',
  'defaultTab',
  'onTabChange',
  'tracesTable',
  'defaultTracesTable',
  'onTracesTableChange',
  'tracesFilter',
  'defaultTracesFilter',
  'onTracesFilterChange',
  'sessionsTable',
  'defaultSessionsTable',
  'onSessionsTableChange',
  'scoresTable',
  'defaultScoresTable',
  'onScoresTableChange',
  'metric',
  'defaultMetric',
  'onMetricChange',
  'pageSize',
  'siblings',
  'getSibling',
] as const satisfies readonly (keyof UserDetailStateOptions)[];
type Unlisted = Exclude<keyof UserDetailStateOptions, (typeof USER_DETAIL_STATE_KEYS)[number]>;
// An option left off the list would reach the root's <div> as an attribute: refuse to compile.
const everyOptionListed: [Unlisted] extends [never] ? true : false = true;
void everyOptionListed;

const TRACES_DEFAULT: UserDetailTableState<TraceSortField> = { sort: { field: 'timestamp', direction: 'desc' }, page: 1 };
const SESSIONS_DEFAULT: UserDetailTableState<SessionSortField> = { sort: { field: 'lastActivity', direction: 'desc' }, page: 1 };
const SCORES_DEFAULT: UserDetailTableState<ScoreSortField> = { sort: { field: 'timestamp', direction: 'desc' }, page: 1 };
const DEFAULT_PAGE_SIZE = 25;
const NO_FILTERS: TraceFilters = {};
const NO_TRACES_FILTER: UserDetailTracesFilter = {};

/**
 * One user's page as state — range, tab, each tab's sort and page, the chart's metric — with
 * the rules that tie them: relative ranges are resolved against an instant that moves with the
 * user and the range (and on refresh), and another user, range or page size starts every table
 * again at page 1. Pair it with `useUserDetailData` to render the page with markup of your own.
 *
 * @example
 * const state = useUserDetailState({ userId, defaultTab: 'sessions' });
 * const { user, sessions } = useUserDetailData(state);
 */
export function useUserDetailState(options: UserDetailStateOptions): UserDetailState {
  const { client, now, defaultRange: providerRange } = useUserTrackingContext(CALLER);
  const { userId, siblings, getSibling } = options;

  const [range, setRange] = useControllableState({
    prop: options.range,
    defaultProp: options.defaultRange ?? providerRange,
    onChange: options.onRangeChange,
  });
  const [filters, setFilters] = useControllableState({
    prop: options.filters,
    defaultProp: options.defaultFilters ?? NO_FILTERS,
    onChange: options.onFiltersChange,
  });
  const filtersKey = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value: a host may write them inline
  const queryFilters = useMemo(() => (hasTraceFilters(filters) ? filters : undefined), [filtersKey]);
  const [tab, setTab] = useControllableState({
    prop: options.tab,
    defaultProp: options.defaultTab ?? 'traces',
    onChange: options.onTabChange,
  });
  const [metric, setMetric] = useControllableState({
    prop: options.metric,
    defaultProp: options.defaultMetric ?? 'traceCount',
    onChange: options.onMetricChange,
  });

  // Relative ranges are resolved against an instant that moves when the user or the range
  // changes (from here or from the host) and on refresh. Ranges are compared by value, so a
  // host that writes `range={{ preset: '30d' }}` inline re-renders freely.
  const anchorKey = `${userId}\u0000${rangeKey(range)}`;
  const [anchor, setAnchor] = useAnchor(anchorKey, now);
  const queryRange = useMemo(() => resolveRange(range, anchor), [range, anchor]);

  const pageSize = Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, client.capabilities.maxPageSize);
  // Another user, range, filter or page size starts every table again at its first page.
  const firstPageKey = `${anchorKey}\u0000${pageSize}\u0000${filtersKey}`;
  const [tracesFilter, setTracesFilter] = useControllableState({
    prop: options.tracesFilter,
    defaultProp: options.defaultTracesFilter ?? NO_TRACES_FILTER,
    onChange: options.onTracesFilterChange,
  });
  const [tracesTable, setTracesTable] = useTableState(
    options.tracesTable,
    options.defaultTracesTable ?? TRACES_DEFAULT,
    options.onTracesTableChange,
    `${firstPageKey}\u0000${JSON.stringify(tracesFilter)}`,
  );
  const [sessionsTable, setSessionsTable] = useTableState(
    options.sessionsTable,
    options.defaultSessionsTable ?? SESSIONS_DEFAULT,
    options.onSessionsTableChange,
    firstPageKey,
  );
  const [scoresTable, setScoresTable] = useTableState(options.scoresTable, options.defaultScoresTable ?? SCORES_DEFAULT, options.onScoresTableChange, firstPageKey);

  // An id listed twice would make the steps loop: each id counts once, where it first appears.
  const order = useMemo(() => (siblings ? [...new Set(siblings)] : []), [siblings]);
  const position = order.indexOf(userId);
  const previousUserId = getSibling ? getSibling(userId, 'previous') : position > 0 ? order[position - 1]! : null;
  const nextUserId = getSibling ? getSibling(userId, 'next') : position >= 0 && position < order.length - 1 ? order[position + 1]! : null;

  return useMemo(
    () => ({
      userId,
      range,
      setRange,
      anchor,
      setAnchor,
      queryRange,
      filters,
      setFilters,
      queryFilters,
      tab,
      setTab,
      pageSize,
      tracesTable,
      setTracesTable,
      tracesFilter,
      setTracesFilter,
      sessionsTable,
      setSessionsTable,
      scoresTable,
      setScoresTable,
      metric,
      setMetric,
      previousUserId,
      nextUserId,
    }),
    [userId, range, setRange, anchor, setAnchor, queryRange, filters, setFilters, queryFilters, tab, setTab, pageSize, tracesTable, setTracesTable, tracesFilter, setTracesFilter, sessionsTable, setSessionsTable, scoresTable, setScoresTable, metric, setMetric, previousUserId, nextUserId],
  );
}

/**
 * A tab's table state, controlled or not, that goes back to page 1 whenever `firstPageKey`
 * changes. Uncontrolled, the state itself moves in the same render. Controlled, page 1 is shown
 * (and asked for) at once while the host's value is the one from before, and the host is told
 * through its `on…Change`.
 */
function useTableState<Field extends string>(
  prop: UserDetailTableState<Field> | undefined,
  defaultProp: UserDetailTableState<Field>,
  onChange: ((state: UserDetailTableState<Field>) => void) | undefined,
  firstPageKey: string,
): [UserDetailTableState<Field>, (state: UserDetailTableState<Field>) => void] {
  const [value, setValue] = useControllableState({ prop, defaultProp, onChange });
  const controlled = prop !== undefined;
  const [shown, setShown] = useState<{ key: string; before: UserDetailTableState<Field> | null }>({ key: firstPageKey, before: null });
  if (shown.key !== firstPageKey) {
    const behind = value.page !== 1;
    setShown({ key: firstPageKey, before: controlled && behind ? value : null });
    if (!controlled && behind) setValue({ ...value, page: 1 });
  }
  const owed = shown.before !== null && shown.before === value;
  useEffect(() => {
    if (owed) setValue({ ...value, page: 1 });
  }, [owed, value, setValue]);
  const current = useMemo(() => (owed ? { ...value, page: 1 } : value), [owed, value]);
  return [current, setValue];
}
