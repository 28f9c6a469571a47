import type { TraceFilters } from './types.js';

/** Whether the filters narrow anything: an empty list or object is no filter (and no query key of its own). */
export function hasTraceFilters(filters: TraceFilters | undefined): filters is TraceFilters {
  return !!filters && filterCount(filters) > 0;
}

/** How many conditions the filters hold: each environment, tag, release and metadata key. */
export function filterCount({ environments, tags, releases, metadata }: TraceFilters): number {
  return (environments?.length ?? 0) + (tags?.length ?? 0) + (releases?.length ?? 0) + Object.keys(metadata ?? {}).length;
}
