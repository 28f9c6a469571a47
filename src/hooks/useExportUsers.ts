'use client';
import { useCallback } from 'react';
import type { ExportColumn } from '../client/exportUsers.js';
import type { UsersQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';

import { useExportTask, type ExportUsersState } from './useExportTask.js';

export type { ExportUsersState };

export interface StartExportOptions {
  /** The columns, in order. */
  columns: readonly ExportColumn[];
  /** @defaultValue 'users.csv' */
  fileName?: string;
  /** Receives the finished CSV instead of a download (e.g. to upload it). */
  onExport?: (csv: string, fileName: string) => void;
}

export interface UseExportUsersResult {
  state: ExportUsersState;
  /** Exports every row of `query`; cancels an export still running. */
  start: (query: UsersQuery, options: StartExportOptions) => void;
  /** Stops the running export and returns to `idle`. */
  cancel: () => void;
}

/**
 * Exports every row of a users query as CSV (see `exportUsers`), with progress and cancel, then
 * downloads it or hands it to `onExport`. Aborts when the component unmounts.
 *
 * @example
 * const { state, start, cancel } = useExportUsers();
 * start({ sort: { field: 'totalCost', direction: 'desc' } }, {
 *   columns: [{ header: 'User ID', value: (user) => user.userId }],
 *   fileName: 'top-users.csv',
 * });
 */
export function useExportUsers(): UseExportUsersResult {
  const { client, getUserProfiles } = useUserTrackingContext('useExportUsers');
  const { state, run, cancel } = useExportTask();
  const start = useCallback(
    (query: UsersQuery, { columns, fileName = 'users.csv', onExport }: StartExportOptions) =>
      run(
        // The export's code loads when an export starts: a list never exported never downloads it.
        async (signal, onProgress) =>
          (await import('../client/exportUsers.js')).exportUsers(client, query, { columns, signal, onProgress, ...(getUserProfiles && { profiles: getUserProfiles }) }),
        { fileName, type: 'text/csv;charset=utf-8', onExport },
      ),
    [client, getUserProfiles, run],
  );
  return { state, start, cancel };
}
