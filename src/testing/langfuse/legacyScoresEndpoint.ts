import type { DatasetScore } from '../../client/dataset.js';
import type { FakeIndex } from './fakeIndex.js';
import type { Column, Predicate } from './filters.js';
import { compileFilters, parseFilterList } from './filters.js';
import { badRequest } from '../../client/http/httpRefusal.js';
import { isoOf, isoOrRaw } from './isoTime.js';
import { offsetPage, pageParams } from './offsetPage.js';
import { arrayParam, dateParam, fieldGroupsParam, listParam, numberParam, stringParam } from './params.js';
import { labelOf } from './scoreValues.js';

/**
 * GET /api/public/v2/scores (Langfuse v3; gone in v4): scores in the legacy shape (numeric
 * `value` plus `stringValue`), each with its trace's user, tags, environment and session,
 * newest first (timestamp descending, then id descending), page-numbered.
 */

const DATA_TYPES = ['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION'];
const SOURCES = ['API', 'ANNOTATION', 'EVAL'];
const OPERATORS = ['<', '>', '<=', '>=', '!=', '='];

export function getScoresV2(index: FakeIndex, url: URL) {
  const params = url.searchParams;
  const { page, limit } = pageParams(params, 100);
  const groups = fieldGroupsParam(params, ['score', 'trace'] as const, ['score', 'trace']);
  const predicates: Predicate[] = [];
  const record = (s: number): DatasetScore => index.scores[s]!;
  const equals = (name: string, read: (s: number) => unknown) => {
    const value = stringParam(params, name);
    if (value !== undefined) predicates.push((s) => read(s) === value);
  };

  const userId = stringParam(params, 'userId');
  const traceTags = arrayParam(params, 'traceTags');
  if ((userId !== undefined || traceTags) && !groups.has('trace')) {
    throw badRequest('Invalid fields: filtering by userId or traceTags needs the "trace" field group.');
  }
  equals('userId', (s) => index.scoreUserId(s));
  if (traceTags) predicates.push((s) => traceTags.every((tag) => (index.traceOfScore(s)?.tags ?? []).includes(tag)));
  equals('name', (s) => record(s).name);
  equals('configId', (s) => record(s).configId);
  equals('sessionId', (s) => record(s).sessionId);
  equals('datasetRunId', (s) => record(s).datasetRunId);
  equals('traceId', (s) => record(s).traceId);
  equals('queueId', (s) => record(s).queueId);
  const source = stringParam(params, 'source');
  if (source !== undefined && !SOURCES.includes(source)) throw badRequest(`Invalid source "${source}": expected one of ${SOURCES.join(', ')}.`);
  equals('source', (s) => record(s).source);
  const dataType = stringParam(params, 'dataType');
  if (dataType !== undefined && !DATA_TYPES.includes(dataType)) throw badRequest(`Invalid dataType "${dataType}": expected one of ${DATA_TYPES.join(', ')}.`);
  equals('dataType', (s) => record(s).dataType);
  for (const [name, read] of [
    ['scoreIds', (s: number) => record(s).id],
    ['observationId', (s: number) => record(s).observationId],
  ] as const) {
    const values = listParam(params, name);
    if (values) predicates.push((s) => values.includes(read(s) as string));
  }
  const environments = arrayParam(params, 'environment');
  if (environments) predicates.push((s) => environments.includes(index.scoreEnvironment(s)));
  const from = dateParam(params, 'fromTimestamp');
  if (from !== undefined) predicates.push((s) => index.scoreTime[s]! >= from);
  const to = dateParam(params, 'toTimestamp');
  if (to !== undefined) predicates.push((s) => index.scoreTime[s]! < to);
  predicates.push(...valueCondition(params, record));
  if (params.has('filter') && params.get('filter') !== '') {
    const filter = compileFilters(parseFilterList(params.get('filter'), 'filter'), scoreColumns(index), 'filter');
    if (filter) predicates.push(filter);
  }

  // A trace or user narrows the scan to that trace's / user's scores.
  const traceId = stringParam(params, 'traceId');
  let pool: number[] | null = null;
  if (traceId !== undefined) pool = [...(index.scoresByTraceId.get(traceId) ?? [])];
  else if (userId !== undefined) {
    pool = [];
    for (const t of index.tracesByUser.get(userId) ?? []) for (const s of index.scoresByTraceId.get(index.traces[t]!.id) ?? []) pool.push(s);
  }
  const ordered = pool ? [...new Set(pool)].sort(index.compareScores) : index.scoreOrder();
  const matching: number[] = [];
  for (const s of ordered) if (predicates.every((predicate) => predicate(s))) matching.push(s);

  const { items, meta } = offsetPage(matching, page, limit);
  return { data: items.map((s) => scoreItem(index, s, groups.has('trace'))), meta };
}

/** `operator` and `value` together: a comparison on the numeric value. */
function valueCondition(params: URLSearchParams, record: (s: number) => DatasetScore): Predicate[] {
  const operator = stringParam(params, 'operator');
  const value = numberParam(params, 'value');
  if (operator === undefined && value === undefined) return [];
  if (operator === undefined || value === undefined) throw badRequest('Invalid value filter: pass operator and value together.');
  if (!OPERATORS.includes(operator)) throw badRequest(`Invalid operator "${operator}": expected one of ${OPERATORS.join(', ')}.`);
  return [
    (s) => {
      const v = record(s).value;
      if (typeof v !== 'number') return false;
      switch (operator) {
        case '<':
          return v < value;
        case '>':
          return v > value;
        case '<=':
          return v <= value;
        case '>=':
          return v >= value;
        case '!=':
          return v !== value;
        default:
          return v === value;
      }
    },
  ];
}

function scoreColumns(index: FakeIndex): Record<string, Column> {
  const record = (s: number): DatasetScore => index.scores[s]!;
  const string = (get: (s: number) => unknown): Column => ({ kind: 'string', get: (s) => (typeof get(s) === 'string' ? get(s) : null) });
  return {
    id: string((s) => record(s).id),
    name: string((s) => record(s).name),
    source: string((s) => record(s).source),
    dataType: string((s) => record(s).dataType),
    environment: string((s) => index.scoreEnvironment(s)),
    traceId: string((s) => record(s).traceId),
    observationId: string((s) => record(s).observationId),
    userId: string((s) => index.scoreUserId(s)),
    stringValue: string((s) => record(s).stringValue),
    value: { kind: 'number', get: (s) => (typeof record(s).value === 'number' ? record(s).value : null) },
    timestamp: { kind: 'datetime', get: (s) => index.scoreTime[s] },
    tags: { kind: 'array', get: (s) => index.traceOfScore(s)?.tags ?? [] },
    metadata: { kind: 'object', get: (s) => record(s).metadata ?? null },
  };
}

function scoreItem(index: FakeIndex, s: number, withTrace: boolean): Record<string, unknown> {
  const score = index.scores[s]!;
  const timestamp = isoOrRaw(index.scoreTime[s]!, score.timestamp);
  const createdAt = isoOf(score.createdAt) ?? timestamp;
  const item: Record<string, unknown> = {
    id: score.id,
    traceId: score.traceId ?? null,
    sessionId: text(score.sessionId),
    observationId: score.observationId ?? null,
    datasetRunId: text(score.datasetRunId),
    name: score.name,
    source: score.source,
    timestamp,
    createdAt,
    updatedAt: isoOf(score.updatedAt) ?? createdAt,
    authorUserId: text(score.authorUserId),
    comment: score.comment ?? null,
    metadata: score.metadata ?? null,
    configId: text(score.configId),
    queueId: text(score.queueId),
    environment: index.scoreEnvironment(s),
    dataType: score.dataType,
  };
  const numeric = typeof score.value === 'number' ? score.value : 0;
  switch (score.dataType) {
    case 'NUMERIC':
      item.value = numeric;
      break;
    case 'BOOLEAN':
      item.value = numeric;
      item.stringValue = numeric === 1 ? 'True' : 'False';
      break;
    case 'TEXT':
      item.stringValue = labelOf(score);
      break;
    default:
      // CATEGORICAL (0 without a config) and CORRECTION (always 0).
      item.value = score.dataType === 'CORRECTION' ? 0 : numeric;
      item.stringValue = labelOf(score);
  }
  if (withTrace) {
    const trace = index.traceOfScore(s);
    item.trace = trace
      ? { userId: trace.userId ?? null, tags: trace.tags ?? [], environment: trace.environment || 'default', sessionId: trace.sessionId ?? null }
      : null;
  }
  return item;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
