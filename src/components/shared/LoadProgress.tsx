'use client';
import { useEffect, useState, type ComponentType } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/** The bar, once its module has loaded (kept for every later view). */
let LoadedBar: ComponentType | undefined;
const loadBar = () => import('./LoadProgressBar.js').then((module) => (LoadedBar = module.default));

/**
 * Where the views show their client's load while it lasts (`client.loading`): a progress bar
 * whose code loads only for a client that loads, so the views' bundles carry none of it.
 *
 * Loaded by hand rather than with `lazy`: React holds a Suspense boundary's content back for
 * 300 ms after its fallback showed, so a load shorter than that never showed its bar, and a
 * longer one showed it late.
 */
export function LoadProgress() {
  const loading = useUserTrackingContext('LoadProgress').client.loading;
  const [Bar, setBar] = useState(() => LoadedBar);
  useEffect(() => {
    if (!loading || Bar) return;
    let current = true;
    // A chunk that fails to load leaves the skeleton rows alone to say the list is loading.
    loadBar().then(
      (loaded) => current && setBar(() => loaded),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [loading, Bar]);
  return loading && Bar ? <Bar /> : null;
}
