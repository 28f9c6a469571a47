import { UserlensError } from '../errors.js';
import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { LEVELS, MAX_COST_PER_VALUE, MAX_USAGE_PER_VALUE, foldCase, isAmount, type ObservationTokens } from '../figures.js';
import type { LoadProgress, ScoreDataType, ScoreSource } from '../types.js';
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
/** Records (or entries to sort) handled in one step: a ms or two of work in any browser, or a few before the code is optimised. */
export const STEP = 2048;

/**
 * Sorts numbers (record or user numbers) as `items.sort(compare)` does, yielding between pieces
 * of the work if it likes. Typed arrays: sorting them allocates nothing on the JS heap, whose
 * growth beside a large dataset would call for a long collection.
 */
export type StepSort = (items: Int32Array, compare: (a: number, b: number) => number) => Generator<void, Int32Array, void>;

/** Builds the index at once: the steps below, run to the end. */
export function buildIndex(dataset: Dataset): MemoryIndex {
  const steps = buildIndexSteps(dataset);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `items.sort(compare)` in one go: what a build run at once wants. */
// eslint-disable-next-line require-yield -- a StepSort that never pauses
function* sortAtOnce(items: Int32Array, compare: (a: number, b: number) => number): Generator<void, Int32Array, void> {
  return items.sort(compare);
}

/**
 * The index build in steps of a few ms each, each yielding how far it has got (or nothing, from
 * inside `sort`), so that a caller can spread it over the event loop (`loadMemoryClient`, which
 * passes a sort that yields too); `buildIndex` runs them back to back. Each record is read once:
 * what later passes need of it is kept in typed arrays. The loops are in functions called from
 * here, not in the body of this generator, which engines optimise less.
 */
export function* buildIndexSteps(dataset: Dataset, sort: StepSort = sortAtOnce): Generator<LoadProgress | void, MemoryIndex, void> {
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
  const rawTraces = dataset.traces;
  const rawObservations = dataset.observations ?? [];
  const rawScores = dataset.scores ?? [];
  const traceCount = rawTraces.length;
  const total = traceCount + rawObservations.length + rawScores.length;
  let done = 0;
  let phase: LoadProgress['phase'] = 'traces';
  const progress = (): LoadProgress => ({ phase, done, total });
  /**
   * Calls `read` on `count` records (or entries) a step at a time; `records` counts them as done.
   * Every loop over a list runs so: a million entries at once, in one callback or one native
   * call, would hold a browser's main thread for tens of ms.
   */
  const inSteps = function* (count: number, read: (from: number, to: number) => void, records = true) {
    for (let i = 0; i < count; i += STEP) {
      read(i, Math.min(count, i + STEP));
      if (records) done += Math.min(STEP, count - i);
      yield progress();
    }
  };
  /** A counting sort: where each of `groups` starts, and the records of each (by `groupOf`, -1 for none) in record order. */
  const groupRecords = function* (groupOf: Int32Array, groups: number) {
    const offsets = new Int32Array(groups + 1);
    yield* inSteps(groupOf.length, (from, to) => countRecords(groupOf, offsets, from, to), false);
    for (let g = 0; g < groups; g += STEP) accumulate(offsets, g, Math.min(groups, g + STEP));
    const records = new Int32Array(offsets[groups]!);
    const cursor = offsets.slice();
    yield* inSteps(groupOf.length, (from, to) => placeRecords(groupOf, cursor, records, from, to), false);
    return [offsets, records] as const;
  };

  // Traces: validate; number ids, users, sessions, environments and tags in order of appearance.
  const traceCheck = new RecordChecker('traces');
  const ids = new Dictionary(traceCount);
  const users = new Dictionary(8, true);
  const sessions = new Dictionary(8, true);
  const environments = new Dictionary(8, true);
  const tags = new Dictionary();
  const recordTimestamp = new Float64Array(traceCount);
  const recordUser = new Int32Array(traceCount);
  const recordSession = new Int32Array(traceCount);
  const recordEnvironment = new Int32Array(traceCount);
  const recordTags = new Int32Array(traceCount + 1);
  const rawTags: number[] = [];
  let tracesWithoutUser = 0;
  const readTraces = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const trace = traceCheck.at(i, rawTraces[i]!);
      const id = traceCheck.id(trace.id);
      // Ids are numbered as their records are: a repeat has the number of its first record.
      const first = ids.id(id);
      if (first !== i) traceCheck.fail('id', `unique among traces (records ${first} and ${i} share it)`, id);
      recordTimestamp[i] = traceCheck.date(trace.timestamp, 'timestamp');
      const userId = traceCheck.optionalString(trace.userId, 'userId');
      if (userId !== null && userId.length > MAX_USER_ID_LENGTH) {
        traceCheck.fail('userId', `at most ${MAX_USER_ID_LENGTH} characters`, userId);
      }
      const sessionId = traceCheck.optionalString(trace.sessionId, 'sessionId');
      traceCheck.optionalString(trace.name, 'name');
      const environment = traceCheck.optionalString(trace.environment, 'environment');
      const traceTags = traceCheck.stringArray(trace.tags, 'tags');
      recordUser[i] = -1;
      if (!userId) tracesWithoutUser++;
      else {
        recordUser[i] = users.id(userId);
        recordSession[i] = sessionId ? sessions.id(sessionId) : -1;
        recordEnvironment[i] = environments.id(environment || 'default');
        for (const tag of traceTags) rawTags.push(tags.id(tag));
      }
      recordTags[i + 1] = rawTags.length;
    }
  };
  yield* inSteps(traceCount, readTraces);

  // Lay traces out by user (users in code-unit order of their ids), then timestamp, then id.
  const names = users.values;
  const byName = yield* sort(
    new Int32Array(names.length).map((_, u) => u),
    (a, b) => compareIds(names[a]!, names[b]!),
  );
  const rank = new Int32Array(byName.length);
  yield* inSteps(
    byName.length,
    (from, to) => {
      for (let r = from; r < to; r++) rank[byName[r]!] = r;
    },
    false,
  );
  const traceRank = new Int32Array(traceCount);
  yield* inSteps(
    traceCount,
    (from, to) => {
      for (let i = from; i < to; i++) traceRank[i] = recordUser[i]! < 0 ? -1 : rank[recordUser[i]!]!;
    },
    false,
  );
  const [userOffsets, byUser] = yield* groupRecords(traceRank, rank.length);
  const order = yield* sort(
    byUser,
    (a, b) => traceRank[a]! - traceRank[b]! || recordTimestamp[a]! - recordTimestamp[b]! || compareIds(ids.values[a]!, ids.values[b]!),
  );
  const traceTotal = order.length;
  const traces: DatasetTrace[] = new Array(traceTotal);
  const timestamp = new Float64Array(traceTotal);
  const session = new Int32Array(traceTotal);
  const environment = new Int32Array(traceTotal);
  const tagOffsets = new Int32Array(traceTotal + 1);
  const tagData = new Int32Array(rawTags.length);
  /** Per record: its position, or -1 without a user. */
  const positionOfRecord = new Int32Array(traceCount).fill(-1);
  const place = (from: number, to: number) => {
    let k = tagOffsets[from]!;
    for (let p = from; p < to; p++) {
      const i = order[p]!;
      traces[p] = rawTraces[i]!;
      timestamp[p] = recordTimestamp[i]!;
      session[p] = recordSession[i]!;
      environment[p] = recordEnvironment[i]!;
      for (let j = recordTags[i]!; j < recordTags[i + 1]!; j++) tagData[k++] = rawTags[j]!;
      tagOffsets[p + 1] = k;
      positionOfRecord[i] = p;
    }
  };
  yield* inSteps(traceTotal, place, false);
  // The position of the trace with this id: -1 without a user, -2 when there is none.
  let lastRecord = -1;
  const positionOf = (traceId: string | null) => {
    if (traceId === null) return -2;
    // Exports often list observations and scores in their traces' order: the trace after the
    // last one found is tried before the table, whose lookups in a large dataset miss the cache.
    let record = lastRecord + 1;
    if (ids.values[record] !== traceId && (record = ids.find(traceId)) < 0) return -2;
    lastRecord = record;
    return positionOfRecord[record]!;
  };

  // Observations: validate and sum per trace.
  phase = 'observations';
  const observationCheck = new RecordChecker('observations');
  /** Per record: its trace's position, or -1 when it belongs to no user. */
  const observationTrace = new Int32Array(rawObservations.length);
  const observationRuns = runs(traceTotal);
  const observationCount = observationRuns.count;
  const inputTokens = new Float64Array(traceTotal);
  const outputTokens = new Float64Array(traceTotal);
  const totalTokens = new Float64Array(traceTotal);
  const totalCost = new Float64Array(traceTotal);
  const hasError = new Uint8Array(traceTotal);
  const level = new Int8Array(traceTotal).fill(-1);
  const firstStart = new Float64Array(traceTotal).fill(Infinity);
  const lastEnd = new Float64Array(traceTotal).fill(-Infinity);
  const tokens: ObservationTokens = { input: 0, output: 0, total: 0 };
  let observationsWithoutTrace = 0;
  let lastTraceId: string | null | undefined;
  let lastPosition = -2;
  const readObservations = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const observation = observationCheck.at(i, rawObservations[i]!);
      const id = observationCheck.id(observation.id);
      const traceId = observationCheck.optionalString(observation.traceId, 'traceId');
      const start = observationCheck.date(observation.startTime, 'startTime');
      const end = observationCheck.optionalDate(observation.endTime, 'endTime');
      // LEVELS.indexOf, written out: a call per observation measured among the scan's costliest lines.
      const severity = observation.level;
      const levelIndex =
        severity === 'DEFAULT' || severity === undefined || severity === null ? 1 : severity === 'ERROR' ? 3 : severity === 'WARNING' ? 2 : severity === 'DEBUG' ? 0 : -1;
      if (levelIndex < 0) observationCheck.oneOf(severity, 'level', LEVELS);
      observationCheck.optionalString(observation.model, 'model');
      // Bounded per value, so no sum over the dataset can leave the finite range (see figures.ts).
      readAmounts(observationCheck, observation.usageDetails, 'usageDetails', MAX_USAGE_PER_VALUE, 'tokens', tokens);
      const given = observationCheck.optionalAmount(observation.totalCost, 'totalCost', MAX_COST_PER_VALUE, 'USD');
      const details = observation.costDetails;
      const sum = readAmounts(observationCheck, details, 'costDetails', MAX_COST_PER_VALUE, 'USD');
      // As observationCost reads it: `totalCost`, else `costDetails.total`, else the sum.
      const cost = given ?? (details ? (typeof details.total === 'number' ? details.total : sum) : 0);
      // A trace's observations usually follow one another: a repeat asks nothing.
      if (traceId !== lastTraceId) lastPosition = positionOf((lastTraceId = traceId));
      const p = lastPosition;
      observationTrace[i] = p < 0 ? -1 : p;
      if (p < 0) {
        if (p < -1) observationsWithoutTrace++;
        continue;
      }
      observationRuns.add(p, id);
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
  };
  yield* inSteps(rawObservations.length, readObservations);
  const latency = new Float64Array(traceTotal);
  yield* inSteps(
    traceTotal,
    (from, to) => {
      for (let p = from; p < to; p++) latency[p] = observationCount[p] === 0 ? NaN : lastEnd[p]! - firstStart[p]!;
    },
    false,
  );
  const [observationOffsets, observationRecord] = yield* groupRecords(observationTrace, traceTotal);

  // Scores: validate, find their trace (or session) and summary name.
  phase = 'scores';
  const scoreCheck = new RecordChecker('scores');
  /** Per record: its trace's position or -1; its session (a score on no trace) or -1; its summary name or -1; its value. */
  const scoreTrace = new Int32Array(rawScores.length);
  const scoreSession = new Int32Array(rawScores.length);
  const scoreName = new Int32Array(rawScores.length);
  const scoreNumber = new Float64Array(rawScores.length);
  const scoreRuns = runs(traceTotal);
  const sessionScoreRuns = runs(sessions.values.length);
  const scoreNames = new Dictionary();
  const numericNames = new Set<string>();
  let scoresWithoutTrace = 0;
  lastTraceId = undefined;
  const readScores = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const score = scoreCheck.at(i, rawScores[i]!);
      const id = scoreCheck.id(score.id);
      scoreCheck.string(score.name, 'name');
      if (score.timestamp === null || score.timestamp === undefined) scoreCheck.fail('timestamp', 'an ISO-8601 date-time string', score.timestamp);
      scoreCheck.optionalDate(score.timestamp, 'timestamp');
      const dataType = scoreCheck.oneOf(score.dataType, 'dataType', SCORE_TYPES);
      scoreCheck.oneOf(score.source, 'source', SCORE_SOURCES);
      const value = scoreCheck.optionalNumber(score.value, 'value');
      // Summaries average NUMERIC and BOOLEAN values; other types may be labels only (Langfuse's v3 API answers a category as its label).
      const counts = dataType === 'NUMERIC' || dataType === 'BOOLEAN';
      if (value === null && counts) scoreCheck.fail('value', `a finite number for a ${dataType} score`, value);
      if (dataType === 'BOOLEAN' && value !== 0 && value !== 1) scoreCheck.fail('value', '0 or 1 for a BOOLEAN score', value);
      scoreCheck.optionalString(score.stringValue, 'stringValue');
      scoreCheck.optionalString(score.comment, 'comment');
      scoreCheck.optionalString(score.observationId, 'observationId');
      const traceId = scoreCheck.optionalString(score.traceId, 'traceId');
      const sessionId = scoreCheck.optionalString(score.sessionId, 'sessionId');
      if (traceId !== lastTraceId) lastPosition = positionOf((lastTraceId = traceId));
      const p = lastPosition;
      // A score on no trace is on its session, if that is a session of a user's trace.
      const s = p < 0 && traceId === null && sessionId ? sessions.find(sessionId) : -1;
      scoreTrace[i] = p < 0 ? -1 : p;
      scoreSession[i] = s;
      if (p >= 0) scoreRuns.add(p, id);
      else if (s >= 0) sessionScoreRuns.add(s, id);
      else {
        if (p < -1) scoresWithoutTrace++;
        continue;
      }
      scoreName[i] = counts ? scoreNames.id(score.name) : -1;
      scoreNumber[i] = counts ? value! : 0;
      if (dataType === 'NUMERIC') numericNames.add(score.name);
    }
  };
  yield* inSteps(rawScores.length, readScores);
  phase = 'index';
  const [scoreOffsets, scoreRecord] = yield* groupRecords(scoreTrace, traceTotal);
  const [sessionScoreOffsets, sessionScoreRecord] = yield* groupRecords(scoreSession, sessions.values.length);
  /** The scores at `slots`, with their summary names and values. */
  const scoresAt = function* (slots: Int32Array) {
    const records: DatasetScore[] = new Array(slots.length);
    const names = new Int32Array(slots.length);
    const values = new Float64Array(slots.length);
    yield* inSteps(slots.length, (from, to) => {
      for (let k = from; k < to; k++) {
        records[k] = rawScores[slots[k]!]!;
        names[k] = scoreName[slots[k]!]!;
        values[k] = scoreNumber[slots[k]!]!;
      }
    }, false);
    return [records, names, values] as const;
  };
  const [scores, scoreSummaryName, scoreValue] = yield* scoresAt(scoreRecord);
  const [sessionScores, sessionScoreSummaryName, sessionScoreValue] = yield* scoresAt(sessionScoreRecord);

  // A record given twice (two overlapping exports concatenated) would be counted twice. Such
  // copies share their trace, so ids are compared within each trace: as they were read for the
  // records of a trace listed together, and here for the traces marked then.
  yield* rejectDuplicates(observationCheck, rawObservations, observationOffsets, observationRecord, observationRuns.marked, 'observations', sort);
  yield* rejectDuplicates(scoreCheck, rawScores, scoreOffsets, scoreRecord, scoreRuns.marked, 'scores', sort);
  yield* rejectDuplicates(scoreCheck, rawScores, sessionScoreOffsets, sessionScoreRecord, sessionScoreRuns.marked, 'scores', sort);

  const userIds: string[] = [];
  const usersLower: string[] = [];
  yield* inSteps(
    byName.length,
    (from, to) => {
      for (let r = from; r < to; r++) {
        userIds.push(names[byName[r]!]!);
        usersLower.push(foldCase(userIds[r]!));
      }
    },
    false,
  );
  return {
    users: userIds,
    usersLower,
    userOffsets,
    traces,
    timestamp,
    session,
    sessionIds: sessions.values,
    environment,
    environments: environments.values,
    tagOffsets,
    tagData,
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
    scoreNameBoolean: Uint8Array.from(scoreNames.values, (name) => (numericNames.has(name) ? 0 : 1)),
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

/**
 * Interns strings as small integers (in order of first sight) so per-trace columns stay typed
 * arrays. An open-addressing table of FNV-1a hashes written by hand rather than a `Map`: with a
 * million records' ids spread over the heap, a `Map` compares each new key with others of its
 * bucket and rehashes every key as it grows, each a cache miss, and measured twice as slow here;
 * this table compares stored hashes first and grows from them alone.
 */
export class Dictionary {
  readonly values: string[] = [];
  /** Per slot: the number of the string there plus one (0 for an empty slot), then its hash. */
  private table: Int32Array;
  private last: string | undefined;
  private lastId = -1;
  /** `repeats`: the strings often come again at once (a user's traces), so the last one is checked first. */
  constructor(
    expected = 8,
    private readonly repeats = false,
  ) {
    this.table = new Int32Array(4 << Math.ceil(Math.log2(expected + 8)));
  }

  /** The number of `value`, given the next one if it is new. */
  id(value: string): number {
    if (this.repeats && value === this.last) return this.lastId;
    const hash = fnv(value);
    const slot = this.slotOf(value, hash);
    let id = this.table[slot]! - 1;
    if (id < 0) {
      id = this.values.push(value) - 1;
      this.table[slot] = id + 1;
      this.table[slot + 1] = hash;
      if (this.values.length * 4 > this.table.length) this.grow();
    }
    this.last = value;
    return (this.lastId = id);
  }

  /** The number of `value`; -1 when it has none. */
  find(value: string): number {
    return this.table[this.slotOf(value, fnv(value))]! - 1;
  }

  private slotOf(value: string, hash: number, table = this.table): number {
    const mask = table.length - 2;
    let slot = (hash << 1) & mask;
    for (let id = table[slot]!; id !== 0 && (table[slot + 1] !== hash || this.values[id - 1] !== value); id = table[slot]!) slot = (slot + 2) & mask;
    return slot;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    const mask = this.table.length - 2;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue;
      // The first free slot: the values are distinct, so no comparison (one with '' would stop at
      // the slot of '' for a string of the same hash).
      let slot = (old[from + 1]! << 1) & mask;
      while (this.table[slot] !== 0) slot = (slot + 2) & mask;
      this.table[slot] = old[from]!;
      this.table[slot + 1] = old[from + 1]!;
    }
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv(value: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * Records of one list counted by group (trace or session), and watched for two with one id as
 * they are read: those of a group listed together are compared then (a handful, so pairwise),
 * and a group whose records are apart, or more than 16, is marked for `rejectDuplicates`.
 */
function runs(groups: number) {
  const count = new Int32Array(groups);
  const marked = new Uint8Array(groups);
  const ids: string[] = [];
  let group = -1;
  let size = 0;
  return {
    count,
    marked,
    add(g: number, id: string): void {
      if (g !== group) {
        if (count[g]! > 0) marked[g] = 1;
        group = g;
        size = 0;
      }
      count[g]!++;
      if (size === 16) marked[g] = 1;
      else {
        for (let k = 0; k < size; k++) if (ids[k] === id) marked[g] = 1;
        ids[size++] = id;
      }
    },
  };
}

/** Throws for the first two records of one marked group (trace or session) that share an id. */
function* rejectDuplicates(
  check: RecordChecker,
  records: readonly { id: string }[],
  offsets: Int32Array,
  order: Int32Array,
  marked: Uint8Array,
  kind: string,
  sort: StepSort,
): Generator<void, void, void> {
  const reject = (first: number, second: number): never => {
    check.at(second, records[second]);
    return check.fail('id', `unique among ${kind} (records ${first} and ${second} share it)`, records[second]!.id);
  };
  for (let p = marked.indexOf(1); p >= 0; p = marked.indexOf(1, p + 1)) {
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
    const group = yield* sort(order.slice(start, end), (a, b) => compareIds(records[a]!.id, records[b]!.id) || a - b);
    for (let i = 1; i < group.length; i++) {
      if (records[group[i]!]!.id === records[group[i - 1]!]!.id) reject(group[i - 1]!, group[i]!);
    }
  }
}

/**
 * Checks a `{ key: amount }` map as `RecordChecker.amountMap` does (which words any error) and
 * sums its values in the same pass; given `tokens`, also reads it as `observationTokens` does.
 * Written out because, at a million observations, the one pass without an object per call
 * measured a tenth of the index build faster than checking and reading in turn.
 */
function readAmounts(check: RecordChecker, details: unknown, field: string, max: number, unit: string, tokens?: ObservationTokens): number {
  let sum = 0;
  let input = 0;
  let output = 0;
  let total: number | undefined;
  if (details !== undefined && details !== null) {
    const map = details as Record<string, number>;
    if (typeof map !== 'object' || Array.isArray(map)) check.amountMap(map, field, max, unit);
    for (const key in map) {
      const value = map[key]!;
      if (typeof value !== 'number' || !isAmount(value, max)) check.amountMap(map, field, max, unit);
      sum += value;
      if (!tokens) continue;
      if (key === 'total') total = value;
      // The usual keys by identity, others by what they hold.
      const kind = key === 'input' ? 1 : key === 'output' ? 2 : key === 'total' ? 0 : (key.toLowerCase().includes('input') ? 1 : 0) | (key.toLowerCase().includes('output') ? 2 : 0);
      if (kind & 1) input += value;
      if (kind & 2) output += value;
    }
  }
  if (tokens) {
    tokens.input = input;
    tokens.output = output;
    tokens.total = total ?? input + output;
  }
  return sum;
}

/** `groupRecords`' loops: counts records per group, sums the counts up to offsets, and places records at their group's cursor. */
function countRecords(groupOf: Int32Array, offsets: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) if (groupOf[i]! >= 0) offsets[groupOf[i]! + 1]!++;
}
function accumulate(offsets: Int32Array, from: number, to: number): void {
  for (let g = from; g < to; g++) offsets[g + 1]! += offsets[g]!;
}
function placeRecords(groupOf: Int32Array, cursor: Int32Array, records: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) if (groupOf[i]! >= 0) records[cursor[groupOf[i]!]!++] = i;
}
