'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { exportUsers, type ExportColumn } from '../client/exportUsers.js';
import type { UsersQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';

export type ExportUsersState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number | null }
  | { status: 'done'; count: number }
  | { status: 'failed'; error: Error };

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
  const [state, setState] = useState<ExportUsersState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  const start = useCallback(
    (query: UsersQuery, { columns, fileName = 'users.csv', onExport }: StartExportOptions) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'running', done: 0, total: null });
      let count = 0;
      void (async () => {
        try {
          const csv = await exportUsers(client, query, {
            columns,
            signal: abort.signal,
            ...(getUserProfiles && { profiles: getUserProfiles }),
            onProgress: ({ done, total }) => {
              count = done;
              setState({ status: 'running', done, total });
            },
          });
          if (onExport) onExport(csv, fileName);
          else download(csv, fileName);
          setState({ status: 'done', count });
        } catch (error) {
          // Cancelled, replaced or unmounted: whoever aborted has already moved the state on.
          if (!abort.signal.aborted) setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
        } finally {
          if (controller.current === abort) controller.current = null;
        }
      })();
    },
    [client, getUserProfiles],
  );

  return { state, start, cancel };
}

function download(csv: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
