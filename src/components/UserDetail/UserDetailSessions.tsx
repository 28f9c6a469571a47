'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { SessionRow } from '../../client/types.js';
import { HistoryTable } from './HistoryTable.js';
import { SESSION_COLUMNS } from './sessionColumns.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailSessions
 * -----------------------------------------------------------------------------------------*/

const SESSIONS_NAME = 'UserDetailSessions';

export type UserDetailSessionsProps = ComponentPropsWithoutRef<'div'>;

/**
 * The user's sessions in the range, a page at a time: id (linked to the host's session viewer),
 * first and last activity, duration, traces, tokens and cost. Headers sort (the sort and page are
 * the root's `sessionsTable`); the rows are asked for while the sessions tab is open.
 *
 * @example
 * <UserDetailRoot userId={id} defaultTab="sessions"><UserDetailSessions /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-sessions"] [data-stale]
 */
export const UserDetailSessions = forwardRef<HTMLDivElement, UserDetailSessionsProps>((props, ref) => {
  const { format, labels } = useUserDetailTexts(SESSIONS_NAME);
  const { sessions, sessionsTable, setSessionsTable, pageSize, getTraceHref, getSessionHref } = useUserDetailContext(SESSIONS_NAME);
  return (
    <div data-part="user-detail-sessions" data-stale={sessions.isPlaceholderData ? '' : undefined} {...props} ref={ref}>
      <HistoryTable
        result={sessions}
        columns={SESSION_COLUMNS}
        state={sessionsTable}
        onStateChange={setSessionsTable}
        pageSize={pageSize}
        getRowId={sessionId}
        meta={{ labels, format, getTraceHref, getSessionHref }}
        subject={labels.subjectSessions}
        empty={labels.noSessions}
      />
    </div>
  );
});
UserDetailSessions.displayName = SESSIONS_NAME;

const sessionId = (session: SessionRow) => session.sessionId;
