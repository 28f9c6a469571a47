'use client';
import { useCallback } from 'react';
import { exportUser, type ExportUserOptions, type ExportUserQuery } from '../client/exportUser.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { useExportTask, type ExportUsersState } from './useExportTask.js';

export interface StartUserExportOptions extends Pick<ExportUserOptions, 'format' | 'kinds'> {
  /** @defaultValue `user-<id>-<kind>.csv` or `user-<id>.json` */
  fileName?: string;
  /** Receives the finished document instead of a download (e.g. to attach it to a ticket). */
  onExport?: (text: string, fileName: string) => void;
}

export interface UseExportUserResult {
  state: ExportUsersState;
  /** Exports the user's records; cancels an export still running. */
  start: (query: ExportUserQuery, options: StartUserExportOptions) => void;
  /** Stops the running export and returns to `idle`. */
  cancel: () => void;
}

/**
 * Exports one user's traces, sessions or scores (CSV) or all three (JSON) over a range (see
 * `exportUser`), with progress and cancel, then downloads the file or hands it to `onExport`.
 *
 * @example
 * const { start } = useExportUser();
 * start({ userId, range }, { format: 'json' });
 */
export function useExportUser(): UseExportUserResult {
  const { client } = useUserTrackingContext('useExportUser');
  const { state, run, cancel } = useExportTask();
  const start = useCallback(
    (query: ExportUserQuery, { format, kinds, fileName, onExport }: StartUserExportOptions) => {
      // A file name from the id alone: characters a file system refuses become "_".
      const base = `user-${query.userId.replace(/[^\w.@-]+/g, '_').slice(0, 80)}`;
      const name = fileName ?? (format === 'json' ? `${base}.json` : `${base}-${kinds?.[0] ?? 'traces'}.csv`);
      run((signal, onProgress) => exportUser(client, query, { format, ...(kinds && { kinds }), signal, onProgress }), {
        fileName: name,
        type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8',
        onExport,
      });
    },
    [client, run],
  );
  return { state, start, cancel };
}
