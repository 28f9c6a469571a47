'use client';
import { lazy, Suspense } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

const LoadProgressBar = lazy(() => import('./LoadProgressBar.js'));

/**
 * Where the views show their client's load while it lasts (`client.loading`): a progress bar
 * whose code loads only for a client that loads, so the views' bundles carry none of it.
 */
export function LoadProgress() {
  return useUserTrackingContext('LoadProgress').client.loading ? (
    <Suspense fallback={null}>
      <LoadProgressBar />
    </Suspense>
  ) : null;
}
