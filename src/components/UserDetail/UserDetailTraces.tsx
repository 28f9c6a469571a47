'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { TraceRow } from '../../client/types.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { HistoryTable } from './HistoryTable.js';
import { TRACE_COLUMNS } from './traceColumns.js';
import { useUserDetailContext } from './UserDetailRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailTraces
 * -----------------------------------------------------------------------------------------*/

const TRACES_NAME = 'UserDetailTraces';

export type UserDetailTracesProps = ComponentPropsWithoutRef<'div'>;

/**
 * The user's traces in the range, a page at a time: time, name (linked to the host's trace
 * viewer), input and output as text, level, latency, tokens, cost, tags and scores. Headers sort
 * (the sort and page are the root's `tracesTable`); the rows are asked for while the traces tab
 * is open.
 *
 * @example
 * <UserDetailRoot userId={id} getTraceHref={(t) => `/traces/${t}`}><UserDetailTraces /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-traces"] [data-stale]
 */
export const UserDetailTraces = forwardRef<HTMLDivElement, UserDetailTracesProps>((props, ref) => {
  const { format, labels } = useUserTrackingContext(TRACES_NAME);
  const { traces, tracesTable, setTracesTable, pageSize, getTraceHref, getSessionHref } = useUserDetailContext(TRACES_NAME);
  return (
    <div data-part="user-detail-traces" data-stale={traces.isPlaceholderData ? '' : undefined} {...props} ref={ref}>
      <HistoryTable
        result={traces}
        columns={TRACE_COLUMNS}
        state={tracesTable}
        onStateChange={setTracesTable}
        pageSize={pageSize}
        getRowId={traceId}
        meta={{ labels, format, getTraceHref, getSessionHref }}
        subject={labels.subjectTraces}
        empty={labels.noTraces}
      />
    </div>
  );
});
UserDetailTraces.displayName = TRACES_NAME;

const traceId = (trace: TraceRow) => trace.id;
