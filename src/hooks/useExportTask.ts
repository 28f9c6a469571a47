'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '../client/exportUsers.js';

export type ExportUsersState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number | null }
  | { status: 'done'; count: number; latestTraces?: number }
  | { status: 'failed'; error: Error };

/** What an export writes: the document, the file it downloads as, and who receives it instead. */
export interface ExportTarget {
  fileName: string;
  /** MIME type of the download. */
  type: string;
  /** Receives the finished document instead of a download (e.g. to upload it). */
  onExport?: ((text: string, fileName: string) => void) | undefined;
}

/**
 * Runs one export at a time with progress and cancel, then downloads the document or hands it
 * to `onExport`: the state machine behind `useExportUsers` and `useExportUser`. A new run
 * cancels the one before; unmounting aborts.
 */
export function useExportTask() {
  const [state, setState] = useState<ExportUsersState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  const run = useCallback((task: (signal: AbortSignal, onProgress: (progress: ExportProgress) => void) => Promise<string>, target: ExportTarget) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', done: 0, total: null });
    let last: ExportProgress = { done: 0, total: null };
    void (async () => {
      try {
        const text = await task(abort.signal, (progress) => {
          last = progress;
          setState({ status: 'running', done: progress.done, total: progress.total });
        });
        if (target.onExport) target.onExport(text, target.fileName);
        else download(text, target);
        setState({ status: 'done', count: last.done, ...(last.latestTraces === undefined ? {} : { latestTraces: last.latestTraces }) });
      } catch (error) {
        // Cancelled, replaced or unmounted: whoever aborted has already moved the state on.
        if (!abort.signal.aborted) setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    })();
  }, []);

  return { state, run, cancel };
}

function download(text: string, { fileName, type }: ExportTarget) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
