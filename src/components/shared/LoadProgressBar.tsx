'use client';
import { formatLabel } from '../../i18n/en-US.js';
import { loadProgressEnUS } from '../../i18n/loadProgress.js';
import { useLoadProgress } from '../../hooks/useLoadProgress.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/**
 * The client's load as a determinate bar, named by its text ("Indexing 420,000 of 1,000,000
 * records"); nothing once it has loaded. A native `<progress>`: the browser draws it in the
 * page's accent colour, so it needs no stylesheet rules.
 *
 * @selector [data-part="load-progress"]
 */
export default function LoadProgressBar() {
  const progress = useLoadProgress();
  const { format, labels } = useUserTrackingContext('LoadProgress');
  if (!progress) return null;
  const { done, total } = progress;
  return (
    <label data-part="load-progress">
      {formatLabel({ ...loadProgressEnUS, ...labels }.loadProgress, { done: format.number(done), total: format.number(total) })}{' '}
      <progress value={done} max={total} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} />
    </label>
  );
}
