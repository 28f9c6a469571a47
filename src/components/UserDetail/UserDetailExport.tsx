'use client';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import type { UserExportKind } from '../../client/exportUser.js';
import { messageForPeople } from '../../client/errors.js';
import { useExportUser, type StartUserExportOptions } from '../../hooks/useExportUser.js';
import { formatLabel } from '../../i18n/en-US.js';
import { userExportEnUS } from '../../i18n/userExport.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { pluralText } from '../../i18n/plural.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailExport
 * -----------------------------------------------------------------------------------------*/

const EXPORT_NAME = 'UserDetailExport';
const CHOICES = ['traces', 'sessions', 'scores', 'all'] as const;
type Choice = (typeof CHOICES)[number];
const CHOICE_LABEL = { traces: 'userExportTraces', sessions: 'userExportSessions', scores: 'userExportScores', all: 'userExportAll' } as const;

export interface UserDetailExportProps extends ComponentPropsWithoutRef<'span'> {
  /** Receives the finished document instead of a download (e.g. to attach it to a ticket). */
  onExport?: StartUserExportOptions['onExport'];
}

/**
 * "Export this user": their traces, sessions or scores for the page's range and filters as CSV,
 * or all three as JSON — every page, with progress and cancel, formula-guarded like the list's
 * export. The header shows it beside the range.
 *
 * @selector [data-part="user-detail-export"] [data-state="idle|running|done|failed"]
 */
export const UserDetailExport = forwardRef<HTMLSpanElement, UserDetailExportProps>(({ onExport, ...props }, ref) => {
  const { format, labels, lang } = useUserDetailTexts(EXPORT_NAME);
  const { userId, queryRange, queryFilters } = useUserDetailContext(EXPORT_NAME);
  const { state, start, cancel } = useExportUser();
  const [choice, setChoice] = useState<Choice>('all');
  const id = useId();
  // The host's overrides first, then this part's English.
  const text = { ...userExportEnUS, ...labels };
  function run() {
    start(
      { userId, ...(Object.keys(queryRange).length ? { range: queryRange } : {}), ...(queryFilters ? { filters: queryFilters } : {}) },
      choice === 'all' ? { format: 'json', onExport } : { format: 'csv', kinds: [choice as UserExportKind], onExport },
    );
  }
  return (
    <span data-part="user-detail-export" data-state={state.status} {...props} ref={ref}>
      <label htmlFor={`${id}-what`} data-part="label">
        {text.userExportLabel}
      </label>
      <select id={`${id}-what`} value={choice} onChange={(event) => setChoice(event.target.value as Choice)} disabled={state.status === 'running'}>
        {CHOICES.map((value) => (
          <option key={value} value={value}>
            {text[CHOICE_LABEL[value]]}
          </option>
        ))}
      </select>
      {state.status === 'running' ? (
        <button type="button" data-part="button" onClick={cancel}>
          {text.userExportCancel}
        </button>
      ) : (
        <button type="button" data-part="button" onClick={run}>
          {text.userExportStart}
        </button>
      )}
      <span role="status" data-part="user-list-export-status">
        {state.status === 'running' && formatLabel(text.userExportProgress, { done: format.number(state.done) })}
        {state.status === 'done' && formatLabel(pluralText(text, 'userExportDone', state.count, lang ?? format.locale), { count: format.number(state.count) })}
        {state.status === 'done' && state.latestTraces !== undefined && ` (${formatLabel(text.userExportLatest, { count: format.number(state.latestTraces) })})`}
        {state.status === 'failed' && formatLabel(text.userExportFailed, { message: messageForPeople(state.error) })}
      </span>
    </span>
  );
});
UserDetailExport.displayName = EXPORT_NAME;
