import type { FakeIndex } from './fakeIndex.js';
import { isoFromMs, isoOf } from './isoTime.js';

/**
 * One item of GET /api/public/v2/observations: the spec's always-present keys, plus the fields
 * of each requested group. Trace context (user, session, tags, trace name, release) comes from
 * the observation's trace, as Langfuse v4 denormalizes it onto observations.
 */

export const OBSERVATION_FIELD_GROUPS = ['core', 'basic', 'time', 'io', 'metadata', 'model', 'usage', 'prompt', 'metrics', 'trace_context'] as const;
export type ObservationFieldGroup = (typeof OBSERVATION_FIELD_GROUPS)[number];

/** Metadata values longer than this are cut unless their key is in `expandMetadata`. */
const METADATA_VALUE_LIMIT = 200;

export function observationItem(
  index: FakeIndex,
  i: number,
  groups: ReadonlySet<ObservationFieldGroup>,
  expandMetadata: ReadonlySet<string>,
): Record<string, unknown> {
  const record = index.observations[i]!;
  const model = groups.has('model');
  const item: Record<string, unknown> = {
    id: record.id,
    traceId: record.traceId ?? null,
    startTime: isoFromMs(index.obsStart[i]!) ?? record.startTime,
    endTime: isoFromMs(index.obsEnd[i]!),
    projectId: index.projectId,
    parentObservationId: text(record.parentObservationId),
    type: index.obsType(i),
    // Required by the spec, null unless the model group is requested.
    modelId: model ? text(record.modelId) : null,
    inputPrice: model ? price(record.inputPrice) : null,
    outputPrice: model ? price(record.outputPrice) : null,
    totalPrice: model ? price(record.totalPrice) : null,
  };
  if (groups.has('basic')) {
    Object.assign(item, {
      name: text(record.name),
      level: index.obsLevel(i),
      statusMessage: text(record.statusMessage),
      version: text(record.version),
      environment: index.obsEnvironment(i),
      bookmarked: record.bookmarked === true,
      public: record.public === true,
      userId: index.obsUserId(i),
      sessionId: index.obsSessionId(i),
      isRootObservation: index.obsIsRoot(i),
    });
  }
  if (groups.has('time')) {
    Object.assign(item, {
      completionStartTime: isoOf(record.completionStartTime),
      createdAt: isoOf(record.createdAt),
      updatedAt: isoOf(record.updatedAt),
    });
  }
  if (groups.has('io')) {
    // v4 keeps a trace's input and output on its root observation.
    const trace = index.obsIsRoot(i) ? index.traceOfObservation(i) : undefined;
    item.input = rawString(record.input ?? trace?.input);
    item.output = rawString(record.output ?? trace?.output);
  }
  if (groups.has('metadata')) item.metadata = truncateMetadata(record.metadata, expandMetadata);
  if (model) {
    Object.assign(item, {
      providedModelName: record.model ?? null,
      internalModelId: text(record.internalModelId),
      modelParameters: record.modelParameters ?? null,
    });
  }
  if (groups.has('usage')) {
    Object.assign(item, {
      usageDetails: record.usageDetails ?? {},
      costDetails: record.costDetails ?? {},
      totalCost: index.obsTotalCost[i],
      usagePricingTierName: text(record.usagePricingTierName),
    });
  }
  if (groups.has('prompt')) {
    Object.assign(item, {
      promptId: text(record.promptId),
      promptName: text(record.promptName),
      promptVersion: typeof record.promptVersion === 'number' ? record.promptVersion : null,
    });
  }
  if (groups.has('metrics')) {
    // Seconds here, unlike the metrics endpoint's milliseconds.
    const latency = index.obsLatencyMs(i);
    const ttft = index.obsTimeToFirstTokenMs(i);
    item.latency = latency === null ? null : latency / 1000;
    item.timeToFirstToken = ttft === null ? null : ttft / 1000;
  }
  if (groups.has('trace_context')) {
    Object.assign(item, {
      tags: [...index.obsTags(i)],
      release: index.obsRelease(i),
      traceName: index.obsTraceName(i),
    });
  }
  return item;
}

/** v2 returns input and output as the raw stored strings: JSON values are serialized. */
function rawString(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function truncateMetadata(metadata: unknown, expand: ReadonlySet<string>): unknown {
  if (metadata === undefined || metadata === null) return null;
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return metadata;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    result[key] = typeof value === 'string' && value.length > METADATA_VALUE_LIMIT && !expand.has(key) ? value.slice(0, METADATA_VALUE_LIMIT) : value;
  }
  return result;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Prices are decimal strings in the spec. */
function price(value: unknown): string | null {
  return typeof value === 'number' ? String(value) : text(value);
}
