import { createColumnHelper } from '@tanstack/react-table';
import type { TraceRow } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import type { HistoryFeatures } from './HistoryTable.js';
import { LinkedText } from './LinkedText.js';
import { PayloadCell } from './PayloadCell.js';
import { scoreText } from './scoreText.js';

/** The traces tab's columns, built once; cells read labels, formatters and links from the table's meta. */

const helper = createColumnHelper<HistoryFeatures, TraceRow>();

export const TRACE_COLUMNS = helper.columns([
  helper.accessor('timestamp', {
    meta: { label: 'traceTimestamp', sort: 'time' },
    cell: ({ row, table }) => <time dateTime={row.original.timestamp}>{table.options.meta!.format.dateTime(row.original.timestamp)}</time>,
  }),
  helper.accessor('name', {
    meta: { label: 'traceName', sort: 'text' },
    cell: ({ row, table }) => {
      const { getTraceHref, labels } = table.options.meta!;
      const trace = row.original;
      // Linked, a nameless trace reads as its id; unlinked, as "no value".
      return <LinkedText href={getTraceHref?.(trace.id)}>{trace.name ?? (getTraceHref ? trace.id : labels.noValueShort)}</LinkedText>;
    },
  }),
  ...(['input', 'output'] as const).map((side) =>
    helper.display({
      id: side,
      meta: { label: side === 'input' ? 'traceInput' : 'traceOutput' },
      cell: ({ row, table }) => {
        const trace = row.original;
        // Trace names repeat (every run of one workflow); with the time the disclosure says which row it opens.
        const names = { name: trace.name ?? trace.id, time: table.options.meta!.format.dateTime(trace.timestamp) };
        return <PayloadCell value={trace[side]} side={side} trace={names} />;
      },
    }),
  ),
  helper.display({
    id: 'level',
    meta: { label: 'traceLevel' },
    cell: ({ row, table }) => {
      const { labels } = table.options.meta!;
      const { level } = row.original;
      return level ? (
        <span data-part="user-detail-level" data-level={level}>
          {labels[`level${level}`]}
        </span>
      ) : (
        labels.noValueShort
      );
    },
  }),
  helper.accessor('latency', {
    meta: { label: 'traceLatency', sort: 'number', numeric: true },
    cell: ({ row, table }) => {
      const { format, labels } = table.options.meta!;
      return row.original.latency === null ? labels.noValueShort : format.duration(row.original.latency);
    },
  }),
  helper.accessor('totalTokens', {
    meta: { label: 'traceTokens', sort: 'number', numeric: true, figures: ['totalTokens'] },
    cell: ({ row, table }) => table.options.meta!.format.number(row.original.totalTokens),
  }),
  helper.accessor('totalCost', {
    meta: { label: 'traceCost', sort: 'number', numeric: true, figures: ['totalCost'] },
    cell: ({ row, table }) => table.options.meta!.format.cost(row.original.totalCost),
  }),
  helper.display({
    id: 'tags',
    meta: { label: 'traceTags' },
    cell: ({ row, table }) => <bdi>{table.options.meta!.format.list(row.original.tags)}</bdi>,
  }),
  helper.display({
    id: 'scores',
    meta: { label: 'traceScores' },
    cell: ({ row, table }) => {
      const { format, labels } = table.options.meta!;
      return <bdi>{format.list(row.original.scores.map((score) => formatLabel(labels.traceScore, { name: score.name, value: scoreText(score, labels, format) })))}</bdi>;
    },
  }),
]);
