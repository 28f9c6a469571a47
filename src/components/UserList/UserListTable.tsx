'use client';
import { createColumnHelper } from '@tanstack/react-table';
import { forwardRef, lazy, Suspense, useCallback, useMemo, useRef, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import { useNowEvery } from '../shared/useNowEvery.js';
import type { UserSortField, UserSummary } from '../../client/types.js';
import { scoreFigureName } from '../../client/figures.js';
import { profileOf } from '../../client/profiles.js';
import { feedbackEnUS } from '../../i18n/feedback.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { ErrorState } from '../Status/Status.js';
import { LoadProgress } from '../shared/LoadProgress.js';
import { SkeletonRows } from '../table/SkeletonRows.js';
import { SortHeader } from '../table/SortHeader.js';
import { useGridKeyboard } from '../table/useGridKeyboard.js';
import { useScrollEdges } from '../table/useScrollEdges.js';
import { manualTableFeatures, useManualTable, type ManualTableState } from '../table/useManualTable.js';
import { UserListRow, type SharedCellEnvironment } from './UserListRow.js';
import { SpacerRow } from './SpacerRow.js';
import { columnSortable, columnText, listColumns, type ColumnId, type ColumnSpec } from './columns.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListTable
 * -----------------------------------------------------------------------------------------*/

const TABLE_NAME = 'UserListTable';

// Built once (per set of profile fields): features, columns and the empty fallback (stable
// inputs keep row models cached). The source sorts and pages; cells are drawn by
// `UserListCell` from the column specs.
const features = manualTableFeatures<Record<string, never>>();
const helper = createColumnHelper<typeof features, UserSummary>();
const tableColumnsOf = (specs: readonly ColumnSpec[]) =>
  helper.columns(
    specs.map((column) =>
      helper.display({
        id: column.id,
        meta: {
          label: column.label,
          numeric: column.numeric,
          // Ids ascend first, figures and dates descend first: `nextSort`'s one rule.
          ...(column.sortField ? { sort: column.firstDirection === 'asc' ? ('text' as const) : column.kind === 'date' ? ('time' as const) : ('number' as const) } : {}),
        },
      }),
    ),
  );
const NO_META: Record<string, never> = {};
const NO_ROWS: UserSummary[] = [];

/** Pages longer than this render only the rows in view (TanStack Virtual, loaded on first need). */
export const VIRTUALIZE_OVER = 100;
const VirtualRows = lazy(() => import('./VirtualRows.js'));
const SKELETON_ROWS = 8;

export interface UserListTableProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * Row height in px used to place rows when a long page is virtualized.
   * @defaultValue 41
   */
  estimatedRowHeight?: number;
}

/**
 * The users as a real `<table>`: sortable headers are buttons inside `<th aria-sort>`, the user
 * id column stays pinned while the table scrolls sideways, rows activate on click, long pages
 * render only the rows in view, and a live region announces result counts.
 *
 * @selector [data-part="user-list-table"] [data-virtualized]
 * @selector tr[data-over-budget] th[data-sortable] th[data-sort="asc|desc"]
 */
export const UserListTable = forwardRef<HTMLDivElement, UserListTableProps>(({ estimatedRowHeight = 41, ...props }, ref) => {
  const context = useUserListContext(TABLE_NAME);
  const { client, format, labels, lang, profileFields } = useUserTrackingContext(TABLE_NAME);
  const { users, columns, sorting, setSorting, pagination, setPagination, deferred, trends, profiles, budget, budgetStatus, range, filters, getUserHref, onSelectUser } = context;
  // Each link carries the view it was clicked in, so the user's page adds up to the row.
  const view = useMemo(() => ({ range, filters }), [range, filters]);
  const capabilities = client.capabilities;
  const rows = users.data?.items ?? NO_ROWS;

  const specs = listColumns(profileFields);
  const byId = useMemo(() => new Map(specs.map((column) => [column.id, column])), [specs]);
  const tableColumns = useMemo(() => tableColumnsOf(specs), [specs]);
  const columnVisibility = useMemo(() => Object.fromEntries(specs.map(({ id }) => [id, columns.includes(id)])), [specs, columns]);
  const { table, getSortHeaderProps } = useManualTable({
    features,
    columns: tableColumns,
    data: rows,
    getRowId: (user) => user.userId,
    state: { sort: sorting, page: pagination.page },
    onStateChange: (next: ManualTableState<UserSortField>) => {
      // A new sort goes back to page 1 by itself (the list state's rule).
      if (next.sort.field !== sorting.field || next.sort.direction !== sorting.direction) setSorting(next.sort);
      else setPagination({ ...pagination, page: next.page });
    },
    pageSize: pagination.pageSize,
    rowCount: users.data?.total,
    pagination: capabilities.pagination,
    canSort: (field) => columnSortable(byId.get(field as ColumnId)!, capabilities),
    columnVisibility,
    columnOrder: columns,
    meta: NO_META,
  });
  const visibleLeafColumns = table.getAllLeafColumns();
  // Kept while the same columns show, so that rows need not be drawn again (see UserListRow).
  const columnKey = visibleLeafColumns.map((column) => column.id).join(' ');
  const visibleColumns = useMemo(() => (columnKey ? columnKey.split(' ').map((id) => byId.get(id as ColumnId)!) : []), [columnKey, byId]);
  // Sorted by one score's mean (`score:<name>`): the feedback column holds it.
  const sortedScore = scoreFigureName(sorting.field);
  const stackKey = [...stackedColumns(visibleColumns.map((column) => column.id), sortedScore === null ? sorting.field : 'scores')].join(' ');
  const stacked = useMemo(() => new Set(stackKey ? (stackKey.split(' ') as ColumnId[]) : []), [stackKey]);
  // The names the feedback column can sort by: those of the page's users (and the one sorted by).
  const scoreNames = useMemo(() => {
    if (!capabilities.scoreFigures) return [];
    const names = new Set(rows.flatMap((user) => user.scores?.map((score) => score.name) ?? []));
    if (sortedScore !== null) names.add(sortedScore);
    return [...names].sort();
  }, [rows, sortedScore, capabilities.scoreFigures]);

  const now = useNowEvery(60_000);
  const trendByUser = useMemo(
    () => new Map(trends.data?.series.map((series) => [series.userId, series.values]) ?? []),
    [trends.data],
  );
  const trendPending = trends.isPlaceholderData || (trends.isPending && trends.fetchStatus !== 'idle');
  const shared = useMemo<SharedCellEnvironment>(
    () => ({
      format,
      lang: lang ?? format.locale,
      labels,
      capabilities,
      deferred,
      trendPending,
      now,
      budget,
      budgetStatus,
      sortedScore,
      getUserHref: getUserHref && ((userId) => getUserHref(userId, view)),
      onSelectUser: onSelectUser && ((userId) => onSelectUser(userId, view)),
    }),
    [format, lang, labels, capabilities, deferred, trendPending, now, budget, budgetStatus, sortedScore, getUserHref, onSelectUser, view],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const frameRef = useScrollEdges(scrollRef);
  // Enter on a row's cell opens the user as a click on the row does.
  const openRow = useCallback((row: HTMLTableRowElement) => row.querySelector<HTMLElement>('[data-part="user-list-user-link"]')?.click(), []);
  const tableRef = useGridKeyboard(openRow);
  const activateRow = useCallback(
    (event: MouseEvent<HTMLTableRowElement>, userId: string) => {
      // Clicks on the row's own controls (link, copy) do their own thing.
      if ((event.target as HTMLElement).closest('a, button, input, select, textarea')) return;
      if (window.getSelection()?.toString()) return;
      const link = event.currentTarget.querySelector<HTMLElement>('[data-part="user-list-user-link"]');
      if (link) link.click();
      else onSelectUser?.(userId, view);
    },
    [onSelectUser, view],
  );
  const tableRows = table.getRowModel().rows;
  const virtualized = tableRows.length > VIRTUALIZE_OVER;

  if (users.isError || context.emptyKind !== 'none') return null;
  // A source without trends holds their query (skipToken); one prefetched anyway is not a failure.
  const trendsFailed = trends.isError && capabilities.trends;

  const offset = ((users.data?.page ?? 1) - 1) * (users.data?.pageSize ?? 0);
  const total = users.data?.total;
  const rowCount = total ?? (users.data ? offset + rows.length + (users.data.hasMore ? 1 : 0) : undefined);

  return (
    <div
      data-part="user-list-table"
      data-virtualized={virtualized ? '' : undefined}
      {...props}
      ref={ref}
    >
      {(deferred.error || trendsFailed || budgetStatus.error) && (
        <ErrorState
          error={deferred.error ?? budgetStatus.error ?? trends.error}
          subject={labels.subjectFigures}
          onRetry={() => {
            if (deferred.error) deferred.retry();
            if (budgetStatus.error) budgetStatus.retry();
            if (trendsFailed) void trends.refetch();
          }}
        />
      )}
      {/* A client still building its data shows how far it has got above the skeleton rows. */}
      {users.isPending && <LoadProgress />}
      <div data-part="user-list-scroll-frame" ref={frameRef}>
        <div data-part="user-list-scroll" ref={scrollRef} aria-label={labels.userListLabel} role="region">
          <table ref={tableRef} role="grid" aria-label={labels.userListLabel} aria-rowcount={rowCount === undefined ? undefined : rowCount + 1} aria-busy={users.isFetching || undefined}>
            <thead>
              <tr aria-rowindex={1}>
                {visibleLeafColumns.map((column) => (
                  <SortHeader
                    key={column.id}
                    partPrefix="user-list"
                    data-column={column.id}
                    data-stack={stacked.has(column.id as ColumnId) ? '' : undefined}
                    {...getSortHeaderProps(column)}
                    {...(column.id === 'scores' && scoreNames.length > 0 ? scoreSortProps() : {})}
                  >
                    {columnText(byId.get(column.id as ColumnId)!, labels)}
                  </SortHeader>
                ))}
              </tr>
            </thead>
            <tbody>
              {users.isPending && (
                <SkeletonRows
                  partPrefix="user-list"
                  rows={SKELETON_ROWS}
                  cells={visibleColumns.map((column) => ({ id: column.id, numeric: column.numeric, width: column.kind === 'userId' ? '70%' : '50%', stack: stacked.has(column.id) }))}
                />
              )}
              {virtualized ? (
                // Until the virtualiser has loaded, the first rows stand in for the page, above the
                // height of the rest: a scroll meanwhile keeps its place, and the rows follow it.
                <Suspense
                  fallback={
                    <>
                      {tableRows.slice(0, VIRTUALIZE_OVER).map((row) => renderRow(row.index))}
                      <SpacerRow height={(tableRows.length - VIRTUALIZE_OVER) * estimatedRowHeight} columnCount={visibleColumns.length} />
                    </>
                  }
                >
                  <VirtualRows
                    count={tableRows.length}
                    scrollRef={scrollRef}
                    estimatedRowHeight={estimatedRowHeight}
                    columnCount={visibleColumns.length}
                    renderRow={renderRow}
                  />
                </Suspense>
              ) : (
                tableRows.map((row) => renderRow(row.index))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );

  /** The feedback header: a picker of the score to sort by (lowest mean first), then its button reverses the order. */
  function scoreSortProps() {
    const text = { ...feedbackEnUS, ...labels };
    return {
      sortable: sortedScore !== null,
      direction: sortedScore === null ? null : sorting.direction,
      onSort: () => setSorting({ field: sorting.field, direction: sorting.direction === 'asc' ? 'desc' : 'asc' }),
      control: (
        <select
          data-part="user-list-score-sort"
          aria-label={text.feedbackSortBy}
          // Narrow, so the default columns still fit 1000 px; the picked name reads in full when open.
          style={{ maxWidth: '7.5rem' }}
          value={sortedScore ?? ''}
          onChange={(event) => setSorting({ field: `score:${event.target.value}`, direction: 'asc' })}
        >
          {/* Hidden: it names the choice to make, and cannot be chosen. */}
          {sortedScore === null && (
            <option value="" hidden>
              {text.feedbackSortPlaceholder}
            </option>
          )}
          {scoreNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ),
    };
  }

  function renderRow(index: number, measure?: (row: Element | null) => void) {
    const row = tableRows[index]!;
    const user = row.original;
    return (
      <UserListRow
        // Keyed by place, not by user: a sort or a new page fills the same rows with other users
        // rather than removing every row and creating new ones, which measured a fifth of the
        // sort's time. The grid's keyboard stop is kept by place too (aria-rowindex).
        key={index}
        user={user}
        rowIndex={offset + row.index + 2}
        columns={visibleColumns}
        stacked={stacked}
        shared={shared}
        // While the next page's trends load, the previous page's series stand in for no one.
        trend={trends.isPlaceholderData ? undefined : trendByUser.get(user.userId)}
        profile={profileOf(profiles.data, user.userId)}
        measure={measure}
        index={index}
        onActivate={activateRow}
      />
    );
  }
});
UserListTable.displayName = TABLE_NAME;

/** Figures a narrow container keeps under each user: the one sorted by first, then the most asked for. */
const STACK_PRIORITY: readonly ColumnId[] = ['totalCost', 'lastEvent', 'traceCount', 'totalTokens', 'errorCount'];
function stackedColumns(visible: readonly ColumnId[], sortField: string): Set<ColumnId> {
  return new Set([...new Set([sortField as ColumnId, ...STACK_PRIORITY])].filter((id) => id !== 'userId' && visible.includes(id)).slice(0, 3));
}

