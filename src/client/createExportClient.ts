import type { LangfuseExportOptions, LangfuseExportSource, LoadedLangfuseExport } from './export/loadLangfuseExport.js';
import { loadLangfuseExport } from './loadLangfuseExport.js';
import { loadingMemoryClient, type LoadingMemoryClient } from './memory/createLoadingMemoryClient.js';
import type { LoadMemoryClientOptions } from './memory/loadMemoryClient.js';

export interface ExportClientOptions extends Omit<LangfuseExportOptions, 'onProgress'>, LoadMemoryClientOptions {}

/** What reading an export found, less its records (which the client holds): its files, rows left out and why, records given twice, files set aside. */
export type ExportReadSummary = Omit<LoadedLangfuseExport, 'dataset'>;

export interface ExportClient extends LoadingMemoryClient {
  /** What reading the export found, once it is read; rejects as `loadLangfuseExport` does. */
  readonly read: Promise<ExportReadSummary>;
}

/**
 * A memory client over a Langfuse export, to hand to `UserTrackingProvider` at once: the files
 * are read by `loadLangfuseExport` (in a Web Worker, in browsers) and indexed as
 * `createLoadingMemoryClient` does, while the views show the progress, first the bytes and rows
 * read (phase `reading`), then the indexing. Its methods answer once the index is built, and
 * fail as the load does (a malformed row, with `invalidRows: 'stop'`).
 *
 * @example
 * const client = createExportClient([...input.files], { invalidRows: 'skip' });
 * <UserTrackingProvider client={client}><UserList /></UserTrackingProvider>
 * const { skipped, errors } = await client.read;
 */
export function createExportClient(source: LangfuseExportSource, options: ExportClientOptions = {}): ExportClient {
  const { onProgress: _told, ...read } = options;
  let summary!: Promise<ExportReadSummary>;
  const client = loadingMemoryClient(
    { phase: 'reading', done: 0, total: 0, rows: 0, skipped: 0 },
    (report) => {
      const loaded = loadLangfuseExport(source, {
        ...read,
        onProgress: ({ bytes, totalBytes, rows, skipped }) => report({ phase: 'reading', done: bytes, total: totalBytes ?? 0, rows, skipped }),
      });
      summary = loaded.then(({ dataset: _records, ...rest }) => rest);
      summary.catch(() => {});
      return loaded.then(({ dataset }) => import('./memory/runInSlices.js').then(({ loadIndex }) => loadIndex(dataset, { signal: options.signal, onProgress: report })));
    },
    options,
    'createExportClient',
  );
  return { ...client, read: summary };
}
