import { answerFromUpstream } from './answer.js';
import { forbidden } from '../client/http/httpRefusal.js';
import { ProxyAnswer } from './errors.js';
import type { ResolvedScope } from './scope.js';
import { scopeConditions } from './scope.js';
import type { VerifyTraces } from './scores.js';
import type { Upstream } from './upstream.js';

/**
 * Proves that trace ids lie in the scope with one observations request: the root observations
 * of those traces that also satisfy every scope condition. A trace is in scope when one of its
 * roots came back. Any failure refuses (fails closed); the answer is cached like any other,
 * and skips the cache when the request does (`fresh`: a trace that just arrived counts).
 */
export function createTraceVerifier(upstream: Upstream, scope: ResolvedScope | null, scopeKey: string, fresh = false): VerifyTraces {
  return async (traceIds) => {
    const filter = [
      { type: 'stringOptions', column: 'traceId', operator: 'any of', value: traceIds },
      { type: 'boolean', column: 'isRootObservation', operator: '=', value: true },
      ...scopeConditions(scope),
    ];
    const search = new URLSearchParams({ fields: 'core', filter: JSON.stringify(filter), limit: '1000' });
    const { outcome, cache } = await upstream.get('/api/public/v2/observations', search, scopeKey, fresh);
    if (outcome.kind !== 'ok') throw new ProxyAnswer(answerFromUpstream(outcome, cache));
    const found = new Set<string>();
    const payload = JSON.parse(outcome.body) as unknown;
    const data = payload !== null && typeof payload === 'object' ? (payload as { data?: unknown }).data : undefined;
    if (Array.isArray(data)) {
      for (const item of data) {
        const traceId = (item as { traceId?: unknown } | null)?.traceId;
        if (typeof traceId === 'string') found.add(traceId);
      }
    }
    if (!traceIds.every((traceId) => found.has(traceId))) {
      throw forbidden('The signed-in user may not read the scores of one or more of these traces.');
    }
  };
}
