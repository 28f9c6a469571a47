'use client';
import { useSyncExternalStore } from 'react';
import type { LoadProgress, LoadState } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';

const NOT_LOADING: LoadState = { subscribe: () => () => {}, getSnapshot: () => null };

/**
 * How far the provider's client has got loading its data (`client.loading`, as on
 * `createLoadingMemoryClient`): `{ phase, done, total }`, or `null` once loaded and for a client
 * that does not load. Renders again as it moves on.
 *
 * @example
 * const progress = useLoadProgress();
 * if (progress) return <progress value={progress.done} max={progress.total} />;
 */
export function useLoadProgress(): LoadProgress | null {
  const loading = useUserTrackingContext('useLoadProgress').client.loading ?? NOT_LOADING;
  return useSyncExternalStore(loading.subscribe, loading.getSnapshot, loading.getSnapshot);
}
