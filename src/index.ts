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
  useUserTrackingClock,
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
export { UserList } from './components/UserList/UserList.js';
export type { UserListProps } from './components/UserList/UserList.js';
export {
  UserListRoot,
  useUserListContext,
  type UserListRootProps,
  type UserListContextValue,
  type UserListPagination as UserListPaginationState,
  type UserListBudget,
} from './components/UserList/UserListRoot.js';
export { UserListTable, type UserListTableProps } from './components/UserList/UserListTable.js';
export {
  UserListToolbar,
  UserListSearch,
  UserListDateRange,
  UserListFilters,
  UserListBudgetToggle,
  UserListColumns,
  UserListExport,
  UserListRefresh,
  type UserListToolbarProps,
  type UserListExportProps,
} from './components/UserList/UserListToolbar.js';
export { UserListPagination, type UserListPaginationProps } from './components/UserList/UserListPagination.js';
export { UserListDistribution, type UserListDistributionProps } from './components/UserList/UserListDistribution.js';
export { UserListEmptyState, UserListNoMatch, UserListErrorState } from './components/UserList/UserListStates.js';
export { COLUMNS as USER_LIST_COLUMNS, DEFAULT_VISIBLE_COLUMNS, type ColumnId } from './components/UserList/columns.js';
export { Sparkline, type SparklineProps } from './components/charts/Sparkline.js';
export { DateRangePicker, type DateRangePickerProps } from './components/shared/DateRangePicker.js';
export { UserDetail, type UserDetailProps } from './components/UserDetail/UserDetail.js';
export {
  UserDetailRoot,
  useUserDetailContext,
  type UserDetailRootProps,
  type UserDetailContextValue,
  type UserDetailTab,
  type ActivityMetric,
} from './components/UserDetail/UserDetailRoot.js';
export { UserDetailHeader } from './components/UserDetail/UserDetailHeader.js';
export { UserDetailStats } from './components/UserDetail/UserDetailStats.js';
export { UserDetailActivity, UserDetailModels, type UserDetailActivityProps } from './components/UserDetail/UserDetailCharts.js';
export { UserDetailTabs } from './components/UserDetail/UserDetailTabs.js';
export { UserDetailStatus } from './components/UserDetail/UserDetailStates.js';
