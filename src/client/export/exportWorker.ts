/**
 * The export worker: reads the files it is sent with `loadLangfuseExport` off the page's main
 * thread, reports progress, then sends the records back in batches (see `workerProtocol.ts`).
 * One load per worker; the page ends the worker when it has the result or gives up.
 */
import { isUserlensError } from '../errors.js';
import { loadLangfuseExport } from './loadLangfuseExport.js';
import { BATCH, type WorkerMessage, type WorkerRequest } from './workerProtocol.js';

const post = (message: WorkerMessage) => (self as unknown as { postMessage(message: WorkerMessage): void }).postMessage(message);

self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  post({ type: 'started' });
  try {
    const { dataset, ...result } = await loadLangfuseExport(data.files, {
      worker: false,
      invalidRows: data.invalidRows,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    for (const table of ['traces', 'observations', 'scores'] as const) {
      const records = dataset[table] as unknown[];
      for (let from = 0; from < records.length; from += BATCH) post({ type: 'records', [table]: records.slice(from, from + BATCH) });
      // Sent: this worker's copy is no longer needed.
      records.length = 0;
    }
    post({ type: 'done', result });
  } catch (error) {
    // Errors do not cross to the page as themselves: a UserlensError goes as its fields, to be made again there.
    post({
      type: 'error',
      error: isUserlensError(error)
        ? { message: error.message, code: error.code, where: error.where, field: error.field, status: error.status }
        : { message: error instanceof Error ? error.message : String(error) },
    });
  }
};
