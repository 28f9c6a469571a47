// Every piece of the views' state lives in the query string, so back/forward, reload and a
// shared link all restore the view. Values read from a URL are checked: a hand-edited link
// falls back to the defaults instead of breaking the page.
import { LEVELS, RANGE_PRESET_IDS, type ClientCapabilities, type ObservationLevel, type RangeValue, type SortSpec, type TraceFilters, type UserSortField } from 'userlens/core';
import type { ActivityMetric, UserDetailTab, UserDetailTracesFilter } from 'userlens';

const PRESETS = new Set<string>(RANGE_PRESET_IDS);
const SORT_FIELD = /^(userId|firstEvent|lastEvent|traceCount|observationCount|sessionCount|inputTokens|outputTokens|totalTokens|totalCost|errorCount|errorRate|latencyP50|latencyP95|score:.+)$/;

export function readRange(params: URLSearchParams): RangeValue {
  const preset = params.get('range');
  if (preset === 'custom') return { preset: 'custom', ...(params.get('from') && { from: params.get('from')! }), ...(params.get('to') && { to: params.get('to')! }) };
  return preset && PRESETS.has(preset) ? ({ preset } as RangeValue) : { preset: '30d' };
}

export function writeRange(params: URLSearchParams, range: RangeValue): void {
  params.set('range', range.preset);
  params.delete('from');
  params.delete('to');
  if (range.preset === 'custom') {
    if (range.from) params.set('from', range.from);
    if (range.to) params.set('to', range.to);
  }
}

export function readSort<Field extends string>(params: URLSearchParams, key: string, valid: RegExp, fallback: SortSpec<Field>): SortSpec<Field> {
  const [field, direction] = (params.get(key) ?? '').split(/\.(?=(?:asc|desc)$)/);
  return field && valid.test(field) && (direction === 'asc' || direction === 'desc') ? { field: field as Field, direction } : fallback;
}

export const writeSort = (params: URLSearchParams, key: string, sort: SortSpec<string>) => params.set(key, `${sort.field}.${sort.direction}`);

/** The list's sort, if the source can sort that way: a ranked source (Langfuse's top 1,000) sorts descending only. */
export function readUserSort(params: URLSearchParams, capabilities: ClientCapabilities): SortSpec<UserSortField> {
  const sort = readSort<UserSortField>(params, 'sort', SORT_FIELD, { field: 'totalCost', direction: 'desc' });
  const sortable = capabilities.sortableFields.includes(sort.field) || (capabilities.scoreFigures === true && sort.field.startsWith('score:'));
  if (!sortable) return { field: capabilities.sortableFields.includes('totalCost') ? 'totalCost' : capabilities.sortableFields[0]!, direction: 'desc' };
  return capabilities.pagination.kind === 'top-n' ? { ...sort, direction: 'desc' } : sort;
}

export function readPage(params: URLSearchParams, key = 'page'): number {
  const page = Number(params.get(key));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

export function readPageSize(params: URLSearchParams): number {
  const size = Number(params.get('size'));
  return [10, 25, 50, 100].includes(size) ? size : 50;
}

export function readFilters(params: URLSearchParams): TraceFilters {
  const environments = params.getAll('env');
  const tags = params.getAll('tag');
  const releases = params.getAll('release');
  return { ...(environments.length && { environments }), ...(tags.length && { tags }), ...(releases.length && { releases }) };
}

export function writeFilters(params: URLSearchParams, filters: TraceFilters): void {
  for (const [key, values] of [
    ['env', filters.environments],
    ['tag', filters.tags],
    ['release', filters.releases],
  ] as const) {
    params.delete(key);
    for (const value of values ?? []) params.append(key, value);
  }
}

/** The traces tab's own filter: its search, levels and tag. */
export function readTracesFilter(params: URLSearchParams): UserDetailTracesFilter {
  const levels = params.getAll('tlevel').filter((level): level is ObservationLevel => (LEVELS as readonly string[]).includes(level));
  const tags = params.getAll('ttag');
  const search = params.get('tq');
  return { ...(search && { search }), ...(levels.length && { levels }), ...(tags.length && { tags }) };
}

export function writeTracesFilter(params: URLSearchParams, filter: UserDetailTracesFilter): void {
  params.delete('tlevel');
  params.delete('ttag');
  if (filter.search) params.set('tq', filter.search);
  else params.delete('tq');
  for (const level of filter.levels ?? []) params.append('tlevel', level);
  for (const tag of filter.tags ?? []) params.append('ttag', tag);
}

export function readMetric(params: URLSearchParams): ActivityMetric {
  const metric = params.get('metric');
  return metric === 'totalTokens' || metric === 'totalCost' || metric === 'errorCount' ? metric : 'traceCount';
}

export function readTab(params: URLSearchParams): UserDetailTab {
  const tab = params.get('tab');
  return tab === 'sessions' || tab === 'scores' ? tab : 'traces';
}

/** The range and filters a user's page carries over from the list. */
export function carriedQuery(range: RangeValue, filters: TraceFilters): string {
  const params = new URLSearchParams();
  writeRange(params, range);
  writeFilters(params, filters);
  return params.toString();
}
