'use client';
import { forwardRef, useEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import { messageForPeople } from '../../client/errors.js';
import type { ExportColumn } from '../../client/exportUsers.js';
import { useExportUsers } from '../../hooks/useExportUsers.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { columnAvailable, columnText, listColumns } from './columns.js';
import { useUserListContext } from './UserListRoot.js';
import { pluralText } from '../../i18n/plural.js';

/* -------------------------------------------------------------------------------------------
 * UserListExport
 * -----------------------------------------------------------------------------------------*/

const EXPORT_NAME = 'UserListExport';

type UserListExportElement = HTMLSpanElement;

export interface UserListExportProps extends ComponentPropsWithoutRef<'span'> {
  /** @defaultValue 'users.csv' */
  fileName?: string;
  /** Receives the finished CSV instead of a download (e.g. to upload it). */
  onExport?: (csv: string, fileName: string) => void;
}

/**
 * Exports every row of the current query — all pages, the visible columns in order, raw values,
 * with the provider's `getUserProfiles` the person's name and email after the id — as CSV (RFC 4180, UTF-8 with BOM, formula-guarded), with progress and cancel.
 *
 * @selector [data-part="user-list-export"] [data-state="idle|running|done|failed"]
 */
export const UserListExport = forwardRef<UserListExportElement, UserListExportProps>(
  ({ fileName, onExport, ...props }, ref) => {
    const { client, format, labels, lang, getUserProfiles, profileFields } = useUserTrackingContext(EXPORT_NAME);
    const { query, columns } = useUserListContext(EXPORT_NAME);
    const { state, start, cancel } = useExportUsers();
    const button = useRef<HTMLButtonElement>(null);
    // Export and Cancel swap places: keep keyboard focus on whichever is shown.
    const running = state.status === 'running';
    const hadFocus = useRef(false);
    useEffect(() => {
      // Only where focus fell with the swapped button (to the body): a reader who moved on keeps their place.
      const active = document.activeElement;
      if (hadFocus.current && (active === null || active === document.body)) button.current?.focus();
    }, [running]);

    function run() {
      // The visible columns the source can fill, in order; some give more than one CSV column.
      // With the host's profiles, the person's name and email follow the id.
      const specs = listColumns(profileFields);
      const csvColumns: ExportColumn[] = columns
        .flatMap((id) => specs.filter((column) => column.id === id && columnAvailable(column, client.capabilities)))
        .flatMap((column) => column.csv.filter((field) => getUserProfiles || !field.needsProfiles))
        .map((field) => ({ header: columnText(field, labels), value: field.value }));
      start(query, { columns: csvColumns, fileName, onExport });
    }

    return (
      <span data-part="user-list-export" data-state={state.status} {...props} ref={ref}>
        {state.status === 'running' ? (
          <>
            <progress value={state.total ? state.done : undefined} max={state.total ?? undefined} aria-label={labels.exportLabel} />
            <button
              type="button"
              data-part="button"
              ref={button}
              onClick={() => {
                hadFocus.current = true;
                cancel();
              }}
            >
              {labels.exportCancel}
            </button>
          </>
        ) : (
          <button
            type="button"
            data-part="button"
            ref={button}
            onClick={(event) => {
              hadFocus.current = event.currentTarget === document.activeElement;
              run();
            }}
          >
            {labels.exportLabel}
          </button>
        )}
        <span role="status" data-part="user-list-export-status">
          {state.status === 'running' &&
            formatLabel(labels.exportProgress, { done: format.number(state.done), total: state.total === null ? '…' : format.number(state.total) })}
          {state.status === 'done' && formatLabel(pluralText(labels, 'exportDone', state.count, lang ?? format.locale), { count: format.number(state.count) })}
          {state.status === 'failed' && formatLabel(labels.exportFailed, { message: messageForPeople(state.error) })}
        </span>
      </span>
    );
  },
);
UserListExport.displayName = 'UserListExport';
