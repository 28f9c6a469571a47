'use client';
import {
  functionalUpdate,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Column,
  type ColumnDef,
  type PaginationState,
  type ReactTable,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import type { PaginationKind, SortDirection, SortSpec, UserFigure } from '../../client/types.js';
import type { PageLabelKey } from '../../i18n/userDetail.js';
import { nextSort, type SortKind } from './nextSort.js';

/** What a userlens column declares beside its cell: its header, how it sorts, how it aligns. */
export interface ManualColumnMeta {
  /** Dictionary key of the header text. */
  label: PageLabelKey;
  /** Set on columns the source can sort by; such a column's id is its sort field. */
  sort?: SortKind;
  /** Marks a column of figures (aligned to the end). @defaultValue false */
  numeric?: boolean;
  /** The figures the column shows: where the source lacks one, the table hides the column. */
  figures?: readonly UserFigure[];
}

/**
 * The features of a table whose source sorts and pages (TanStack Table v9): sorting and
 * pagination, with `TableMeta` as what its cells read through
 * `table.options.meta` (formatters, labels, links). Call it once, at module scope.
 *
 * @example
 * const features = manualTableFeatures<{ format: Formatters }>();
 * const helper = createColumnHelper<typeof features, TraceRow>();
 */
export function manualTableFeatures<TableMeta extends object>() {
  return tableFeatures({
    rowSortingFeature,
    rowPaginationFeature,
    tableMeta: metaHelper<TableMeta>(),
    columnMeta: metaHelper<ManualColumnMeta>(),
  });
}

export type ManualTableFeatures<TableMeta extends object> = ReturnType<typeof manualTableFeatures<TableMeta>>;

/** The state of a table the source sorts and pages: the sort, and the page counted from 1. */
export interface ManualTableState<Field extends string> {
  sort: SortSpec<Field>;
  page: number;
}

export interface UseManualTableOptions<TableMeta extends object, Row extends RowData, Field extends string> {
  /** From `manualTableFeatures()`, built once. */
  features: ManualTableFeatures<TableMeta>;
  /** Built once with TanStack's column helper; a sortable column's id is its sort field. */
  columns: ReadonlyArray<ColumnDef<ManualTableFeatures<TableMeta>, Row, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each column has its own value type
  /** The rows of the answered page. */
  data: readonly Row[];
  getRowId: (row: Row) => string;
  /** Sort and page, as the source is asked for them. */
  state: ManualTableState<Field>;
  /** Called with the next state; a new sort comes with page 1. */
  onStateChange: (state: ManualTableState<Field>) => void;
  pageSize: number;
  /** Rows the source has in all; null or absent where it cannot count. */
  rowCount?: number | null;
  /** How the source pages; a top-N ranking sorts descending only. */
  pagination?: PaginationKind;
  /** Whether the source can sort by a field. @defaultValue every column that declares `meta.sort` */
  canSort?: (field: Field) => boolean;
  /** Whether the source has a figure; columns showing one it lacks are hidden. @defaultValue every figure */
  hasFigure?: (figure: UserFigure) => boolean;
  /** Columns shown (`false` hides one), over what `hasFigure` leaves. @defaultValue all */
  columnVisibility?: Record<string, boolean>;
  /** Column ids in the order shown. @defaultValue the order of `columns` */
  columnOrder?: readonly string[];
  /** What the cells read through `table.options.meta`. */
  meta: TableMeta;
}

/** The props of a column's `SortHeader`, from the table's sort. */
export interface ManualSortHeaderProps {
  sortable: boolean;
  direction: SortDirection | null;
  numeric: boolean;
  onSort: () => void;
}

export interface ManualTable<TableMeta extends object, Row extends RowData> {
  /** TanStack's table: header groups, visible columns, the row model, `FlexRender`. */
  table: ReactTable<ManualTableFeatures<TableMeta>, Row>;
  /** Sort state, sortability and alignment of one column, for its `SortHeader`. */
  getSortHeaderProps: (column: Column<ManualTableFeatures<TableMeta>, Row, unknown>) => ManualSortHeaderProps;
  /** Asks for a page (counted from 1), kept within the pages the source counts. */
  goToPage: (page: number) => void;
}

/**
 * TanStack Table for a source that sorts and pages itself (`manualSorting`, `manualPagination`):
 * our `SortSpec` and page stand in for TanStack's `SortingState` and `PaginationState`, and a
 * click on a header follows `nextSort` and goes back to page 1.
 *
 * @example
 * const { table, getSortHeaderProps } = useManualTable({
 *   features, columns, data: page?.items ?? NO_ROWS, getRowId: (t) => t.id,
 *   state: tracesTable, onStateChange: setTracesTable, pageSize, rowCount: page?.total, meta,
 * });
 */
export function useManualTable<TableMeta extends object, Row extends RowData, Field extends string>(
  options: UseManualTableOptions<TableMeta, Row, Field>,
): ManualTable<TableMeta, Row> {
  const { state, onStateChange, pageSize, rowCount, pagination: paginationKind, canSort, hasFigure, columnVisibility, columnOrder } = options;
  // Which columns show, and in what order, is one list of ids on our side: TanStack gets the
  // shown columns in order rather than a copy of that state (its visibility and ordering
  // features would add 1.3 kB gzip to answer what a filter and a sort answer here).
  const lacking = hasFigure
    ? options.columns.filter((column) => column.meta?.figures && !column.meta.figures.every(hasFigure)).map(idOf).join('\n')
    : '';
  const columns = useMemo(
    () => shownColumns(options.columns, lacking.split('\n'), columnVisibility, columnOrder),
    [options.columns, lacking, columnVisibility, columnOrder],
  );
  const sorting = toSortingState(state.sort);
  const pagination: PaginationState = { pageIndex: state.page - 1, pageSize };

  const table = useTable({
    features: options.features,
    columns,
    data: options.data,
    getRowId: (row) => options.getRowId(row),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: rowCount ?? undefined,
    // -1: the source cannot count, so there is always a next page to ask for.
    pageCount: rowCount === null || rowCount === undefined ? -1 : Math.max(1, Math.ceil(rowCount / pageSize)),
    state: {
      sorting,
      pagination,
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const sort = fromSortingState<Field>(functionalUpdate(updater, sorting));
      if (sort) onStateChange({ sort, page: 1 });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageIndex !== pagination.pageIndex) onStateChange({ sort: state.sort, page: next.pageIndex + 1 });
    },
    meta: options.meta,
  });

  return {
    table,
    getSortHeaderProps: (column) => {
      const meta = column.columnDef.meta;
      const field = column.id as Field;
      const sortable = meta?.sort !== undefined && (canSort ? canSort(field) : true);
      return {
        sortable,
        // Read from our state, which this render already holds, not from the table's atoms.
        direction: sortable && state.sort.field === field ? state.sort.direction : null,
        numeric: meta?.numeric ?? false,
        onSort: () => {
          const next = nextSort(state.sort, { field, kind: meta!.sort! }, paginationKind);
          table.setSorting(toSortingState(next));
        },
      };
    },
    goToPage: (page) => table.setPageIndex(page - 1),
  };
}

/** The columns shown, in order: not `lacking` a figure, not hidden, ordered by `order`. */
function shownColumns<Column extends { id?: string }>(
  columns: readonly Column[],
  lacking: readonly string[],
  visibility: Record<string, boolean> | undefined,
  order: readonly string[] | undefined,
): Column[] {
  const shown = columns.filter((column) => visibility?.[idOf(column)] !== false && !lacking.includes(idOf(column)));
  if (!order) return shown;
  const rank = (column: Column) => {
    const at = order.indexOf(idOf(column));
    return at < 0 ? order.length : at;
  };
  return shown.sort((a, b) => rank(a) - rank(b));
}

function idOf(column: { id?: string }): string {
  return column.id ?? String((column as { accessorKey?: unknown }).accessorKey);
}

/** Our sort as TanStack's: one column, descending or not. */
export function toSortingState<Field extends string>(sort: SortSpec<Field>): SortingState {
  return [{ id: sort.field, desc: sort.direction === 'desc' }];
}

/** TanStack's sort as ours: its first column, or null when it sorts by none. */
export function fromSortingState<Field extends string>(sorting: SortingState): SortSpec<Field> | null {
  const first = sorting[0];
  return first ? { field: first.id as Field, direction: first.desc ? 'desc' : 'asc' } : null;
}
