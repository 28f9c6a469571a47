import type { DatasetScore } from '../../client/dataset.js';

/**
 * How a dataset score's value reads in each API generation. The dataset stores Langfuse's
 * legacy shape: a numeric `value` (BOOLEAN as 1/0) and, for labels, a `stringValue`.
 */

/** v3's polymorphic value: NUMERIC a number, BOOLEAN a boolean, every other type a string. */
export function scoreValueV3(score: DatasetScore): number | boolean | string | null {
  switch (score.dataType) {
    case 'NUMERIC':
      return typeof score.value === 'number' ? score.value : null;
    case 'BOOLEAN':
      return score.value === 1;
    default:
      return labelOf(score);
  }
}

/** The label of a CATEGORICAL / TEXT / CORRECTION score (its stringValue, else its value as text, else ""). */
export function labelOf(score: DatasetScore): string {
  if (typeof score.stringValue === 'string') return score.stringValue;
  return typeof score.value === 'number' ? String(score.value) : '';
}

/** The entity a score is attached to (v3's `subject`), most specific first. */
export function scoreSubject(score: DatasetScore): Record<string, unknown> | null {
  if (score.observationId) return { kind: 'observation', id: score.observationId, traceId: score.traceId ?? null };
  if (score.traceId) return { kind: 'trace', id: score.traceId };
  if (typeof score.sessionId === 'string' && score.sessionId) return { kind: 'session', id: score.sessionId };
  if (typeof score.datasetRunId === 'string' && score.datasetRunId) return { kind: 'experiment', id: score.datasetRunId };
  return null;
}
