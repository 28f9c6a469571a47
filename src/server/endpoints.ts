import { scopeMetricsQuery } from './metricsQuery.js';
import { OBSERVATION_PARAMS, scopeObservationParams } from './observations.js';
import type { ParamSpec, Params, Plan } from './params.js';
import { checkFieldGroups, single } from './params.js';
import { LEGACY_OBSERVATION_PARAMS, LEGACY_SCORE_PARAMS, LEGACY_TRACE_FIELD_GROUPS, LEGACY_TRACE_PARAMS, scopeLegacyList } from './legacy.js';
import type { ResolvedScope } from './scope.js';
import type { VerifyTraces } from './scores.js';
import { SCORE_V3_PARAMS, scopeScoresV3 } from './scores.js';

/**
 * The read endpoints userlens's Langfuse client uses — the v4 ones and the legacy fallbacks for
 * v3 deployments — each with the parameters the spec defines for it and the way the scope is
 * put into its request, and the largest page the spec allows where it states one. Nothing else
 * is reachable through the proxy.
 */

export const LANGFUSE_ENDPOINTS = [
  '/api/public/v2/metrics',
  '/api/public/v2/observations',
  '/api/public/v3/scores',
  '/api/public/traces',
  '/api/public/metrics',
  '/api/public/v2/scores',
  '/api/public/observations',
] as const;

export type AllowedEndpoint = (typeof LANGFUSE_ENDPOINTS)[number];

export interface EndpointDefinition extends ParamSpec {
  plan(params: Params, scope: ResolvedScope | null, verifyTraces: VerifyTraces): Plan | Promise<Plan>;
}

function metrics(version: 'v1' | 'v2'): EndpointDefinition {
  return {
    names: ['query'],
    plan: (params, scope) => ({ kind: 'forward', params: new Map([['query', [scopeMetricsQuery(single(params, 'query'), version, scope)]]]) }),
  };
}

export const ENDPOINTS: Readonly<Record<AllowedEndpoint, EndpointDefinition>> = {
  '/api/public/v2/metrics': metrics('v2'),
  '/api/public/metrics': metrics('v1'),
  '/api/public/v2/observations': {
    names: OBSERVATION_PARAMS,
    arrays: ['environment'],
    maxLimit: 1000,
    plan: (params, scope) => ({ kind: 'forward', params: scopeObservationParams(params, scope) }),
  },
  '/api/public/v3/scores': {
    names: SCORE_V3_PARAMS,
    maxLimit: 100,
    plan: scopeScoresV3,
  },
  '/api/public/traces': {
    names: LEGACY_TRACE_PARAMS,
    arrays: ['tags', 'environment'],
    plan: (params, scope) => {
      // Absent means every group, observations and scores included: only core and io are served.
      checkFieldGroups(params, LEGACY_TRACE_FIELD_GROUPS, true);
      return scopeLegacyList(params, scope, 'tags');
    },
  },
  '/api/public/observations': {
    names: LEGACY_OBSERVATION_PARAMS,
    arrays: ['environment'],
    plan: (params, scope) => scopeLegacyList(params, scope, null),
  },
  '/api/public/v2/scores': {
    names: LEGACY_SCORE_PARAMS,
    arrays: ['environment', 'traceTags'],
    maxLimit: 100,
    plan: (params, scope) => scopeLegacyList(params, scope, 'traceTags'),
  },
};

export function isLangfuseEndpoint(path: string): path is AllowedEndpoint {
  return (LANGFUSE_ENDPOINTS as readonly string[]).includes(path);
}
