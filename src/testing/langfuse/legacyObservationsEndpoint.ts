import type { FakeIndex } from './fakeIndex.js';
import { compileFilters, parseFilterList } from './filters.js';
import { observationColumns } from './observationColumns.js';
import { observationItem } from './observationItem.js';
import { candidates, conditionsFromParams } from './observationsEndpoint.js';
import { offsetPage, pageParams } from './offsetPage.js';

/**
 * GET /api/public/observations (Langfuse v3; gone in v4): the same filters as v2's individual
 * parameters (or a `filter` JSON), newest first, page-numbered, every field of an observation
 * with its calculated costs and latency in seconds.
 */

const ALL_GROUPS = new Set(['core', 'basic', 'time', 'io', 'metadata', 'model', 'usage', 'prompt', 'metrics'] as const);

export function getLegacyObservations(index: FakeIndex, url: URL) {
  const params = url.searchParams;
  // The spec sets no maximum for this endpoint's limit.
  const { page, limit } = pageParams(params, Infinity);
  const conditions = params.has('filter') && params.get('filter') !== '' ? parseFilterList(params.get('filter'), 'filter') : conditionsFromParams(params);
  const predicate = compileFilters(conditions, observationColumns(index), 'filter');
  const pool = candidates(index, conditions);
  const matching = pool ? [...pool].sort(index.compareObservations) : [...index.observationOrder()];
  const { items, meta } = offsetPage(predicate ? matching.filter(predicate) : matching, page, limit);
  return { data: items.map((i) => legacyItem(index, i)), meta };
}

function legacyItem(index: FakeIndex, i: number): Record<string, unknown> {
  const v2 = observationItem(index, i, ALL_GROUPS, new Set());
  const record = index.observations[i]!;
  const usage = (v2.usageDetails ?? {}) as Record<string, number>;
  const cost = (v2.costDetails ?? {}) as Record<string, number>;
  const sumWhere = (values: Record<string, number>, part: string) =>
    Object.entries(values).reduce((sum, [key, value]) => (key.toLowerCase().includes(part) ? sum + value : sum), 0);
  return {
    id: v2.id,
    traceId: v2.traceId,
    type: v2.type,
    name: v2.name,
    startTime: v2.startTime,
    endTime: v2.endTime,
    completionStartTime: v2.completionStartTime,
    model: v2.providedModelName,
    modelParameters: v2.modelParameters,
    input: record.input ?? null,
    version: v2.version,
    metadata: record.metadata ?? null,
    output: record.output ?? null,
    // Deprecated in the spec, still required in it.
    usage: { input: sumWhere(usage, 'input'), output: sumWhere(usage, 'output'), total: usage.total ?? sumWhere(usage, 'input') + sumWhere(usage, 'output'), unit: 'TOKENS' },
    level: v2.level,
    statusMessage: v2.statusMessage,
    parentObservationId: v2.parentObservationId,
    promptId: v2.promptId,
    usageDetails: usage,
    costDetails: cost,
    environment: v2.environment,
    promptName: v2.promptName,
    promptVersion: v2.promptVersion,
    modelId: v2.modelId,
    inputPrice: numberOrNull(v2.inputPrice),
    outputPrice: numberOrNull(v2.outputPrice),
    totalPrice: numberOrNull(v2.totalPrice),
    calculatedInputCost: sumWhere(cost, 'input'),
    calculatedOutputCost: sumWhere(cost, 'output'),
    calculatedTotalCost: index.obsTotalCost[i],
    latency: v2.latency,
    timeToFirstToken: v2.timeToFirstToken,
  };
}

/** v1 answers prices as numbers, v2 as decimal strings. */
function numberOrNull(value: unknown): number | null {
  return typeof value === 'string' && value !== '' ? Number(value) : typeof value === 'number' ? value : null;
}
