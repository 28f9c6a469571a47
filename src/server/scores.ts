import { badRequest, forbidden } from '../client/http/httpRefusal.js';
import type { Params, Plan } from './params.js';
import { commaList, positiveInteger, single } from './params.js';
import type { ResolvedScope } from './scope.js';
import { constrainsTraces, intersectEnvironments } from './scope.js';

/**
 * `GET /api/public/v3/scores` has no user or tag filter, only comma-separated lists. The scope's
 * environments are intersected with the caller's. A user or tag scope cannot be expressed, so
 * the caller must name the traces (`traceId`) and every one of them is checked to lie in the
 * scope (one observations request, see `verifyTraces`) before the scores are fetched; session
 * and experiment lookups, which reach traces the proxy cannot see, are refused under such a scope.
 */

export const SCORE_V3_PARAMS = [
  'limit',
  'cursor',
  'fields',
  'id',
  'name',
  'source',
  'dataType',
  'environment',
  'configId',
  'queueId',
  'authorUserId',
  'value',
  'valueMin',
  'valueMax',
  'traceId',
  'sessionId',
  'observationId',
  'experimentId',
  'fromTimestamp',
  'toTimestamp',
] as const;

/** The most trace ids one scoped request may check (one observations page holds their roots). */
export const MAX_SCOPED_TRACE_IDS = 100;

/** Checks that every trace lies in the scope; throws a refusal otherwise. */
export type VerifyTraces = (traceIds: readonly string[]) => Promise<void>;

export async function scopeScoresV3(params: Params, scope: ResolvedScope | null, verifyTraces: VerifyTraces): Promise<Plan> {
  const upstream: Params = new Map(params);
  const limit = positiveInteger(single(params, 'limit'), 50);

  if (scope?.environments) {
    // A scope environment holding a comma cannot be named in a comma list; it is left out.
    const requested = commaList(single(params, 'environment'));
    const environments = intersectEnvironments(scope, requested)!.filter((environment) => !environment.includes(','));
    if (environments.length === 0) return { kind: 'empty', body: { data: [], meta: { limit } } };
    upstream.set('environment', [environments.join(',')]);
  }

  if (constrainsTraces(scope)) {
    if (params.has('sessionId') || params.has('experimentId')) {
      throw forbidden('Scores by session or experiment are not available to a user limited to some users or tags; ask by traceId.');
    }
    const traceIds = commaList(single(params, 'traceId'));
    if (!traceIds || traceIds.length === 0) {
      throw forbidden('Scores need traceId when the signed-in user is limited to some users or tags.');
    }
    if (traceIds.length > MAX_SCOPED_TRACE_IDS) {
      throw badRequest(`At most ${MAX_SCOPED_TRACE_IDS} trace ids may be asked for at once under a scope.`);
    }
    await verifyTraces(traceIds);
    upstream.set('traceId', [traceIds.join(',')]);
  }
  return { kind: 'forward', params: upstream };
}
