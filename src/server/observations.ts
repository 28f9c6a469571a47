import { parseIsoDate } from '../client/parseIsoDate.js';
import { badRequest } from '../client/http/httpRefusal.js';
import type { FilterCondition } from './filters.js';
import { parseFilterList } from './filters.js';
import type { Params } from './params.js';
import { checkFieldGroups, single } from './params.js';
import type { ResolvedScope } from './scope.js';
import { scopeConditions } from './scope.js';

/**
 * `GET /api/public/v2/observations`: Langfuse lets a `filter` parameter take precedence over the
 * individual filter parameters, so a scope sent as individual parameters could be bypassed with
 * a `filter`, and a scope sent as `filter` would silently drop the caller's individual ones.
 * The proxy therefore folds every individual filter into conditions, adds the caller's own
 * `filter` conditions and then the scope's, and sends one `filter` and no individual filters.
 * Only the field groups userlens reads may be asked for, and no untruncated metadata: the
 * others (metadata, time, prompt, metrics) only make pages larger.
 */

export const OBSERVATION_PARAMS = [
  'fields',
  'expandMetadata',
  'limit',
  'cursor',
  'parseIoAsJson',
  'name',
  'userId',
  'sessionId',
  'type',
  'traceId',
  'level',
  'parentObservationId',
  'isRootObservation',
  'environment',
  'fromStartTime',
  'toStartTime',
  'version',
  'filter',
] as const;

/** Not filters: passed through as they are (after the checks below). */
const PASSTHROUGH = ['fields', 'limit', 'cursor', 'parseIoAsJson'] as const;

/** The field groups userlens's client asks for. */
export const OBSERVATION_FIELD_GROUPS = ['core', 'basic', 'usage', 'model', 'trace_context', 'io'] as const;

/** Individual parameters that are an equality on the filter column of the same name. */
const EQUALITY_COLUMNS = ['userId', 'sessionId', 'traceId', 'name', 'type', 'level', 'version'] as const;

function datetime(params: Params, name: string, operator: '>=' | '<'): FilterCondition | null {
  const value = single(params, name);
  if (value === undefined) return null;
  if (Number.isNaN(parseIsoDate(value))) throw badRequest(`The "${name}" parameter is not an ISO-8601 date-time.`);
  return { type: 'datetime', column: 'startTime', operator, value };
}

/** The individual filter parameters as conditions (the spec's `filter` columns). */
export function individualConditions(params: Params): FilterCondition[] {
  if (params.has('parentObservationId')) {
    // No filter column expresses it, and a `filter` (always sent) would make Langfuse ignore it.
    throw badRequest('The "parentObservationId" parameter is not available through this proxy; filter on "isRootObservation" instead.');
  }
  const conditions: FilterCondition[] = [];
  for (const column of EQUALITY_COLUMNS) {
    const value = single(params, column);
    if (value !== undefined) conditions.push({ type: 'string', column, operator: '=', value });
  }
  const environments = params.get('environment');
  if (environments) conditions.push({ type: 'stringOptions', column: 'environment', operator: 'any of', value: environments });
  const isRoot = single(params, 'isRootObservation');
  if (isRoot !== undefined) {
    if (isRoot !== 'true' && isRoot !== 'false') throw badRequest('The "isRootObservation" parameter must be true or false.');
    conditions.push({ type: 'boolean', column: 'isRootObservation', operator: '=', value: isRoot === 'true' });
  }
  for (const condition of [datetime(params, 'fromStartTime', '>='), datetime(params, 'toStartTime', '<')]) {
    if (condition) conditions.push(condition);
  }
  return conditions;
}

/** The parameters to send upstream: pass-through ones plus a single `filter` that carries the scope. */
export function scopeObservationParams(params: Params, scope: ResolvedScope | null): Params {
  if (params.has('expandMetadata')) throw badRequest('The "expandMetadata" parameter is not available through this proxy.');
  checkFieldGroups(params, OBSERVATION_FIELD_GROUPS);
  const callerFilter = single(params, 'filter');
  const conditions = [
    ...(callerFilter === undefined ? [] : parseFilterList(callerFilter, 'filter')),
    ...individualConditions(params),
    ...scopeConditions(scope),
  ];
  const upstream: Params = new Map();
  for (const name of PASSTHROUGH) {
    const values = params.get(name);
    if (values) upstream.set(name, values);
  }
  if (conditions.length > 0) upstream.set('filter', [JSON.stringify(conditions)]);
  return upstream;
}
