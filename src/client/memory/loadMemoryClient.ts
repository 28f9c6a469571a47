import type { Dataset } from '../dataset.js';
import type { LoadProgress } from '../types.js';
import type { MemoryClient, MemoryClientOptions } from './createMemoryClient.js';

export interface LoadMemoryClientOptions extends MemoryClientOptions {
  /** Called as the build goes on (after each slice, and once at the end with `done === total`). */
  onProgress?: (progress: LoadProgress) => void;
  /** Stops the build: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * `createMemoryClient` without blocking the page: the same validation and index (so the same
 * answers and errors), built in slices of a few ms with the event loop running between them, so
 * no task holds a browser's main thread for long, even on a million observations. The code that
 * slices the build loads on the first call.
 *
 * @example
 * const client = await loadMemoryClient(dataset, { onProgress: ({ done, total }) => show(done / total) });
 */
export async function loadMemoryClient(dataset: Dataset, options: LoadMemoryClientOptions = {}): Promise<MemoryClient> {
  const { loadClient } = await import('./runInSlices.js');
  return loadClient(dataset, options, 'loadMemoryClient');
}
