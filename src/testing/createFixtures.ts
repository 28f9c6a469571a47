import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../client/dataset.js';

export interface Fixtures {
  /** A trace with defaults filled in; collected into `dataset()`. */
  trace(fields?: Partial<DatasetTrace>): DatasetTrace;
  /** An observation (a GENERATION by default) of `fields.traceId`, or of the last trace made. */
  observation(fields?: Partial<DatasetObservation>): DatasetObservation;
  /** A NUMERIC score of `fields.traceId`, or of the last trace made; with a `sessionId` and no `traceId`, a score on that session. */
  score(fields?: Partial<DatasetScore>): DatasetScore;
  /** Everything made so far. */
  dataset(): Required<Dataset>;
}

/**
 * Builders for small hand-made datasets in tests: each record gets a unique id and sensible
 * defaults, and only the fields the test is about need to be written.
 *
 * @example
 * const f = createFixtures();
 * f.trace({ userId: 'ana' });
 * f.observation({ usageDetails: { input: 10, output: 5 }, totalCost: 0.002 });
 * const client = createMemoryClient(f.dataset());
 */
export function createFixtures(start: string = '2026-01-01T00:00:00.000Z'): Fixtures {
  const startMs = Date.parse(start);
  const traces: DatasetTrace[] = [];
  const observations: DatasetObservation[] = [];
  const scores: DatasetScore[] = [];
  const lastTraceId = () => {
    const trace = traces[traces.length - 1];
    if (!trace) throw new Error('[userlens] createFixtures: make a trace before its observations or scores, or pass traceId.');
    return trace.id;
  };
  const at = (minutes: number) => new Date(startMs + minutes * 60_000).toISOString();

  return {
    trace(fields = {}) {
      const trace: DatasetTrace = {
        id: `trace-${traces.length + 1}`,
        timestamp: at(traces.length),
        name: 'chat',
        userId: 'user-1',
        sessionId: null,
        tags: [],
        environment: 'default',
        ...fields,
      };
      traces.push(trace);
      return trace;
    },
    observation(fields = {}) {
      const observation: DatasetObservation = {
        id: `observation-${observations.length + 1}`,
        traceId: fields.traceId ?? lastTraceId(),
        type: 'GENERATION',
        startTime: at(observations.length),
        endTime: null,
        level: 'DEFAULT',
        model: null,
        usageDetails: {},
        costDetails: {},
        totalCost: null,
        ...fields,
      };
      observations.push(observation);
      return observation;
    },
    score(fields = {}) {
      const score: DatasetScore = {
        id: `score-${scores.length + 1}`,
        traceId: fields.traceId ?? (fields.sessionId ? null : lastTraceId()),
        name: 'quality',
        value: 1,
        dataType: 'NUMERIC',
        source: 'API',
        timestamp: at(scores.length),
        comment: null,
        ...fields,
      };
      scores.push(score);
      return score;
    },
    dataset: () => ({ traces, observations, scores }),
  };
}
