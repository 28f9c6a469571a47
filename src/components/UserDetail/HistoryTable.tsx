'use client';
import { Fragment, useRef, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnDef, RowData } from '@tanstack/react-table';
import type { Page } from '../../client/types.js';
import type { Formatters } from '../../format/createFormatters.js';
import type { PageLabels } from '../../i18n/userDetail.js';
import type { TracesTabLabels } from '../../i18n/tracesTab.js';
import { ErrorState } from '../Status/Status.js';
import { EmptyRow } from '../table/EmptyRow.js';
import { SkeletonRows } from '../table/SkeletonRows.js';
import { SortHeader } from '../table/SortHeader.js';
import { TablePager } from '../table/TablePager.js';
import { useGridKeyboard } from '../table/useGridKeyboard.js';
import { useScrollEdges } from '../table/useScrollEdges.js';
import { manualTableFeatures, useManualTable, type ManualTableFeatures, type ManualTableState } from '../table/useManualTable.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';
import { formatLabel } from '../../i18n/en-US.js';
import { pluralText } from '../../i18n/plural.js';

/**
 * The history tables of the detail view (traces, sessions, scores): one set of features, and
 * one way to draw a page of rows with its headers, states and pager.
 */

/** What the history tables' cells read through `table.options.meta`. */
export interface HistoryMeta {
  labels: PageLabels & Partial<TracesTabLabels>;
  format: Formatters;
  getTraceHref: ((traceId: string) => string) | undefined;
  getSessionHref: ((sessionId: string) => string) | undefined;
  /** The traces tab's open trace and its disclosure, where the source has timelines. */
  steps?: { open: string | null; toggle: (traceId: string) => void; panelId: string };
}

// Built once: the features every history table shares.
export const historyFeatures = manualTableFeatures<HistoryMeta>();
export type HistoryFeatures = ManualTableFeatures<HistoryMeta>;

const PART_PREFIX = 'user-detail';
const NO_ROWS: never[] = [];
const SKELETON_ROWS = 5;

export interface HistoryTableProps<Row extends RowData, Field extends string> {
  result: UseQueryResult<Page<Row>, Error>;
  columns: ReadonlyArray<ColumnDef<HistoryFeatures, Row, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each column has its own value type
  state: ManualTableState<Field>;
  onStateChange: (state: ManualTableState<Field>) => void;
  pageSize: number;
  getRowId: (row: Row) => string;
  meta: HistoryMeta;
  /** What the table lists, e.g. the `subjectTraces` label; names the scroll region and errors. */
  subject: string;
  /** Said when the range holds no rows. */
  empty: string;
  /** A full-width row drawn under a row (a trace's steps), or nothing. */
  renderAfterRow?: (row: Row, columnCount: number) => ReactNode;
}

/** A sortable, paged table of one tab's rows: an error with retry in its place when it fails. */
export function HistoryTable<Row extends RowData, Field extends string>(props: HistoryTableProps<Row, Field>) {
  const { client, lang } = useUserDetailTexts('HistoryTable');
  // One tab stop per table, arrows inside: a page of traces is not 75 Tab presses.
  const gridRef = useGridKeyboard();
  const scrollRef = useRef<HTMLDivElement>(null);
  const frameRef = useScrollEdges(scrollRef);
  const { result, meta, subject } = props;
  const page = result.data;
  const { table, getSortHeaderProps, goToPage } = useManualTable({
    features: historyFeatures,
    columns: props.columns,
    data: page?.items ?? NO_ROWS,
    getRowId: props.getRowId,
    state: props.state,
    onStateChange: props.onStateChange,
    pageSize: props.pageSize,
    rowCount: page?.total,
    // Only what the source has: no cost or token columns where it lacks those figures.
    hasFigure: (figure) => client.capabilities.detailFigures.includes(figure),
    meta,
  });
  if (result.isError) return <ErrorState error={result.error} subject={subject} onRetry={() => void result.refetch()} retrying={result.isFetching} />;
  const columns = table.getAllLeafColumns();
  const rows = table.getRowModel().rows;
  const empty = page !== undefined && page.items.length === 0;
  const latest = page?.latestTraces;
  return (
    <>
      {/* A source that read only part of a long history says which part the rows come from. */}
      {latest !== undefined && (
        <p data-part="user-detail-partial" role="note">
          {latest === 0 ? meta.labels.latestTracesNone : formatLabel(pluralText(meta.labels, 'latestTraces', latest, lang ?? meta.format.locale), { count: meta.format.number(latest) })}
        </p>
      )}
      <div data-part="user-detail-scroll-frame" ref={frameRef}>
        <div data-part="user-detail-scroll" ref={scrollRef} role="region" aria-label={subject}>
          <table ref={gridRef} role="grid" aria-label={subject} aria-busy={result.isFetching || undefined}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <SortHeader key={column.id} partPrefix={PART_PREFIX} {...getSortHeaderProps(column)}>
                    {meta.labels[column.columnDef.meta!.label]}
                  </SortHeader>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.isPending && (
                <SkeletonRows partPrefix={PART_PREFIX} rows={SKELETON_ROWS} cells={columns.map((column) => ({ id: column.id, numeric: column.columnDef.meta?.numeric }))} />
              )}
              {empty && (
                <EmptyRow partPrefix={PART_PREFIX} colSpan={columns.length}>
                  {props.empty}
                </EmptyRow>
              )}
              {rows.map((row) => (
                <Fragment key={row.id}>
                  <tr>
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id} data-numeric={cell.column.columnDef.meta?.numeric ? '' : undefined}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                  {props.renderAfterRow?.(row.original, columns.length)}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {page && !(empty && page.page === 1) && <TablePager partPrefix={PART_PREFIX} page={page} onPageChange={goToPage} />}
    </>
  );
}
