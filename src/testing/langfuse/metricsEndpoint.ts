import { aggregateMetrics } from './aggregateMetrics.js';
import type { FakeIndex } from './fakeIndex.js';
import { parseMetricsQuery } from './metricsQuery.js';
import type { MetricsApiVersion } from './metricsViews.js';

/** GET /api/public/v2/metrics (v2) and GET /api/public/metrics (v1): `{ data: rows }`. */
export function getMetrics(index: FakeIndex, url: URL, version: MetricsApiVersion): { data: Record<string, unknown>[] } {
  const query = parseMetricsQuery(index, url.searchParams.get('query'), version);
  return { data: aggregateMetrics(query) };
}
