import type { ObservationLevel, ScoreDataType, ScoreSource } from './types.js';

/**
 * The records `createMemoryClient` takes, with Langfuse's public API field names, so a JSON
 * export from Langfuse loads as it is. Fields userlens does not read are allowed and ignored.
 */

export interface DatasetTrace {
  id: string;
  timestamp: string;
  /** At most 200 characters. Traces without one (null, absent or empty) belong to no user. */
  userId?: string | null;
  sessionId?: string | null;
  name?: string | null;
  /** @defaultValue [] */
  tags?: string[] | null;
  /** @defaultValue 'default' */
  environment?: string | null;
  input?: unknown;
  output?: unknown;
  [field: string]: unknown;
}

export interface DatasetObservation {
  id: string;
  /** Observations whose trace is not in the dataset are ignored. */
  traceId: string | null;
  type?: string;
  startTime: string;
  endTime?: string | null;
  /** @defaultValue 'DEFAULT' */
  level?: ObservationLevel | null;
  model?: string | null;
  /** Token counts by key (`input`, `output`, `total`, `input_cached`, …). */
  usageDetails?: Record<string, number> | null;
  /** USD by key (`input`, `output`, `total`, …). */
  costDetails?: Record<string, number> | null;
  /** USD; wins over `costDetails` when present. */
  totalCost?: number | null;
  [field: string]: unknown;
}

export interface DatasetScore {
  id: string;
  /**
   * Scores whose trace is not in the dataset are ignored. A score without one is on its
   * `sessionId`'s session and counts for every user with a trace of that session in a range.
   */
  traceId?: string | null;
  /** The session of a session-level score (one without `traceId`). */
  sessionId?: string | null;
  observationId?: string | null;
  name: string;
  /** Numeric value; BOOLEAN scores use 1 and 0. Required for NUMERIC and BOOLEAN; may be absent for the others. */
  value?: number | null;
  stringValue?: string | null;
  dataType: ScoreDataType;
  source: ScoreSource;
  timestamp: string;
  comment?: string | null;
  [field: string]: unknown;
}

export interface Dataset {
  traces: readonly DatasetTrace[];
  observations?: readonly DatasetObservation[];
  scores?: readonly DatasetScore[];
}
