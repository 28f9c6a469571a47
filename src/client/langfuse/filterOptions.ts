import type { FilterOptions, UsersQuery } from '../types.js';
import type { LangfuseApi } from './langfuseApi.js';
import { TOP_N_LIMIT, type ApiGeneration } from './listUsers.js';
import { HAS_USER, METRICS_ENDPOINTS, metricLabel, metricsBounds } from './metricsRows.js';

/** Environments and tags present in the range: one grouped query each, in parallel. */
export async function getFilterOptions(api: LangfuseApi, generation: ApiGeneration, query: { range?: UsersQuery['range'] }, signal?: AbortSignal, now: () => number = Date.now): Promise<FilterOptions> {
  const bounds = metricsBounds(query.range, 'getFilterOptions', now());
  if (!bounds) return { environments: [], tags: [] };
  const metrics = generation === 'v4' ? api.metrics : api.legacy.metrics;
  const values = async (field: 'environment' | 'tags') => {
    const { data } = await metrics(
      {
        view: 'observations',
        dimensions: [{ field }],
        metrics: [{ measure: 'count', aggregation: 'count' }],
        filters: [HAS_USER],
        ...bounds,
        config: { row_limit: TOP_N_LIMIT },
      },
      signal,
    );
    const found = new Set<string>();
    data.forEach((row, i) => {
      const value = row[field];
      // A tags group may arrive as the tag or as the observation's whole tag array.
      if (Array.isArray(value)) value.forEach((tag) => typeof tag === 'string' && tag && found.add(tag));
      else {
        const label = metricLabel(row, field, i, METRICS_ENDPOINTS[generation]);
        if (label !== null) found.add(label);
      }
    });
    return [...found].sort();
  };
  const [environments, tags] = await Promise.all([values('environment'), values('tags')]);
  return { environments, tags };
}
