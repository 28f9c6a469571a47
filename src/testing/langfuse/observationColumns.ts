import type { FakeIndex } from './fakeIndex.js';
import type { Column } from './filters.js';

/**
 * Columns the `filter` parameter of GET /api/public/v2/observations can name. Performance
 * columns are in seconds here (the spec says so), unlike the metrics endpoint's milliseconds.
 */
export function observationColumns(index: FakeIndex): Record<string, Column> {
  const record = (i: number) => index.observations[i]!;
  const text = (get: (i: number) => unknown): Column => ({ kind: 'string', get: (i) => (typeof get(i) === 'string' ? get(i) : null) });
  const number = (get: (i: number) => number | null): Column => ({ kind: 'number', get });
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  const tags: Column = { kind: 'array', get: (i) => index.obsTags(i) };
  const model = text((i) => record(i).model);
  const totalTokens = number((i) => index.obsTotalTokens[i]!);
  return {
    id: text((i) => record(i).id),
    type: text((i) => index.obsType(i)),
    name: text((i) => record(i).name),
    traceId: text((i) => record(i).traceId),
    startTime: { kind: 'datetime', get: (i) => index.obsStart[i] },
    endTime: { kind: 'datetime', get: (i) => index.obsEnd[i] },
    environment: text((i) => index.obsEnvironment(i)),
    level: text((i) => index.obsLevel(i)),
    statusMessage: text((i) => record(i).statusMessage),
    version: text((i) => record(i).version),
    userId: text((i) => index.obsUserId(i)),
    sessionId: text((i) => index.obsSessionId(i)),
    parentObservationId: text((i) => record(i).parentObservationId),
    isRootObservation: { kind: 'boolean', get: (i) => index.obsIsRoot(i) },
    traceName: text((i) => index.obsTraceName(i)),
    traceTags: tags,
    tags,
    latency: number((i) => seconds(index.obsLatencyMs(i))),
    timeToFirstToken: number((i) => seconds(index.obsTimeToFirstTokenMs(i))),
    inputTokens: number((i) => index.obsInputTokens[i]!),
    outputTokens: number((i) => index.obsOutputTokens[i]!),
    totalTokens,
    tokens: totalTokens,
    inputCost: number((i) => index.obsInputCost[i]!),
    outputCost: number((i) => index.obsOutputCost[i]!),
    totalCost: number((i) => index.obsTotalCost[i]!),
    model,
    providedModelName: model,
    promptName: text((i) => record(i).promptName),
    promptVersion: number((i) => (typeof record(i).promptVersion === 'number' ? (record(i).promptVersion as number) : null)),
    metadata: { kind: 'object', get: (i) => record(i).metadata ?? null },
  };
}
