import { Skeleton } from '../Status/Status.js';

/** Stands in for a chart while its module loads: the part's name and a bar of its height. */
export function ChartFallback({ part }: { part: string }) {
  return (
    <div data-part={part} aria-busy="true">
      <Skeleton width="100%" style={{ height: 120 }} />
    </div>
  );
}
