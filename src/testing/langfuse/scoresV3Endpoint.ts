import type { DatasetScore } from '../../client/dataset.js';
import { cursorPage, decodeCursor, encodeCursor } from './cursor.js';
import type { FakeIndex } from './fakeIndex.js';
import { badRequest } from '../../client/http/httpRefusal.js';
import { dateParam, fieldGroupsParam, integerParam, listParam, numberParam, stringParam } from './params.js';
import { isoOf, isoOrRaw } from './isoTime.js';
import { scoreSubject, scoreValueV3 } from './scoreValues.js';

/**
 * GET /api/public/v3/scores: newest first (timestamp descending, then id descending), base64url
 * cursor, polymorphic `value`, optional field groups, and the spec's 400 rules for the value
 * filters and for mutually exclusive subject filters.
 */

const FIELD_GROUPS = ['details', 'subject', 'annotation'] as const;
const DATA_TYPES = ['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'TEXT', 'CORRECTION'];
const SOURCES = ['API', 'ANNOTATION', 'EVAL'];

type ScorePredicate = (score: DatasetScore, s: number) => boolean;

export function getScoresV3(index: FakeIndex, url: URL): { data: Record<string, unknown>[]; meta: { limit: number; cursor?: string } } {
  const params = url.searchParams;
  const limit = integerParam(params, 'limit', 1, 100) ?? 50;
  const cursor = stringParam(params, 'cursor');
  const after = cursor === undefined ? null : decodeCursor(cursor);
  const groups = fieldGroupsParam(params, FIELD_GROUPS, []);
  const predicates: ScorePredicate[] = [];
  const oneOf = (name: string, read: (score: DatasetScore, s: number) => unknown, normalize: (value: string) => string = (v) => v) => {
    const values = listParam(params, name);
    if (!values) return;
    const wanted = new Set(values.map(normalize));
    predicates.push((score, s) => {
      const value = read(score, s);
      return typeof value === 'string' && wanted.has(normalize(value));
    });
  };

  const dataTypes = listParam(params, 'dataType')?.map((type) => type.toUpperCase());
  for (const type of dataTypes ?? []) {
    if (!DATA_TYPES.includes(type)) throw badRequest(`Invalid dataType "${type}": expected one of ${DATA_TYPES.join(', ')}.`);
  }
  for (const source of listParam(params, 'source') ?? []) {
    if (!SOURCES.includes(source.toUpperCase())) throw badRequest(`Invalid source "${source}": expected one of ${SOURCES.join(', ')}.`);
  }
  oneOf('id', (score) => score.id);
  oneOf('name', (score) => score.name);
  oneOf('source', (score) => score.source, (v) => v.toUpperCase());
  oneOf('dataType', (score) => score.dataType, (v) => v.toUpperCase());
  oneOf('environment', (_, s) => index.scoreEnvironment(s));
  oneOf('configId', (score) => score.configId);
  oneOf('queueId', (score) => score.queueId);
  oneOf('authorUserId', (score) => score.authorUserId);

  const traceIds = listParam(params, 'traceId');
  const sessionIds = listParam(params, 'sessionId');
  const observationIds = listParam(params, 'observationId');
  const experimentIds = listParam(params, 'experimentId');
  if (observationIds && !traceIds) throw badRequest('Invalid observationId: it requires traceId, because observation ids are scoped to a trace.');
  if (traceIds && (sessionIds || experimentIds)) throw badRequest('Invalid filters: traceId cannot be combined with sessionId or experimentId.');
  if (sessionIds && (observationIds || experimentIds)) throw badRequest('Invalid filters: sessionId cannot be combined with observationId or experimentId.');
  oneOf('traceId', (score) => score.traceId);
  oneOf('sessionId', (score) => score.sessionId);
  oneOf('observationId', (score) => score.observationId);
  oneOf('experimentId', (score) => score.datasetRunId);

  const from = dateParam(params, 'fromTimestamp');
  if (from !== undefined) predicates.push((_, s) => index.scoreTime[s]! >= from);
  const to = dateParam(params, 'toTimestamp');
  if (to !== undefined) predicates.push((_, s) => index.scoreTime[s]! < to);

  valueFilters(params, dataTypes, predicates);

  const page = cursorPage({
    order: () => index.scoreOrder(),
    candidates: traceIds ? traceIds.flatMap((id) => index.scoresByTraceId.get(id) ?? []) : null,
    compare: index.compareScores,
    time: index.scoreTime,
    id: (s) => index.scores[s]!.id,
    predicate: predicates.length === 0 ? null : (s) => predicates.every((predicate) => predicate(index.scores[s]!, s)),
    after,
    limit,
  });
  return {
    data: page.records.map((s) => scoreItem(index, s, groups)),
    meta: { limit, ...(page.next ? { cursor: encodeCursor(page.next, true) } : {}) },
  };
}

/** value / valueMin / valueMax, with the spec's rules on the dataType they need. */
function valueFilters(params: URLSearchParams, dataTypes: string[] | undefined, predicates: ScorePredicate[]): void {
  const values = listParam(params, 'value');
  const min = numberParam(params, 'valueMin');
  const max = numberParam(params, 'valueMax');
  const single = dataTypes?.length === 1 ? dataTypes[0] : undefined;
  if (values) {
    if (!single || !['NUMERIC', 'BOOLEAN', 'CATEGORICAL'].includes(single)) {
      throw badRequest('Invalid value: filtering by value needs exactly one dataType, NUMERIC, BOOLEAN or CATEGORICAL.');
    }
    if (single === 'BOOLEAN') {
      if (!values.every((v) => v === 'true' || v === 'false')) throw badRequest('Invalid value: BOOLEAN values must be "true" or "false".');
      const wanted = new Set<number>(values.map((v) => (v === 'true' ? 1 : 0)));
      predicates.push((score) => typeof score.value === 'number' && wanted.has(score.value));
    } else if (single === 'NUMERIC') {
      const numbers = values.map(Number);
      if (!numbers.every(Number.isFinite)) throw badRequest('Invalid value: NUMERIC values must be finite numbers.');
      predicates.push((score) => typeof score.value === 'number' && numbers.includes(score.value));
    } else {
      const wanted = new Set(values);
      predicates.push((score) => typeof score.stringValue === 'string' && wanted.has(score.stringValue));
    }
  }
  if (min !== undefined || max !== undefined) {
    if (single !== 'NUMERIC') throw badRequest('Invalid valueMin/valueMax: they need dataType=NUMERIC as the only dataType.');
    if (min !== undefined) predicates.push((score) => typeof score.value === 'number' && score.value >= min);
    if (max !== undefined) predicates.push((score) => typeof score.value === 'number' && score.value <= max);
  }
}

function scoreItem(index: FakeIndex, s: number, groups: ReadonlySet<string>): Record<string, unknown> {
  const score = index.scores[s]!;
  const timestamp = isoOrRaw(index.scoreTime[s]!, score.timestamp);
  const createdAt = isoOf(score.createdAt) ?? timestamp;
  const item: Record<string, unknown> = {
    id: score.id,
    projectId: index.projectId,
    name: score.name,
    value: scoreValueV3(score),
    dataType: score.dataType,
    source: score.source,
    timestamp,
    environment: index.scoreEnvironment(s),
    createdAt,
    updatedAt: isoOf(score.updatedAt) ?? createdAt,
  };
  if (groups.has('details')) {
    Object.assign(item, {
      comment: score.comment ?? null,
      configId: typeof score.configId === 'string' ? score.configId : null,
      metadata: score.metadata && typeof score.metadata === 'object' && !Array.isArray(score.metadata) ? score.metadata : null,
    });
  }
  if (groups.has('annotation')) {
    Object.assign(item, {
      authorUserId: typeof score.authorUserId === 'string' ? score.authorUserId : null,
      queueId: typeof score.queueId === 'string' ? score.queueId : null,
    });
  }
  if (groups.has('subject')) item.subject = scoreSubject(score);
  return item;
}
