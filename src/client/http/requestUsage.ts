import type { ClientUsage, RequestBudget } from '../types.js';
import { retryAfterMs } from './requestJson.js';

/** Without a readable `Retry-After`, a 429 pauses for a minute. */
const DEFAULT_PAUSE_MS = 60_000;

/**
 * Counts what a client sends against its source's budgets (sliding windows, every attempt
 * counted, as the source counts them) and remembers until when a 429 asked it to wait. It wraps
 * `fetch`, so retries and redirects count too. On the wall clock, as the source's limits run:
 * never on a frozen clock a host gives to close its ranges.
 */
export function requestUsage(budgets: Record<string, RequestBudget>, budgetOf: (url: string) => string, now: () => number = Date.now) {
  const sent = new Map<string, number[]>(Object.keys(budgets).map((name) => [name, []]));
  const totals = new Map<string, number>();
  let pausedUntil = 0;

  /** The times sent within the budget's window: only those are kept. */
  function recent(name: string, at: number): number[] {
    const times = sent.get(name)!.filter((time) => time > at - budgets[name]!.windowMs);
    sent.set(name, times);
    return times;
  }

  function usage(): ClientUsage {
    const at = now();
    return {
      budgets: Object.entries(budgets).map(([name, { limit, windowMs }]) => ({ name, limit, windowMs, used: recent(name, at).length, total: totals.get(name) ?? 0 })),
      pausedUntil: pausedUntil > at ? pausedUntil : null,
    };
  }

  /** `fetch`, counted; without one, the global `fetch` of the moment of the call. */
  function wrap(fetch: typeof globalThis.fetch | undefined): typeof globalThis.fetch {
    return async (input, init) => {
      const name = budgetOf(input instanceof Request ? input.url : String(input));
      if (sent.has(name)) recent(name, now()).push(now());
      totals.set(name, (totals.get(name) ?? 0) + 1);
      const response = await (fetch ?? globalThis.fetch)(input, init);
      if (response.status === 429) pausedUntil = Math.max(pausedUntil, now() + (retryAfterMs(response.headers.get('retry-after'), now()) ?? DEFAULT_PAUSE_MS));
      return response;
    };
  }

  return { usage, wrap };
}
