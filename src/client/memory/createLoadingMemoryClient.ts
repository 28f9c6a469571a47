import type { Dataset } from '../dataset.js';
import type { LoadProgress, LoadState, UserTrackingClient } from '../types.js';
import type { MemoryIndex } from './buildIndex.js';
import { memoryClient, memoryMethods, memoryOptions, type MemoryClient, type MemoryClientOptions } from './createMemoryClient.js';
import type { LoadMemoryClientOptions } from './loadMemoryClient.js';

/** A memory client usable at once: its methods wait for the index, whose progress `loading` tells. */
export interface LoadingMemoryClient extends UserTrackingClient {
  readonly loading: LoadState;
  /** The client once the index is built; rejects as `loadMemoryClient` does. */
  readonly ready: Promise<MemoryClient>;
}

/**
 * A memory client to hand to `UserTrackingProvider` right away: it builds its index as
 * `loadMemoryClient` does, its methods answer once it is built, and the views show the build's
 * progress (from `loading`) in place of their first rows.
 *
 * @example
 * const client = createLoadingMemoryClient(await fetch('/export.json').then((r) => r.json()));
 * <UserTrackingProvider client={client}><UserList /></UserTrackingProvider>
 */
export function createLoadingMemoryClient(dataset: Dataset, options: LoadMemoryClientOptions = {}): LoadingMemoryClient {
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  // Known before the first slice, so the views show the bar from their first render.
  const first: LoadProgress = { phase: 'traces', done: 0, total: count(dataset?.traces) + count(dataset?.observations) + count(dataset?.scores) };
  return loadingMemoryClient(first, (report) => import('./runInSlices.js').then(({ loadIndex }) => loadIndex(dataset, { ...options, onProgress: report })), options, 'createLoadingMemoryClient');
}

/**
 * A memory client over the index `load` builds, telling `load`'s reports through `loading` (and
 * to `options.onProgress`) until it is built or has failed. Options are checked as `caller`'s.
 */
export function loadingMemoryClient(
  first: LoadProgress,
  load: (report: (progress: LoadProgress) => void) => Promise<MemoryIndex>,
  options: MemoryClientOptions & Pick<LoadMemoryClientOptions, 'onProgress'>,
  caller: string,
): LoadingMemoryClient {
  const checked = memoryOptions(options, caller);
  const listeners = new Set<() => void>();
  let snapshot: LoadProgress | null = first;
  const report = (progress: LoadProgress | null) => {
    snapshot = progress;
    for (const listener of listeners) listener();
  };
  const index = load((progress) => {
    report(progress);
    options.onProgress?.(progress);
  });
  const ready = index.then((built) => memoryClient(built, checked));
  // A failed build fails each call (and `ready`); nothing else need wait for it.
  index.then(
    () => report(null),
    () => report(null),
  );
  ready.catch(() => {});
  return {
    ...memoryMethods(index, checked),
    loading: {
      subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      getSnapshot: () => snapshot,
    },
    ready,
  };
}
