import type { Infer } from '../shape.js';
import { anyOf, anything, arrayOf, boolean, nullable, nullish, number, object, oneOf, optional, recordOf, string } from '../shape.js';

/**
 * The parts of Langfuse's payloads the client reads. Objects are loose (fields added by a newer
 * Langfuse pass through untouched); every field read is checked, so a wrong type becomes an
 * `invalid_response` error naming the field instead of a NaN in a view.
 */

/** A metrics row: dimensions under their field name, values under `${aggregation}_${measure}`. */
export const metricsResponse = object({
  data: arrayOf(recordOf(anything)),
});

const tokenCounts = nullish(recordOf(number));

export const observationV2 = object({
  id: string,
  traceId: nullable(string),
  startTime: string,
  endTime: nullish(string),
  parentObservationId: nullish(string),
  type: string,
  isRootObservation: nullish(boolean),
  name: nullish(string),
  level: nullish(oneOf(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'])),
  statusMessage: nullish(string),
  environment: nullish(string),
  userId: nullish(string),
  sessionId: nullish(string),
  providedModelName: nullish(string),
  usageDetails: tokenCounts,
  costDetails: tokenCounts,
  totalCost: nullish(number),
  traceName: nullish(string),
  tags: nullish(arrayOf(string)),
  release: nullish(string),
  input: optional(anything),
  output: optional(anything),
});
export type ObservationV2 = Infer<typeof observationV2>;

export const observationsV2Response = object({
  data: arrayOf(observationV2),
  meta: object({ cursor: nullish(string) }),
});

const scoreSubject = object({
  kind: string,
  id: string,
  traceId: nullish(string),
});

export const scoreV3 = object({
  id: string,
  name: string,
  dataType: oneOf(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION']),
  source: oneOf(['API', 'ANNOTATION', 'EVAL']),
  timestamp: string,
  value: anyOf([number, boolean, string], 'a number, boolean or string'),
  comment: nullish(string),
  subject: nullish(scoreSubject),
});
export type ScoreV3 = Infer<typeof scoreV3>;

export const scoresV3Response = object({
  data: arrayOf(scoreV3),
  meta: object({ cursor: nullish(string) }),
});

// Legacy (Langfuse v3 self-hosted): page-numbered lists.

const pageMeta = object({ page: number, limit: number, totalItems: number, totalPages: number });

export const legacyTrace = object({
  id: string,
  timestamp: string,
  name: nullish(string),
  userId: nullish(string),
  sessionId: nullish(string),
  tags: nullish(arrayOf(string)),
  environment: nullish(string),
  release: nullish(string),
  input: optional(anything),
  output: optional(anything),
});
export const legacyTracesResponse = object({ data: arrayOf(legacyTrace), meta: pageMeta });

export const legacyObservation = object({
  id: string,
  traceId: nullish(string),
  type: string,
  startTime: string,
  endTime: nullish(string),
  level: nullish(oneOf(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'])),
  model: nullish(string),
  usageDetails: tokenCounts,
  costDetails: tokenCounts,
  calculatedTotalCost: nullish(number),
});
export const legacyObservationsResponse = object({ data: arrayOf(legacyObservation), meta: pageMeta });

export const legacyScore = object({
  id: string,
  traceId: nullish(string),
  observationId: nullish(string),
  name: string,
  dataType: oneOf(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION']),
  source: oneOf(['API', 'ANNOTATION', 'EVAL']),
  timestamp: string,
  value: nullish(number),
  stringValue: nullish(string),
  comment: nullish(string),
});
export const legacyScoresResponse = object({ data: arrayOf(legacyScore), meta: pageMeta });
