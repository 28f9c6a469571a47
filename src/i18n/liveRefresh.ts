/**
 * The texts of live refresh within a source's request budget: why shorter intervals are not
 * offered, and until when refresh waits after a 429. Their own module so they load only for a
 * source with a budget (see `client.usage()`); override any of them through the provider's `labels`.
 */
export const liveRefreshEnUS = {
  liveLimited: 'A refresh costs {cost} of the {limit} {name} requests allowed per {window}: shorter intervals are left out.',
  livePaused: 'Auto-refresh paused until {time} (rate limited).',
  /** The budgets' names in `liveLimited`: `client.usage()` names them `metrics` and `api` on Langfuse. */
  liveBudgetMetrics: 'metrics',
  liveBudgetApi: 'API',
};

export type LiveRefreshKey = keyof typeof liveRefreshEnUS;
export type LiveRefreshLabels = Record<LiveRefreshKey, string>;
