/**
 * How many upstream requests each scope (tenant) may cause in a sliding window, so one caller —
 * by asking for fresh answers, or by changing a parameter a millisecond at a time — cannot
 * spend the whole project's Langfuse rate limit. Only requests that reach Langfuse count:
 * cached and coalesced answers are free. Metrics requests have a budget of their own, because
 * Langfuse's metrics endpoints allow far fewer requests than the others.
 */

export interface RateBudgetOptions {
  /** Upstream requests of every kind one scope may cause per window. @defaultValue 300 */
  requests?: number;
  /** Of those, requests to the metrics endpoints. @defaultValue 30 */
  metricsRequests?: number;
  /** The window, ms. @defaultValue 60000 */
  windowMs?: number;
}

export type ResolvedRateBudget = Required<RateBudgetOptions>;

export const DEFAULT_RATE_BUDGET: ResolvedRateBudget = { requests: 300, metricsRequests: 30, windowMs: 60_000 };

/** Scopes remembered at once; the oldest quiet one is forgotten past this (it had no recent request). */
const MAX_SCOPES = 10_000;

export class RateBudget {
  /** Per scope and kind: the start times of the requests inside the window, oldest first. */
  private readonly log = new Map<string, number[]>();
  private readonly options: ResolvedRateBudget;

  constructor(options: ResolvedRateBudget) {
    this.options = options;
  }

  /**
   * Takes one request for the scope now and returns 0, or — when the scope has used its budget
   * — takes nothing and returns the ms until one is free again.
   */
  take(scopeKey: string, metrics: boolean, now = Date.now()): number {
    const { requests, metricsRequests, windowMs } = this.options;
    const all = this.recent(`all\n${scopeKey}`, now);
    const ofMetrics = metrics ? this.recent(`metrics\n${scopeKey}`, now) : null;
    const wait = Math.max(
      all.length >= requests ? all[all.length - requests]! + windowMs - now : 0,
      ofMetrics && ofMetrics.length >= metricsRequests ? ofMetrics[ofMetrics.length - metricsRequests]! + windowMs - now : 0,
    );
    if (wait > 0) return wait;
    all.push(now);
    ofMetrics?.push(now);
    return 0;
  }

  /** The log for a key with what left the window dropped; re-inserted so the map stays in use order. */
  private recent(key: string, now: number): number[] {
    let times = this.log.get(key);
    this.log.delete(key);
    if (!times) times = [];
    let expired = 0;
    while (expired < times.length && times[expired]! + this.options.windowMs <= now) expired++;
    if (expired > 0) times.splice(0, expired);
    this.log.set(key, times);
    for (const oldest of this.log.keys()) {
      if (this.log.size <= MAX_SCOPES * 2) break;
      this.log.delete(oldest);
    }
    return times;
  }
}
