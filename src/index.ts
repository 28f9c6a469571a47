'use client';
/**
 * `userlens`: the provider, hooks, query factories and views. Re-exports `userlens/core`.
 */
export * from './core.js';
export {
  UserTrackingProvider,
  useUserTrackingClient,
  useFormatters,
  useLabels,
  useRootAttributes,
} from './provider/UserTrackingProvider.js';
export type {
  UserTrackingProviderProps,
  UserTrackingContextValue,
  Theme,
  Density,
} from './provider/UserTrackingProvider.js';
export { userTrackingQueries, clientKey } from './hooks/queries.js';
export type { QueryBehaviour } from './hooks/QueryBehaviour.js';
export { useUsers } from './hooks/useUsers.js';
export { useUser } from './hooks/useUser.js';
export { useUserTraces } from './hooks/useUserTraces.js';
export { useUserSessions } from './hooks/useUserSessions.js';
export { useUserScores } from './hooks/useUserScores.js';
export { useUserActivity } from './hooks/useUserActivity.js';
export { enUS, formatLabel } from './i18n/en-US.js';
export type { Labels, LabelKey } from './i18n/en-US.js';
export { ErrorState, NotAvailable, Skeleton, VisuallyHidden } from './components/Status/Status.js';
export type {
  ErrorStateProps,
  NotAvailableProps,
  SkeletonProps,
  VisuallyHiddenProps,
} from './components/Status/Status.js';
export { useUserFigures } from './hooks/useUserFigures.js';
export { useUserTrends } from './hooks/useUserTrends.js';
export { useUserDistribution } from './hooks/useUserDistribution.js';
export { useFilterOptions } from './hooks/useFilterOptions.js';
