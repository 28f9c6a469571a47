import { createColumnHelper } from '@tanstack/react-table';
import type { TraceRow } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { tracesTabText } from '../../i18n/tracesTab.js';
import type { HistoryFeatures } from './HistoryTable.js';
import { LinkedText } from './LinkedText.js';
import { PayloadCell } from './PayloadCell.js';
import { scoreText } from './scoreText.js';

/** The traces tab's columns, built once; cells read labels, formatters and links from the table's meta. */

const helper = createColumnHelper<HistoryFeatures, TraceRow>();

export const TRACE_COLUMNS = helper.columns([
  helper.accessor('timestamp', {
    meta: { label: 'traceTimestamp', sort: 'time' },
    cell: ({ row, table }) => {
      const { format, labels, steps } = table.options.meta!;
      const trace = row.original;
      const time = format.dateTime(trace.timestamp);
      const open = steps?.open === trace.id;
      return (
        <>
          {steps && (
            // Opens the trace's steps in a row under it; the name says which trace, as names repeat.
            <button
              type="button"
              data-part="user-detail-show-full"
              aria-expanded={open}
              aria-controls={open ? steps.panelId : undefined}
              aria-label={formatLabel(tracesTabText(labels, 'showSteps'), { trace: `${trace.name ?? trace.id}, ${time}` })}
              onClick={() => steps.toggle(trace.id)}
            >
              <svg width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
                <path d="M6 3l5 5-5 5" />
              </svg>
            </button>
          )}
          <time dateTime={trace.timestamp}>{time}</time>
        </>
      );
    },
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
    id: 'environment',
    meta: { label: 'traceEnvironment' },
    cell: ({ row }) => <bdi>{row.original.environment}</bdi>,
  }),
  helper.display({
    id: 'session',
    meta: { label: 'traceSession' },
    cell: ({ row, table }) => {
      const { getSessionHref, labels } = table.options.meta!;
      const { sessionId } = row.original;
      return sessionId === null ? labels.noValueShort : <LinkedText href={getSessionHref?.(sessionId)}>{sessionId}</LinkedText>;
    },
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
