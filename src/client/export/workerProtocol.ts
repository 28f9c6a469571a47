import type { DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import type { UserlensErrorCode } from '../errors.js';
import type { LangfuseExportFile, LangfuseExportProgress, LoadedLangfuseExport } from './loadLangfuseExport.js';

/** What the page sends the export worker: the files (bodies a worker can take) and how to treat a malformed row. */
export interface WorkerRequest {
  files: LangfuseExportFile[];
  invalidRows: 'stop' | 'skip' | undefined;
}

/** What the worker answers, in order: progress as it reads, the records in batches, then the rest of the result, or an error. */
export type WorkerMessage =
  | { type: 'started' }
  | { type: 'progress'; progress: LangfuseExportProgress }
  | { type: 'records'; traces?: DatasetTrace[]; observations?: DatasetObservation[]; scores?: DatasetScore[] }
  | { type: 'done'; result: Omit<LoadedLangfuseExport, 'dataset'> }
  | { type: 'error'; error: { message: string; code?: UserlensErrorCode; where?: string; field?: string; status?: number } };

/**
 * Records per message. The page decodes each message in a task of its own: a few thousand
 * records decode in a few ms, so the page stays responsive while a million arrive.
 */
export const BATCH = 2048;
