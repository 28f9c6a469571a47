'use client';
import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BudgetUsage, RequestBudget } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';

/** What one refresh of a view costs against the source's tightest budget. */
export interface RefreshBudget {
  /** The shortest interval at which refreshing this view stays within every budget; 0 without budgets. */
  minIntervalMs: number;
  /** The budget that sets `minIntervalMs`, with what one refresh spends of it; `null` when none does. */
  limiting: (RequestBudget & { name: string; cost: number }) | null;
}

/** The live-refresh intervals the list offers, ms. */
export const LIVE_INTERVALS = [10_000, 30_000, 60_000, 300_000] as const;

/**
 * The interval live refresh runs at: the one asked for when the budgets allow it, else the
 * shortest offered one they allow, else none.
 */
export function liveInterval(requested: number | false, minIntervalMs: number): number | false {
  if (requested === false || requested >= minIntervalMs) return requested;
  return LIVE_INTERVALS.find((ms) => ms >= minIntervalMs) ?? false;
}

/** How long nothing must fetch before a load counts as over. */
const SETTLE_MS = 300;

const NONE: RefreshBudget = { minIntervalMs: 0, limiting: null };

/**
 * The refresh interval a source's request budgets allow for a view (see `client.usage()`): what
 * its costliest load cost — every request from the end of the load before until nothing has
 * fetched for 300 ms, so a second phase counts — spread over each budget's window. A source
 * without `usage()` allows any interval.
 *
 * @example
 * const { minIntervalMs } = useRefreshBudget();
 */
export function useRefreshBudget(): RefreshBudget {
  const { client, queryClient } = useUserTrackingContext('useRefreshBudget');
  const fetching = useIsFetching({ queryKey: ['userlens'] }, queryClient) > 0;
  // A load is every request from the end of the previous one (or the first render) until nothing
  // has fetched for a moment: a second phase starts a render after the first ends, and counts.
  // The costliest load since the client came stands for a refresh: a refresh asks again for
  // everything on screen, where a page turn may ask for less.
  const [loads] = useState(() => new WeakMap<object, { since: BudgetUsage[] | undefined; most: Map<string, number> }>());
  if (!loads.has(client)) loads.set(client, { since: client.usage?.().budgets, most: new Map() });
  const [budget, setBudget] = useState(NONE);
  useEffect(() => {
    const usage = client.usage;
    if (fetching || !usage) return;
    const timer = setTimeout(() => {
      const load = loads.get(client)!;
      const budgets = usage().budgets;
      let next = NONE;
      for (const { name, limit, windowMs, total } of budgets) {
        const cost = Math.max(load.most.get(name) ?? 0, total - (load.since?.find((b) => b.name === name)?.total ?? 0));
        load.most.set(name, cost);
        const minIntervalMs = Math.ceil((cost * windowMs) / limit);
        if (minIntervalMs > next.minIntervalMs) next = { minIntervalMs, limiting: { name, limit, windowMs, cost } };
      }
      load.since = budgets;
      // The same figures keep the same object, so the list's context stays put.
      setBudget((previous) => (JSON.stringify(previous) === JSON.stringify(next) ? previous : next));
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [fetching, client, loads]);
  return budget;
}
