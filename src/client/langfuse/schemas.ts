import * as v from 'valibot';

/**
 * The parts of Langfuse's payloads the client reads. Objects are loose (fields added by a newer
 * Langfuse pass through untouched); every field read is checked, so a wrong type becomes an
 * `invalid_response` error naming the field instead of a NaN in a view.
 */

/** A metrics row: dimensions under their field name, values under `${aggregation}_${measure}`. */
export const metricsResponse = v.looseObject({
  data: v.array(v.record(v.string(), v.unknown())),
});

const tokenCounts = v.nullish(v.record(v.string(), v.number()));

export const observationV2 = v.looseObject({
  id: v.string(),
  traceId: v.nullable(v.string()),
  startTime: v.string(),
  endTime: v.nullish(v.string()),
  parentObservationId: v.nullish(v.string()),
  type: v.string(),
  isRootObservation: v.nullish(v.boolean()),
  name: v.nullish(v.string()),
  level: v.nullish(v.picklist(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'])),
  environment: v.nullish(v.string()),
  userId: v.nullish(v.string()),
  sessionId: v.nullish(v.string()),
  providedModelName: v.nullish(v.string()),
  usageDetails: tokenCounts,
  costDetails: tokenCounts,
  totalCost: v.nullish(v.number()),
  traceName: v.nullish(v.string()),
  tags: v.nullish(v.array(v.string())),
  input: v.optional(v.unknown()),
  output: v.optional(v.unknown()),
});
export type ObservationV2 = v.InferOutput<typeof observationV2>;

export const observationsV2Response = v.looseObject({
  data: v.array(observationV2),
  meta: v.looseObject({ cursor: v.nullish(v.string()) }),
});

const scoreSubject = v.looseObject({
  kind: v.string(),
  id: v.string(),
  traceId: v.nullish(v.string()),
});

export const scoreV3 = v.looseObject({
  id: v.string(),
  name: v.string(),
  dataType: v.picklist(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION']),
  source: v.picklist(['API', 'ANNOTATION', 'EVAL']),
  timestamp: v.string(),
  value: v.union([v.number(), v.boolean(), v.string()]),
  comment: v.nullish(v.string()),
  subject: v.nullish(scoreSubject),
});
export type ScoreV3 = v.InferOutput<typeof scoreV3>;

export const scoresV3Response = v.looseObject({
  data: v.array(scoreV3),
  meta: v.looseObject({ cursor: v.nullish(v.string()) }),
});

// Legacy (Langfuse v3 self-hosted): page-numbered lists.

const pageMeta = v.looseObject({ page: v.number(), limit: v.number(), totalItems: v.number(), totalPages: v.number() });

export const legacyTrace = v.looseObject({
  id: v.string(),
  timestamp: v.string(),
  name: v.nullish(v.string()),
  userId: v.nullish(v.string()),
  sessionId: v.nullish(v.string()),
  tags: v.nullish(v.array(v.string())),
  environment: v.nullish(v.string()),
  input: v.optional(v.unknown()),
  output: v.optional(v.unknown()),
});
export const legacyTracesResponse = v.looseObject({ data: v.array(legacyTrace), meta: pageMeta });

export const legacyObservation = v.looseObject({
  id: v.string(),
  traceId: v.nullish(v.string()),
  type: v.string(),
  startTime: v.string(),
  endTime: v.nullish(v.string()),
  level: v.nullish(v.picklist(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'])),
  model: v.nullish(v.string()),
  usageDetails: tokenCounts,
  costDetails: tokenCounts,
  calculatedTotalCost: v.nullish(v.number()),
});
export const legacyObservationsResponse = v.looseObject({ data: v.array(legacyObservation), meta: pageMeta });

export const legacyScore = v.looseObject({
  id: v.string(),
  traceId: v.nullish(v.string()),
  observationId: v.nullish(v.string()),
  name: v.string(),
  dataType: v.picklist(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION']),
  source: v.picklist(['API', 'ANNOTATION', 'EVAL']),
  timestamp: v.string(),
  value: v.nullish(v.number()),
  stringValue: v.nullish(v.string()),
  comment: v.nullish(v.string()),
});
export const legacyScoresResponse = v.looseObject({ data: v.array(legacyScore), meta: pageMeta });
