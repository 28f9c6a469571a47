import { createColumnHelper } from '@tanstack/react-table';
import type { ScoreRow } from '../../client/types.js';
import type { HistoryFeatures } from './HistoryTable.js';
import { LinkedText } from './LinkedText.js';
import { scoreText } from './scoreText.js';

/** The scores tab's columns, built once; cells read labels, formatters and links from the table's meta. */

const helper = createColumnHelper<HistoryFeatures, ScoreRow>();

export const SCORE_COLUMNS = helper.columns([
  helper.accessor('timestamp', {
    meta: { label: 'scoreTimestamp', sort: 'time' },
    cell: ({ row, table }) => table.options.meta!.format.dateTime(row.original.timestamp),
  }),
  helper.accessor('name', {
    meta: { label: 'scoreName', sort: 'text' },
    cell: ({ row }) => <bdi>{row.original.name}</bdi>,
  }),
  // Sorted as numbers (booleans as 0/1), shown as text: yes / no and categories too.
  helper.accessor('value', {
    meta: { label: 'scoreValue', sort: 'number' },
    cell: ({ row, table }) => {
      const { format, labels } = table.options.meta!;
      return <bdi>{scoreText(row.original, labels, format)}</bdi>;
    },
  }),
  helper.display({ id: 'source', meta: { label: 'scoreSource' }, cell: ({ row, table }) => table.options.meta!.labels[`source${row.original.source}`] }),
  helper.display({ id: 'comment', meta: { label: 'scoreComment' }, cell: ({ row }) => <bdi>{row.original.comment ?? ''}</bdi> }),
  helper.display({
    id: 'trace',
    meta: { label: 'scoreTrace' },
    cell: ({ row, table }) => {
      const { getTraceHref, getSessionHref, labels } = table.options.meta!;
      const { traceId, sessionId } = row.original;
      if (traceId !== null) return <LinkedText href={getTraceHref?.(traceId)}>{traceId}</LinkedText>;
      // A session-level score: it counts for every user with a trace of the session.
      return sessionId === null ? null : (
        <>
          {labels.sessionId}{' '}
          <LinkedText href={getSessionHref?.(sessionId)}>{sessionId}</LinkedText>
        </>
      );
    },
  }),
]);
