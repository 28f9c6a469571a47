import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../../client/dataset.js';
import { observationCost, observationTokens } from '../../client/figures.js';
import { parseIsoDate } from '../../client/parseIsoDate.js';
import { newestFirst } from './cursor.js';

/**
 * The fake's view of a dataset, built once per fake on its first request: columns of parsed
 * times and per-observation figures (through the figure helpers, so every number equals the
 * figure definitions), maps from ids to records, and accessors that give an observation its
 * trace's context the way Langfuse v4 stores it (observation-first). Sorted orders are built on
 * first use only, so a metrics-only test never sorts a million observations.
 */
export class FakeIndex {
  readonly projectId: string;
  readonly traces: readonly DatasetTrace[];
  readonly observations: readonly DatasetObservation[];
  readonly scores: readonly DatasetScore[];

  readonly traceById = new Map<string, number>();
  /** Epoch ms. Times that do not parse read -Infinity here and in `obsStart` / `scoreTime`: out of every range, listed last. */
  readonly traceTime: Float64Array;

  /** Trace index of each observation; -1 when its trace is not in the dataset. */
  readonly obsTrace: Int32Array;
  readonly obsStart: Float64Array;
  /** NaN when the observation has no end. */
  readonly obsEnd: Float64Array;
  readonly obsInputTokens: Float64Array;
  readonly obsOutputTokens: Float64Array;
  readonly obsTotalTokens: Float64Array;
  readonly obsInputCost: Float64Array;
  readonly obsOutputCost: Float64Array;
  readonly obsTotalCost: Float64Array;

  readonly scoreTrace: Int32Array;
  readonly scoreTime: Float64Array;

  /** Newest first: time descending, then id descending (the order of every cursor endpoint). */
  readonly compareObservations: (a: number, b: number) => number;
  readonly compareScores: (a: number, b: number) => number;
  readonly compareTraces: (a: number, b: number) => number;

  constructor(dataset: Dataset, projectId: string) {
    this.projectId = projectId;
    const traces = dataset?.traces;
    if (!Array.isArray(traces)) {
      throw new Error('[userlens] createLangfuseFake: the dataset must be { traces: [...], observations?: [...], scores?: [...] }. Pass generateDemoDataset() or a Langfuse export.');
    }
    this.traces = traces;
    this.observations = dataset.observations ?? [];
    this.scores = dataset.scores ?? [];

    this.traceTime = new Float64Array(traces.length);
    for (let t = 0; t < traces.length; t++) {
      const trace = traces[t]!;
      if (!this.traceById.has(trace.id)) this.traceById.set(trace.id, t);
      this.traceTime[t] = parseTime(trace.timestamp);
    }

    const observations = this.observations;
    const n = observations.length;
    this.obsTrace = new Int32Array(n);
    this.obsStart = new Float64Array(n);
    this.obsEnd = new Float64Array(n);
    this.obsInputTokens = new Float64Array(n);
    this.obsOutputTokens = new Float64Array(n);
    this.obsTotalTokens = new Float64Array(n);
    this.obsInputCost = new Float64Array(n);
    this.obsOutputCost = new Float64Array(n);
    this.obsTotalCost = new Float64Array(n);
    let lastTraceId: string | null | undefined;
    let lastTrace = -1;
    for (let i = 0; i < n; i++) {
      const observation = observations[i]!;
      const traceId = observation.traceId ?? null;
      // Exports list a trace's observations together: skip the lookup for a repeat.
      if (traceId !== lastTraceId) {
        lastTraceId = traceId;
        lastTrace = traceId === null ? -1 : (this.traceById.get(traceId) ?? -1);
      }
      this.obsTrace[i] = lastTrace;
      this.obsStart[i] = parseTime(observation.startTime);
      this.obsEnd[i] = observation.endTime ? parseIsoDate(observation.endTime) : NaN;
      const tokens = observationTokens(observation.usageDetails);
      this.obsInputTokens[i] = tokens.input;
      this.obsOutputTokens[i] = tokens.output;
      this.obsTotalTokens[i] = tokens.total;
      if (observation.costDetails) addCostByDirection(observation.costDetails, this.obsInputCost, this.obsOutputCost, i);
      this.obsTotalCost[i] = observationCost(observation.totalCost, observation.costDetails);
    }

    const scores = this.scores;
    this.scoreTrace = new Int32Array(scores.length);
    this.scoreTime = new Float64Array(scores.length);
    for (let s = 0; s < scores.length; s++) {
      const score = scores[s]!;
      this.scoreTrace[s] = score.traceId ? (this.traceById.get(score.traceId) ?? -1) : -1;
      this.scoreTime[s] = parseTime(score.timestamp);
    }

    this.compareObservations = newestFirst(this.obsStart, (i) => observations[i]!.id);
    this.compareScores = newestFirst(this.scoreTime, (s) => scores[s]!.id);
    this.compareTraces = newestFirst(this.traceTime, (t) => traces[t]!.id);
  }

  // --- an observation with its trace's context -------------------------------------------------

  traceOfObservation(i: number): DatasetTrace | undefined {
    const t = this.obsTrace[i]!;
    return t < 0 ? undefined : this.traces[t];
  }

  obsUserId(i: number): string | null {
    return this.traceOfObservation(i)?.userId || null;
  }

  obsSessionId(i: number): string | null {
    return this.traceOfObservation(i)?.sessionId || null;
  }

  obsTags(i: number): readonly string[] {
    return this.traceOfObservation(i)?.tags ?? [];
  }

  obsTraceName(i: number): string | null {
    return this.traceOfObservation(i)?.name ?? null;
  }

  obsRelease(i: number): string | null {
    return stringOrNull(this.traceOfObservation(i)?.release);
  }

  /** Its own environment, else its trace's, else 'default'. */
  obsEnvironment(i: number): string {
    return this.observations[i]!.environment as string | undefined || this.traceOfObservation(i)?.environment || 'default';
  }

  obsIsRoot(i: number): boolean {
    return !this.observations[i]!.parentObservationId;
  }

  obsType(i: number): string {
    return this.observations[i]!.type || 'SPAN';
  }

  obsLevel(i: number): string {
    return this.observations[i]!.level || 'DEFAULT';
  }

  /** endTime − startTime, ms, at least 0 (an end before the start is clock skew); null without an end. */
  obsLatencyMs(i: number): number | null {
    const latency = this.obsEnd[i]! - this.obsStart[i]!;
    return Number.isFinite(latency) ? Math.max(0, latency) : null;
  }

  /** completionStartTime − startTime, ms; null without one. */
  obsTimeToFirstTokenMs(i: number): number | null {
    const completion = this.observations[i]!.completionStartTime;
    if (typeof completion !== 'string') return null;
    const ttft = parseIsoDate(completion) - this.obsStart[i]!;
    return Number.isFinite(ttft) ? ttft : null;
  }

  // --- a score with its trace's context ---------------------------------------------------------

  traceOfScore(s: number): DatasetTrace | undefined {
    const t = this.scoreTrace[s]!;
    return t < 0 ? undefined : this.traces[t];
  }

  scoreUserId(s: number): string | null {
    return this.traceOfScore(s)?.userId || null;
  }

  /** A session score's own session, else its trace's. */
  scoreSessionId(s: number): string | null {
    return stringOrNull(this.scores[s]!.sessionId) || this.traceOfScore(s)?.sessionId || null;
  }

  scoreEnvironment(s: number): string {
    return this.scores[s]!.environment as string | undefined || this.traceOfScore(s)?.environment || 'default';
  }

  // --- built on first use -----------------------------------------------------------------------

  private observationOrderCache: Int32Array | undefined;
  private scoreOrderCache: Int32Array | undefined;
  private traceOrderCache: Int32Array | undefined;
  private observationByIdCache: Map<string, number> | undefined;
  private observationsByTraceIdCache: Map<string, number[]> | undefined;
  private scoresByTraceIdCache: Map<string, number[]> | undefined;
  private tracesByUserCache: Map<string, number[]> | undefined;
  private tracesBySessionCache: Map<string, number[]> | undefined;
  private scoreCountCache: Map<string, number> | undefined;
  private traceFiguresCache: TraceFigures | undefined;

  /** All observations, startTime descending then id descending (the v2 observations order). */
  observationOrder(): Int32Array {
    return (this.observationOrderCache ??= sortedIndices(this.observations.length, this.compareObservations));
  }


  /** All scores, timestamp descending then id descending. */
  scoreOrder(): Int32Array {
    return (this.scoreOrderCache ??= sortedIndices(this.scores.length, this.compareScores));
  }


  /** All traces, timestamp descending then id descending. */
  traceOrder(): Int32Array {
    return (this.traceOrderCache ??= sortedIndices(this.traces.length, this.compareTraces));
  }


  /** Observations by their `traceId` as written, so orphans are found by it too. */
  get observationsByTraceId(): ReadonlyMap<string, readonly number[]> {
    return (this.observationsByTraceIdCache ??= groupBy(this.observations.length, (i) => this.observations[i]!.traceId));
  }

  get scoresByTraceId(): ReadonlyMap<string, readonly number[]> {
    return (this.scoresByTraceIdCache ??= groupBy(this.scores.length, (s) => this.scores[s]!.traceId));
  }

  /** Traces by non-empty `userId`. */
  get tracesByUser(): ReadonlyMap<string, readonly number[]> {
    return (this.tracesByUserCache ??= groupBy(this.traces.length, (t) => this.traces[t]!.userId));
  }

  get tracesBySession(): ReadonlyMap<string, readonly number[]> {
    return (this.tracesBySessionCache ??= groupBy(this.traces.length, (t) => this.traces[t]!.sessionId));
  }

  observationById(id: string): number | undefined {
    if (!this.observationByIdCache) {
      const map = new Map<string, number>();
      this.observations.forEach((observation, i) => {
        if (!map.has(observation.id)) map.set(observation.id, i);
      });
      this.observationByIdCache = map;
    }
    return this.observationByIdCache.get(id);
  }

  /** Scores attached to an observation (the `countScores` measure). */
  scoreCountOfObservation(id: string): number {
    if (!this.scoreCountCache) {
      const map = new Map<string, number>();
      for (const score of this.scores) {
        if (score.observationId) map.set(score.observationId, (map.get(score.observationId) ?? 0) + 1);
      }
      this.scoreCountCache = map;
    }
    return this.scoreCountCache.get(id) ?? 0;
  }

  /** Per-trace sums for the legacy (trace-first) endpoints. */
  traceFigures(): TraceFigures {
    if (this.traceFiguresCache) return this.traceFiguresCache;
    const count = this.traces.length;
    const figures: TraceFigures = {
      observationCount: new Int32Array(count),
      scoreCount: new Int32Array(count),
      inputTokens: new Float64Array(count),
      outputTokens: new Float64Array(count),
      totalTokens: new Float64Array(count),
      totalCost: new Float64Array(count),
      latencyMs: new Float64Array(count),
    };
    const firstStart = new Float64Array(count).fill(Infinity);
    const lastEnd = new Float64Array(count).fill(-Infinity);
    for (let i = 0; i < this.observations.length; i++) {
      const t = this.obsTrace[i]!;
      if (t < 0) continue;
      figures.observationCount[t]!++;
      figures.inputTokens[t]! += this.obsInputTokens[i]!;
      figures.outputTokens[t]! += this.obsOutputTokens[i]!;
      figures.totalTokens[t]! += this.obsTotalTokens[i]!;
      figures.totalCost[t]! += this.obsTotalCost[i]!;
      const start = this.obsStart[i]!;
      // An end before its start (clock skew) counts as the start, as the memory client reads it.
      const end = this.obsEnd[i]! > start ? this.obsEnd[i]! : start;
      if (start < firstStart[t]!) firstStart[t] = start;
      if (end > lastEnd[t]!) lastEnd[t] = end;
    }
    for (let s = 0; s < this.scores.length; s++) {
      const t = this.scoreTrace[s]!;
      if (t >= 0) figures.scoreCount[t]!++;
    }
    // Trace latency as the figure definitions say: max(end ?? start) − min(start), each end at least its start; none without observations.
    for (let t = 0; t < count; t++) {
      const latency = lastEnd[t]! - firstStart[t]!;
      figures.latencyMs[t] = figures.observationCount[t] === 0 || !Number.isFinite(latency) ? NaN : latency;
    }
    return (this.traceFiguresCache = figures);
  }
}

export interface TraceFigures {
  observationCount: Int32Array;
  scoreCount: Int32Array;
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  totalTokens: Float64Array;
  totalCost: Float64Array;
  /** ms; NaN without observations. */
  latencyMs: Float64Array;
}

/** Input and output cost: Σ `costDetails` values whose key contains "input" / "output" (case-insensitive), as tokens are counted. */
function addCostByDirection(costDetails: Readonly<Record<string, number>>, input: Float64Array, output: Float64Array, i: number): void {
  for (const key in costDetails) {
    const value = costDetails[key];
    if (typeof value !== 'number') continue;
    const lower = key.toLowerCase();
    if (lower.includes('input')) input[i]! += value;
    if (lower.includes('output')) output[i]! += value;
  }
}

function parseTime(value: unknown): number {
  const ms = typeof value === 'string' ? parseIsoDate(value) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Record indices by a non-empty string key; a run of equal keys costs one map lookup. */
function groupBy(length: number, keyOf: (i: number) => string | null | undefined): Map<string, number[]> {
  const map = new Map<string, number[]>();
  let lastKey: string | undefined;
  let list: number[] | undefined;
  for (let i = 0; i < length; i++) {
    const key = keyOf(i);
    if (!key) continue;
    if (key !== lastKey) {
      lastKey = key;
      list = map.get(key);
      if (!list) map.set(key, (list = []));
    }
    list!.push(i);
  }
  return map;
}

function sortedIndices(length: number, compare: (a: number, b: number) => number): Int32Array {
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return order.sort(compare);
}
