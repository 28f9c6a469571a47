/**
 * How many upstream requests each scope (tenant) may cause in a sliding window, so one caller —
 * by asking for fresh answers, or by changing a parameter a millisecond at a time — cannot
 * spend the whole project's Langfuse rate limit. Only requests that reach Langfuse count:
 * cached and coalesced answers are free. Metrics requests have a budget of their own, because
 * Langfuse's metrics endpoints allow far fewer requests than the others.
 */

export interface RateBudgetOptions {
  /**
   * Upstream requests of every kind one scope may cause per window, a whole number. A user's
   * detail view reads up to `maxObservationsPerUser` observations 100 (legacy) or 1,000 at a
   * time plus their scores, so this must cover the heaviest view you serve. @defaultValue 1000
   */
  requests?: number;
  /** Of those, requests to the metrics endpoints, a whole number. @defaultValue 30, or `requests` when lower */
  metricsRequests?: number;
  /** The window, ms. @defaultValue 60000 */
  windowMs?: number;
}

export type ResolvedRateBudget = Required<RateBudgetOptions>;

export const DEFAULT_RATE_BUDGET: ResolvedRateBudget = { requests: 1000, metricsRequests: 30, windowMs: 60_000 };

/** Logs remembered at once; past this the least recently used is forgotten (its scope starts afresh). */
const MAX_LOGS = 20_000;

/**
 * `take(scopeKey, metrics)` takes one request for the scope now and returns 0, or — when the
 * scope has used its budget — takes nothing and returns the ms until one is free again.
 */
export function createRateBudget({ requests, metricsRequests, windowMs }: ResolvedRateBudget) {
  /** Per scope and kind: the times of the requests inside the window, oldest first; kept in use order. */
  const logs = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const times = (logs.get(key) ?? []).filter((time) => time + windowMs > now);
    logs.delete(key);
    logs.set(key, times);
    if (logs.size > MAX_LOGS) logs.delete(logs.keys().next().value!);
    return times;
  };
  // A log never holds more than its limit, so the oldest entry is the one to wait for.
  const wait = (times: number[], limit: number, now: number) => (times.length < limit ? 0 : times[0]! + windowMs - now);

  return (scopeKey: string, metrics: boolean, now = Date.now()): number => {
    const all = recent(`all\n${scopeKey}`, now);
    const ofMetrics = metrics ? recent(`metrics\n${scopeKey}`, now) : [];
    const waitMs = Math.max(wait(all, requests, now), metrics ? wait(ofMetrics, metricsRequests, now) : 0);
    if (waitMs === 0) {
      all.push(now);
      if (metrics) ofMetrics.push(now);
    }
    return waitMs;
  };
}
