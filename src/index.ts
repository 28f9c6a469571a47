'use client';
/**
 * `userlens`: the provider, hooks, query factories and views. Re-exports `userlens/core`.
 */
export * from './core.ts';
export {
  UserTrackingProvider,
  useUserTrackingClient,
  useFormatters,
  useLabels,
  useRootAttributes,
} from './provider/UserTrackingProvider.tsx';
export type {
  UserTrackingProviderProps,
  UserTrackingContextValue,
  Theme,
  Density,
} from './provider/UserTrackingProvider.tsx';
export { userTrackingQueries, clientKey } from './hooks/queries.ts';
export type { QueryBehaviour } from './hooks/QueryBehaviour.ts';
export { useUsers } from './hooks/useUsers.ts';
export { useUser } from './hooks/useUser.ts';
export { useUserTraces } from './hooks/useUserTraces.ts';
export { useUserSessions } from './hooks/useUserSessions.ts';
export { useUserScores } from './hooks/useUserScores.ts';
export { useUserActivity } from './hooks/useUserActivity.ts';
export { enUS, formatLabel } from './i18n/en-US.ts';
export type { Labels, LabelKey } from './i18n/en-US.ts';
export { ErrorState, NotAvailable, Skeleton, VisuallyHidden } from './components/Status/Status.tsx';
export type {
  ErrorStateProps,
  NotAvailableProps,
  SkeletonProps,
  VisuallyHiddenProps,
} from './components/Status/Status.tsx';
