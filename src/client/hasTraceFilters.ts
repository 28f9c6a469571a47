import type { TraceFilters } from './types.js';

/** Whether the filters narrow anything: an empty list or object is no filter (and no query key of its own). */
export function hasTraceFilters(filters: TraceFilters | undefined): filters is TraceFilters {
  return !!(filters?.environments?.length || filters?.tags?.length || (filters?.metadata && Object.keys(filters.metadata).length));
}
