import type { DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { UserlensError } from '../errors.js';
import type { ExportWorker, LangfuseExportFile, LangfuseExportOptions, LoadedLangfuseExport } from './loadLangfuseExport.js';
import { refuseFailed } from './textChunks.js';
import type { WorkerMessage, WorkerRequest } from './workerProtocol.js';

/**
 * The package's export worker. Written in exactly this form so that bundlers (Vite, webpack 5,
 * Rspack, Parcel) find the worker's module, emit it as a chunk of its own and point the URL at
 * it; unbundled, the browser loads `exportWorker.js` beside this module.
 */
export const packagedWorker = () => new Worker(new URL('./exportWorker.js', import.meta.url), { type: 'module', name: 'userlens export' });

/**
 * Reads `files` in a worker made by `makeWorker`: the page's main thread only receives progress
 * and the records, in batches, each a short task. If the worker cannot start (a bundler that did
 * not emit it, a content security policy without `worker-src`) before it has taken a stream,
 * the files are read on the page by `here` instead; a stream it has taken cannot be read again,
 * so that load fails with an error that says what to do.
 */
export function loadInWorker(
  files: LangfuseExportFile[],
  options: LangfuseExportOptions,
  makeWorker: () => ExportWorker,
  here: () => Promise<LoadedLangfuseExport>,
): Promise<LoadedLangfuseExport> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const transfer: Transferable[] = [];
  const sent = files.map(({ name, body }) => {
    if (typeof Response !== 'undefined' && body instanceof Response) {
      refuseFailed(body);
      body = body.body ?? '';
    }
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) transfer.push(body);
    return { name, body };
  });
  let worker: ExportWorker;
  try {
    worker = makeWorker();
  } catch {
    return here();
  }
  return new Promise<LoadedLangfuseExport>((resolve, reject) => {
    const dataset = { traces: [] as DatasetTrace[], observations: [] as DatasetObservation[], scores: [] as DatasetScore[] };
    let started = false;
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      end();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.addEventListener('message', ({ data }: MessageEvent<WorkerMessage>) => {
      switch (data.type) {
        case 'started':
          started = true;
          break;
        case 'progress':
          onProgress?.(data.progress);
          break;
        case 'records':
          // Pushed in place: the batches are a few thousand records each, well within a call's arguments.
          if (data.traces) dataset.traces.push(...data.traces);
          if (data.observations) dataset.observations.push(...data.observations);
          if (data.scores) dataset.scores.push(...data.scores);
          break;
        case 'done':
          end();
          resolve({ dataset, ...data.result });
          break;
        case 'error': {
          end();
          const { message, code, where, field, status } = data.error;
          reject(code ? new UserlensError(code, message, { where, field, status }) : new Error(message));
        }
      }
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      event.preventDefault();
      end();
      if (!started && transfer.length === 0) here().then(resolve, reject);
      else {
        reject(
          new UserlensError('unsupported', `The export's worker failed${started ? '' : ' to start'}${event.message ? `: ${event.message}` : ''}. Pass worker: false to read the export on the page, or worker: () => new Worker(url) with the URL your bundler gives userlens/dist/client/export/exportWorker.js.`),
        );
      }
    });
    const request: WorkerRequest = { files: sent as LangfuseExportFile[], invalidRows: options.invalidRows };
    try {
      worker.postMessage(request, transfer);
    } catch {
      // A browser that cannot hand a stream to a worker: nothing was sent, so read it here.
      end();
      here().then(resolve, reject);
    }
  });
}
