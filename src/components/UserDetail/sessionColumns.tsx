import { createColumnHelper } from '@tanstack/react-table';
import type { SessionRow } from '../../client/types.js';
import type { HistoryFeatures } from './HistoryTable.js';
import { LinkedText } from './LinkedText.js';

/** The sessions tab's columns, built once; cells read labels, formatters and links from the table's meta. */

const helper = createColumnHelper<HistoryFeatures, SessionRow>();

export const SESSION_COLUMNS = helper.columns([
  helper.display({
    id: 'session',
    meta: { label: 'sessionId' },
    cell: ({ row, table }) => {
      const { getSessionHref } = table.options.meta!;
      const { sessionId } = row.original;
      return <LinkedText href={getSessionHref?.(sessionId)}>{sessionId}</LinkedText>;
    },
  }),
  helper.accessor('createdAt', {
    meta: { label: 'sessionCreated', sort: 'time' },
    cell: ({ row, table }) => table.options.meta!.format.dateTime(row.original.createdAt),
  }),
  helper.accessor('lastActivity', {
    meta: { label: 'sessionLastActivity', sort: 'time' },
    cell: ({ row, table }) => table.options.meta!.format.dateTime(row.original.lastActivity),
  }),
  helper.accessor('durationMs', {
    meta: { label: 'sessionDuration', sort: 'number', numeric: true },
    cell: ({ row, table }) => table.options.meta!.format.duration(row.original.durationMs),
  }),
  helper.accessor('traceCount', {
    meta: { label: 'statTraces', sort: 'number', numeric: true },
    cell: ({ row, table }) => table.options.meta!.format.number(row.original.traceCount),
  }),
  helper.accessor('totalTokens', {
    meta: { label: 'traceTokens', sort: 'number', numeric: true, figures: ['totalTokens'] },
    cell: ({ row, table }) => table.options.meta!.format.number(row.original.totalTokens),
  }),
  helper.accessor('totalCost', {
    meta: { label: 'traceCost', sort: 'number', numeric: true, figures: ['totalCost'] },
    cell: ({ row, table }) => table.options.meta!.format.cost(row.original.totalCost),
  }),
]);
