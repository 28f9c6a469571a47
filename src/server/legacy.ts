import { forbidden } from '../client/http/httpRefusal.js';
import type { Params, Plan } from './params.js';
import { positiveInteger, single } from './params.js';
import type { ResolvedScope } from './scope.js';
import { constrainsUsers, intersectEnvironments, userIdAllowed } from './scope.js';

/**
 * The legacy list endpoints of v3 deployments (`/api/public/traces`, `/api/public/observations`,
 * `/api/public/v2/scores`) filter by one exact `userId` and by repeated `environment` and tag
 * parameters. Under a user scope the `userId` is required and must lie in the scope;
 * environments are intersected; the scope's tags are added to the caller's (the endpoints keep
 * only items carrying all of them) — legacy observations have no tag parameter, so a tag scope
 * refuses them. Their `filter` parameter takes precedence over the individual ones upstream,
 * so it is refused under a scope.
 */

export const LEGACY_TRACE_PARAMS = [
  'page',
  'limit',
  'userId',
  'name',
  'sessionId',
  'fromTimestamp',
  'toTimestamp',
  'orderBy',
  'tags',
  'version',
  'release',
  'environment',
  'fields',
  'filter',
] as const;

/** The `fields` groups of `/api/public/traces` userlens reads; the parameter is required. */
export const LEGACY_TRACE_FIELD_GROUPS = ['core', 'io'] as const;

export const LEGACY_OBSERVATION_PARAMS = [
  'page',
  'limit',
  'name',
  'userId',
  'type',
  'traceId',
  'level',
  'parentObservationId',
  'environment',
  'fromStartTime',
  'toStartTime',
  'version',
  'filter',
] as const;

export const LEGACY_SCORE_PARAMS = [
  'page',
  'limit',
  'userId',
  'name',
  'fromTimestamp',
  'toTimestamp',
  'environment',
  'source',
  'operator',
  'value',
  'scoreIds',
  'configId',
  'sessionId',
  'datasetRunId',
  'traceId',
  'observationId',
  'queueId',
  'dataType',
  'traceTags',
  'fields',
  'filter',
] as const;

/** `tagsParam`: `tags` on traces, `traceTags` on v2 scores, null where there is none. */
export function scopeLegacyList(params: Params, scope: ResolvedScope | null, tagsParam: 'tags' | 'traceTags' | null): Plan {
  if (!scope) return { kind: 'forward', params };
  const upstream: Params = new Map(params);

  if (params.has('filter')) {
    throw forbidden('The "filter" parameter is not available to a user limited by a scope.');
  }
  if (constrainsUsers(scope)) {
    const userId = single(params, 'userId');
    if (userId === undefined) throw forbidden('A userId is required: the signed-in user may read only some users.');
    if (!userIdAllowed(scope, userId)) throw forbidden('The signed-in user may not read this user.');
  }
  if (scope.environments) {
    const environments = intersectEnvironments(scope, params.get('environment'))!;
    if (environments.length === 0) {
      const page = positiveInteger(single(params, 'page'), 1);
      const limit = positiveInteger(single(params, 'limit'), 50);
      return { kind: 'empty', body: { data: [], meta: { page, limit, totalItems: 0, totalPages: 0 } } };
    }
    upstream.set('environment', environments);
  }
  if (scope.tags && scope.tags.length > 0) {
    if (tagsParam === null) throw forbidden('This endpoint cannot be limited to tags; it is not available to a user limited to some tags.');
    upstream.set(tagsParam, [...new Set([...(params.get(tagsParam) ?? []), ...scope.tags])]);
  }
  // v2 scores filter on trace properties (userId, traceTags) only with the `trace` field group.
  const fields = single(params, 'fields');
  const filtersOnTrace = upstream.has('userId') || upstream.has('traceTags');
  if (tagsParam === 'traceTags' && filtersOnTrace && fields !== undefined && !fields.split(',').map((f) => f.trim()).includes('trace')) {
    upstream.set('fields', [`${fields},trace`]);
  }
  return { kind: 'forward', params: upstream };
}
