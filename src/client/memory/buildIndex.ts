import { UserlensError } from '../errors.js';
import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { LEVELS, MAX_COST_PER_VALUE, MAX_USAGE_PER_VALUE, foldCase, observationCost, observationTokens } from '../figures.js';
import type { ScoreDataType, ScoreSource } from '../types.js';
import { RecordChecker } from './validateRecord.js';

/**
 * The columnar index behind the memory client, built once. Traces that carry a user are laid
 * out grouped by user (users in code-unit order of `userId`) and by timestamp inside each user,
 * so a date range is two binary searches per user and every figure is a loop over typed arrays.
 * Per-trace sums of observation figures are computed here, once.
 */
export interface MemoryIndex {
  /** Distinct user ids, ascending by UTF-16 code units; the position is the user's number. */
  users: string[];
  usersLower: string[];
  /** Traces of user `u` are positions `userOffsets[u]` to `userOffsets[u + 1]`. */
  userOffsets: Int32Array;
  /** By position. */
  traces: DatasetTrace[];
  timestamp: Float64Array;
  session: Int32Array;
  sessionIds: string[];
  environment: Int32Array;
  environments: string[];
  tagOffsets: Int32Array;
  tagData: Int32Array;
  tags: string[];
  /** Per-trace sums over its observations. */
  observationCount: Int32Array;
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  totalTokens: Float64Array;
  totalCost: Float64Array;
  hasError: Uint8Array;
  /** Index into `LEVELS` of the most severe observation level; -1 without observations. */
  level: Int8Array;
  /** ms, ≥ 0 (each observation's end taken as at least its start); NaN without observations. */
  latency: Float64Array;
  /** Observations of trace `p` are entries `observationOffsets[p]` to `observationOffsets[p + 1]`. */
  observationOffsets: Int32Array;
  /** Indices into `observations`, grouped by trace. */
  observationRecord: Int32Array;
  /** The dataset's observations as given (validated), read again only for per-model figures. */
  observations: readonly DatasetObservation[];
  /** Scores of trace `p` are `scores[scoreOffsets[p]]` to `scores[scoreOffsets[p + 1] - 1]`. */
  scoreOffsets: Int32Array;
  scores: DatasetScore[];
  /** Per score slot: the index of its name in `scoreNames` when it counts in summaries (NUMERIC, BOOLEAN), else -1. */
  scoreSummaryName: Int32Array;
  /** Per score slot: its value (0 where it does not count). */
  scoreValue: Float64Array;
  scoreNames: string[];
  /** Per entry of `scoreNames`: 1 when every score of that name is BOOLEAN. */
  scoreNameBoolean: Uint8Array;
  /**
   * Scores on a session (a `sessionId`, no `traceId`): those of session `s` (an index into
   * `sessionIds`) are `sessionScores[sessionScoreOffsets[s]]` to `…[sessionScoreOffsets[s + 1] - 1]`,
   * with their summary name and value as for trace scores. They count for every user with a trace
   * of that session in the range.
   */
  sessionScoreOffsets: Int32Array;
  sessionScores: DatasetScore[];
  sessionScoreSummaryName: Int32Array;
  sessionScoreValue: Float64Array;
  /** Records that belong to no user and are left out of every figure. */
  ignored: {
    /** Traces without a `userId` (null, absent or empty). */
    tracesWithoutUser: number;
    /** Observations whose `traceId` is null or not in the dataset. */
    observationsWithoutTrace: number;
    /** Scores on no trace of the dataset, nor (without a `traceId`) on a session of a user's traces. */
    scoresWithoutTrace: number;
  };
}

const SCORE_TYPES: readonly ScoreDataType[] = ['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'CORRECTION', 'TEXT'];
const SCORE_SOURCES: readonly ScoreSource[] = ['API', 'ANNOTATION', 'EVAL'];
const MAX_USER_ID_LENGTH = 200;
/** Marks a trace id that exists but belongs to no user. */
const ANONYMOUS = -1;

export function buildIndex(dataset: Dataset): MemoryIndex {
  if (!dataset || typeof dataset !== 'object' || !Array.isArray(dataset.traces)) {
    throw new UserlensError(
      'invalid_dataset',
      'Invalid dataset: expected { traces: [...], observations?: [...], scores?: [...] }. Pass the arrays of a Langfuse export or of generateDemoDataset().',
      { where: 'dataset', field: 'traces' },
    );
  }
  for (const list of ['observations', 'scores'] as const) {
    const value = dataset[list];
    if (value !== undefined && !Array.isArray(value)) {
      throw new UserlensError('invalid_dataset', `Invalid dataset: "${list}" must be an array when given.`, {
        where: 'dataset',
        field: list,
      });
    }
  }

  // Traces: validate, group by user.
  const rawTraces = dataset.traces;
  const traceCheck = new RecordChecker('traces');
  const rawTimestamp = new Float64Array(rawTraces.length);
  // id → record index, and record index → position (or ANONYMOUS): one map write per trace.
  const recordById = new Map<string, number>();
  const positionOfRecord = new Int32Array(rawTraces.length).fill(ANONYMOUS);
  const positionOf = (traceId: string | null): number | undefined => {
    const record = traceId === null ? undefined : recordById.get(traceId);
    return record === undefined ? undefined : positionOfRecord[record]!;
  };
  const byUser = new Map<string, number[]>();
  let tracesWithoutUser = 0;
  for (let i = 0; i < rawTraces.length; i++) {
    const trace = traceCheck.at(i, rawTraces[i]!);
    const id = traceCheck.id(trace.id);
    const known = recordById.size;
    recordById.set(id, i);
    if (recordById.size === known) {
      const first = rawTraces.findIndex((other) => other.id === id);
      traceCheck.fail('id', `unique among traces (records ${first} and ${i} share it)`, id);
    }
    rawTimestamp[i] = traceCheck.date(trace.timestamp, 'timestamp');
    const userId = traceCheck.optionalString(trace.userId, 'userId');
    if (userId !== null && userId.length > MAX_USER_ID_LENGTH) {
      traceCheck.fail('userId', `at most ${MAX_USER_ID_LENGTH} characters`, userId);
    }
    traceCheck.optionalString(trace.sessionId, 'sessionId');
    traceCheck.optionalString(trace.name, 'name');
    traceCheck.optionalString(trace.environment, 'environment');
    traceCheck.stringArray(trace.tags, 'tags');
    if (!userId) {
      tracesWithoutUser++;
      continue;
    }
    const list = byUser.get(userId);
    if (list) list.push(i);
    else byUser.set(userId, [i]);
  }

  // Lay traces out by user, then timestamp, then id.
  const users = [...byUser.keys()].sort();
  const traceTotal = rawTraces.length - tracesWithoutUser;
  const userOffsets = new Int32Array(users.length + 1);
  const traces: DatasetTrace[] = new Array(traceTotal);
  const timestamp = new Float64Array(traceTotal);
  const session = new Int32Array(traceTotal);
  const environment = new Int32Array(traceTotal);
  const tagOffsets = new Int32Array(traceTotal + 1);
  const tagList: number[] = [];
  const sessionIds = new Dictionary();
  const environments = new Dictionary();
  const tags = new Dictionary();
  let position = 0;
  for (let u = 0; u < users.length; u++) {
    userOffsets[u] = position;
    const indices = byUser.get(users[u]!)!;
    indices.sort((a, b) => rawTimestamp[a]! - rawTimestamp[b]! || compareIds(rawTraces[a]!.id, rawTraces[b]!.id));
    for (const i of indices) {
      const trace = rawTraces[i]!;
      traces[position] = trace;
      timestamp[position] = rawTimestamp[i]!;
      session[position] = trace.sessionId ? sessionIds.id(trace.sessionId) : -1;
      environment[position] = environments.id(trace.environment || 'default');
      tagOffsets[position] = tagList.length;
      if (trace.tags) for (const tag of trace.tags) tagList.push(tags.id(tag));
      positionOfRecord[i] = position;
      position++;
    }
  }
  userOffsets[users.length] = position;
  tagOffsets[traceTotal] = tagList.length;

  // Observations: validate, sum per trace, then lay out by trace (counting sort).
  const rawObservations = dataset.observations ?? [];
  const observationCheck = new RecordChecker('observations');
  const observationTrace = new Int32Array(rawObservations.length);
  const observationCount = new Int32Array(traceTotal);
  const inputTokens = new Float64Array(traceTotal);
  const outputTokens = new Float64Array(traceTotal);
  const totalTokens = new Float64Array(traceTotal);
  const totalCost = new Float64Array(traceTotal);
  const hasError = new Uint8Array(traceTotal);
  const level = new Int8Array(traceTotal).fill(-1);
  const firstStart = new Float64Array(traceTotal).fill(Infinity);
  const lastEnd = new Float64Array(traceTotal).fill(-Infinity);
  let observationsWithoutTrace = 0;
  let lastTraceId: string | null | undefined;
  let lastPosition: number | undefined;
  for (let i = 0; i < rawObservations.length; i++) {
    const observation = observationCheck.at(i, rawObservations[i]!);
    observationCheck.id(observation.id);
    const traceId = observationCheck.optionalString(observation.traceId, 'traceId');
    const start = observationCheck.date(observation.startTime, 'startTime');
    const end = observationCheck.optionalDate(observation.endTime, 'endTime');
    const levelIndex = LEVELS.indexOf(observationCheck.oneOf(observation.level, 'level', LEVELS, 'DEFAULT'));
    observationCheck.optionalString(observation.model, 'model');
    // Bounded per value, so no sum over the dataset can leave the finite range (see figures.ts).
    const tokens = observationTokens(observationCheck.amountMap(observation.usageDetails, 'usageDetails', MAX_USAGE_PER_VALUE, 'tokens'));
    const cost = observationCost(
      observationCheck.optionalAmount(observation.totalCost, 'totalCost', MAX_COST_PER_VALUE, 'USD'),
      observationCheck.amountMap(observation.costDetails, 'costDetails', MAX_COST_PER_VALUE, 'USD'),
    );
    // Exports usually list a trace's observations together: skip the map lookup for a repeat.
    if (traceId !== lastTraceId) {
      lastTraceId = traceId;
      lastPosition = positionOf(traceId);
    }
    const p = lastPosition;
    if (p === undefined || p === ANONYMOUS) {
      if (p === undefined) observationsWithoutTrace++;
      observationTrace[i] = -1;
      continue;
    }
    observationTrace[i] = p;
    observationCount[p]!++;
    inputTokens[p]! += tokens.input;
    outputTokens[p]! += tokens.output;
    totalTokens[p]! += tokens.total;
    totalCost[p]! += cost;
    if (levelIndex === 3) hasError[p] = 1;
    if (levelIndex > level[p]!) level[p] = levelIndex;
    if (start < firstStart[p]!) firstStart[p] = start;
    // An end before its start (clock skew) counts as the start: a latency is never negative.
    const finish = end !== null && end > start ? end : start;
    if (finish > lastEnd[p]!) lastEnd[p] = finish;
  }
  const latency = new Float64Array(traceTotal);
  for (let p = 0; p < traceTotal; p++) {
    latency[p] = observationCount[p] === 0 ? NaN : lastEnd[p]! - firstStart[p]!;
  }
  const observationOffsets = offsetsFromCounts(observationCount);
  const kept = observationOffsets[traceTotal]!;
  const observationRecord = new Int32Array(kept);
  const cursor = observationOffsets.slice(0, traceTotal);
  for (let i = 0; i < rawObservations.length; i++) {
    const p = observationTrace[i]!;
    if (p < 0) continue;
    const slot = cursor[p]!++;
    observationRecord[slot] = i;
  }

  // Scores: validate, lay out by trace.
  const rawScores = dataset.scores ?? [];
  const scoreCheck = new RecordChecker('scores');
  const scoreTrace = new Int32Array(rawScores.length);
  const scoreCount = new Int32Array(traceTotal);
  // The session of a score without a trace, -1 for the others.
  const scoreSession = new Int32Array(rawScores.length).fill(-1);
  const sessionScoreCount = new Int32Array(sessionIds.values.length);
  let scoresWithoutTrace = 0;
  for (let i = 0; i < rawScores.length; i++) {
    const score = scoreCheck.at(i, rawScores[i]!);
    scoreCheck.id(score.id);
    scoreCheck.string(score.name, 'name');
    if (score.timestamp === null || score.timestamp === undefined) scoreCheck.fail('timestamp', 'an ISO-8601 date-time string', score.timestamp);
    scoreCheck.optionalDate(score.timestamp, 'timestamp');
    const dataType = scoreCheck.oneOf(score.dataType, 'dataType', SCORE_TYPES);
    scoreCheck.oneOf(score.source, 'source', SCORE_SOURCES);
    const value = scoreCheck.optionalNumber(score.value, 'value');
    // Summaries average NUMERIC and BOOLEAN values; other types may be labels only (Langfuse's v3 API answers a category as its label).
    if (value === null && (dataType === 'NUMERIC' || dataType === 'BOOLEAN')) scoreCheck.fail('value', `a finite number for a ${dataType} score`, value);
    if (dataType === 'BOOLEAN' && value !== 0 && value !== 1) scoreCheck.fail('value', '0 or 1 for a BOOLEAN score', value);
    scoreCheck.optionalString(score.stringValue, 'stringValue');
    scoreCheck.optionalString(score.comment, 'comment');
    scoreCheck.optionalString(score.observationId, 'observationId');
    const traceId = scoreCheck.optionalString(score.traceId, 'traceId');
    const sessionId = scoreCheck.optionalString(score.sessionId, 'sessionId');
    const p = positionOf(traceId);
    if (p === undefined || p === ANONYMOUS) {
      scoreTrace[i] = -1;
      const s = traceId === null && sessionId ? sessionIds.find(sessionId) : undefined;
      if (s !== undefined) {
        scoreSession[i] = s;
        sessionScoreCount[s]!++;
      } else if (p === undefined) scoresWithoutTrace++;
      continue;
    }
    scoreTrace[i] = p;
    scoreCount[p]!++;
  }
  const scoreOffsets = offsetsFromCounts(scoreCount);
  const scores: DatasetScore[] = new Array(scoreOffsets[traceTotal]!);
  const scoreRecord = new Int32Array(scores.length);
  const scoreCursor = scoreOffsets.slice(0, traceTotal);
  const scoreSummaryName = new Int32Array(scores.length);
  const scoreValue = new Float64Array(scores.length);
  const scoreNames = new Dictionary();
  const numericNames = new Set<string>();
  const sessionScoreOffsets = offsetsFromCounts(sessionScoreCount);
  const sessionScores: DatasetScore[] = new Array(sessionScoreOffsets[sessionScoreCount.length]!);
  const sessionScoreCursor = sessionScoreOffsets.slice(0, sessionScoreCount.length);
  const sessionScoreSummaryName = new Int32Array(sessionScores.length);
  const sessionScoreValue = new Float64Array(sessionScores.length);
  const sessionScoreRecord = new Int32Array(sessionScores.length);
  for (let i = 0; i < rawScores.length; i++) {
    const p = scoreTrace[i]!;
    const s = scoreSession[i]!;
    if (p < 0 && s < 0) continue;
    const score = rawScores[i]!;
    const counts = score.dataType === 'NUMERIC' || score.dataType === 'BOOLEAN';
    const name = counts ? scoreNames.id(score.name) : -1;
    const value = counts ? score.value! : 0;
    if (counts && score.dataType === 'NUMERIC') numericNames.add(score.name);
    if (p < 0) {
      const slot = sessionScoreCursor[s]!++;
      sessionScores[slot] = score;
      sessionScoreRecord[slot] = i;
      sessionScoreSummaryName[slot] = name;
      sessionScoreValue[slot] = value;
      continue;
    }
    const slot = scoreCursor[p]!++;
    scoreRecord[slot] = i;
    scores[slot] = score;
    scoreSummaryName[slot] = name;
    scoreValue[slot] = value;
  }
  const scoreNameBoolean = Uint8Array.from(scoreNames.values, (name) => (numericNames.has(name) ? 0 : 1));

  // A record given twice (two overlapping exports concatenated) would be counted twice. Such
  // copies share their trace, so ids are compared within each trace: a global Set of a million
  // ids measured ~0.8 s here, these per-trace groups of a handful cost next to nothing.
  rejectDuplicatesPerTrace(observationCheck, rawObservations, observationOffsets, observationRecord, 'observations');
  rejectDuplicatesPerTrace(scoreCheck, rawScores, scoreOffsets, scoreRecord, 'scores');
  rejectDuplicatesPerTrace(scoreCheck, rawScores, sessionScoreOffsets, sessionScoreRecord, 'scores');

  return {
    users,
    usersLower: users.map(foldCase),
    userOffsets,
    traces,
    timestamp,
    session,
    sessionIds: sessionIds.values,
    environment,
    environments: environments.values,
    tagOffsets,
    tagData: Int32Array.from(tagList),
    tags: tags.values,
    observationCount,
    inputTokens,
    outputTokens,
    totalTokens,
    totalCost,
    hasError,
    level,
    latency,
    observationOffsets,
    observationRecord,
    observations: rawObservations,
    scoreOffsets,
    scores,
    scoreSummaryName,
    scoreValue,
    scoreNames: scoreNames.values,
    scoreNameBoolean,
    sessionScoreOffsets,
    sessionScores,
    sessionScoreSummaryName,
    sessionScoreValue,
    ignored: { tracesWithoutUser, observationsWithoutTrace, scoresWithoutTrace },
  };
}

/** Code-unit order, the order ties are broken in everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Interns strings as small integers so per-trace columns stay typed arrays. */
class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

function rejectDuplicatesPerTrace(
  check: RecordChecker,
  records: readonly { id: string }[],
  offsets: Int32Array,
  order: Int32Array,
  kind: string,
): void {
  const reject = (first: number, second: number): never => {
    check.at(second, records[second]);
    return check.fail('id', `unique among ${kind} (records ${first} and ${second} share it)`, records[second]!.id);
  };
  for (let p = 0; p + 1 < offsets.length; p++) {
    const start = offsets[p]!;
    const end = offsets[p + 1]!;
    if (end - start <= 16) {
      // Typical traces hold a handful of records: compare pairs, allocating nothing.
      for (let i = start + 1; i < end; i++) {
        const id = records[order[i]!]!.id;
        for (let j = start; j < i; j++) if (records[order[j]!]!.id === id) reject(order[j]!, order[i]!);
      }
      continue;
    }
    const group = Array.from(order.subarray(start, end)).sort((a, b) => compareIds(records[a]!.id, records[b]!.id) || a - b);
    for (let i = 1; i < group.length; i++) {
      if (records[group[i]!]!.id === records[group[i - 1]!]!.id) reject(group[i - 1]!, group[i]!);
    }
  }
}

function offsetsFromCounts(counts: Int32Array): Int32Array {
  const offsets = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  return offsets;
}

