import { cursorPage, decodeCursor, encodeCursor } from './cursor.js';
import type { FakeIndex } from './fakeIndex.js';
import type { FilterCondition } from './filters.js';
import { compileFilters, parseFilterList } from './filters.js';
import { badRequest } from '../../client/http/httpRefusal.js';
import { observationColumns } from './observationColumns.js';
import { OBSERVATION_FIELD_GROUPS, observationItem } from './observationItem.js';
import type { ObservationFieldGroup } from './observationItem.js';
import { arrayParam, booleanParam, dateParam, fieldGroupsParam, integerParam, listParam, stringParam } from './params.js';

/**
 * GET /api/public/v2/observations: newest first (startTime descending, then id descending),
 * cursor-paginated, with field groups. A `filter` JSON takes precedence over the individual
 * filter parameters, as the spec says.
 */

const LEVELS = ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'];

export function getObservations(index: FakeIndex, url: URL): { data: Record<string, unknown>[]; meta: { cursor?: string } } {
  const params = url.searchParams;
  const groups = fieldGroupsParam<ObservationFieldGroup>(params, OBSERVATION_FIELD_GROUPS, ['core', 'basic']);
  const limit = integerParam(params, 'limit', 1, 1000) ?? 50;
  const cursor = stringParam(params, 'cursor');
  const after = cursor === undefined ? null : decodeCursor(cursor);
  if (booleanParam(params, 'parseIoAsJson') === true) {
    throw badRequest('parseIoAsJson=true is no longer supported: input and output are always returned as raw strings. Remove the parameter.');
  }
  const expandMetadata = new Set(listParam(params, 'expandMetadata') ?? []);

  const conditions = params.has('filter') && params.get('filter') !== '' ? parseFilterList(params.get('filter'), 'filter') : conditionsFromParams(params);
  const predicate = compileFilters(conditions, observationColumns(index), 'filter');

  const page = cursorPage({
    order: () => index.observationOrder(),
    candidates: candidates(index, conditions),
    compare: index.compareObservations,
    time: index.obsStart,
    id: (i) => index.observations[i]!.id,
    predicate,
    after,
    limit,
  });
  return {
    data: page.records.map((i) => observationItem(index, i, groups, expandMetadata)),
    meta: page.next ? { cursor: encodeCursor(page.next, false) } : {},
  };
}

/** The individual filter parameters, as filter conditions over the same columns. */
export function conditionsFromParams(params: URLSearchParams): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  const equals = (column: string, value: string | undefined) => {
    if (value !== undefined) conditions.push({ type: 'string', column, operator: '=', value });
  };
  equals('name', stringParam(params, 'name'));
  equals('userId', stringParam(params, 'userId'));
  equals('sessionId', stringParam(params, 'sessionId'));
  equals('type', stringParam(params, 'type'));
  equals('traceId', stringParam(params, 'traceId'));
  equals('version', stringParam(params, 'version'));
  const level = stringParam(params, 'level');
  if (level !== undefined && !LEVELS.includes(level)) throw badRequest(`Invalid level "${level}": expected one of ${LEVELS.join(', ')}.`);
  equals('level', level);
  // Present but empty: only observations without a physical parent.
  if (params.has('parentObservationId')) {
    const parent = params.get('parentObservationId')!;
    conditions.push(parent === '' ? { type: 'null', column: 'parentObservationId', operator: 'is null' } : { type: 'string', column: 'parentObservationId', operator: '=', value: parent });
  }
  const root = booleanParam(params, 'isRootObservation');
  if (root !== undefined) conditions.push({ type: 'boolean', column: 'isRootObservation', operator: '=', value: root });
  const environments = arrayParam(params, 'environment');
  if (environments) conditions.push({ type: 'stringOptions', column: 'environment', operator: 'any of', value: environments });
  const from = dateParam(params, 'fromStartTime');
  if (from !== undefined) conditions.push({ type: 'datetime', column: 'startTime', operator: '>=', value: new Date(from).toISOString() });
  const to = dateParam(params, 'toStartTime');
  if (to !== undefined) conditions.push({ type: 'datetime', column: 'startTime', operator: '<', value: new Date(to).toISOString() });
  return conditions;
}

/**
 * Observations an exact trace, session or user condition confines the answer to, from the
 * index, so such a page costs a sort of those only; null when no condition narrows it.
 */
export function candidates(index: FakeIndex, conditions: readonly FilterCondition[]): number[] | null {
  for (const column of ['traceId', 'sessionId', 'userId']) {
    const values = exactValues(conditions, column);
    // "" also matches observations without one: no index holds those.
    if (!values || values.includes('')) continue;
    const result: number[] = [];
    for (const value of values) {
      if (column === 'traceId') {
        appendAll(result, index.observationsByTraceId.get(value));
        continue;
      }
      const traces = (column === 'userId' ? index.tracesByUser : index.tracesBySession).get(value) ?? [];
      for (const t of traces) appendAll(result, index.observationsByTraceId.get(index.traces[t]!.id));
    }
    return result;
  }
  return null;
}

function exactValues(conditions: readonly FilterCondition[], column: string): string[] | null {
  for (const { type, column: name, operator, value } of conditions) {
    if (name !== column) continue;
    if (type === 'string' && operator === '=' && typeof value === 'string') return [value];
    if ((type === 'stringOptions' || type === 'categoryOptions') && operator === 'any of' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      return value as string[];
    }
  }
  return null;
}

/** push(...items) without the argument-count limit of a spread. */
function appendAll(target: number[], items: readonly number[] | undefined): void {
  if (items) for (const item of items) target.push(item);
}
