/**
 * `userlens`: the provider, hooks, query factories and views. Re-exports `userlens/core`.
 *
 * Not a client module itself: every component and hook module carries its own `'use client'`,
 * so a React Server Component page can import any part by name (a client reference per module),
 * and the framework-free core re-exported here stays importable on a server.
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
export { useLoadProgress } from './hooks/useLoadProgress.js';
export { createLoadingMemoryClient, type LoadingMemoryClient } from './client/memory/createLoadingMemoryClient.js';
export { createExportClient, type ExportClient, type ExportClientOptions, type ExportReadSummary } from './client/createExportClient.js';
export { enUS, formatLabel } from './i18n/en-US.js';
export type { Dictionary, PluralKey, PluralLabels } from './i18n/dictionary.js';
export { figureHelpEnUS, type FigureHelpKey, type FigureHelpLabels } from './i18n/figureHelp.js';
export { tracesTabEnUS, type TracesTabKey, type TracesTabLabels } from './i18n/tracesTab.js';
export { liveRefreshEnUS, type LiveRefreshKey, type LiveRefreshLabels } from './i18n/liveRefresh.js';
export { loadProgressEnUS, type LoadProgressLabels } from './i18n/loadProgress.js';
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
export { useUserProfiles } from './hooks/useUserProfiles.js';
export { useTraceObservations } from './hooks/useTraceObservations.js';
export { useBudgetStatus, budgetEvaluable, type BudgetBreach, type BudgetStatus } from './hooks/useBudgetStatus.js';
export { UserList } from './components/UserList/UserList.js';
export type { UserListProps } from './components/UserList/UserList.js';
export { useUserListState, type UserListState, type UserListStateOptions, type UserListPaginationState, type UserListBudget } from './hooks/useUserListState.js';
export { useUserListData, type UserListData, type UserListDataOptions, type DeferredFigures, type EmptyKind } from './hooks/useUserListData.js';
export { UserListRoot, useUserListContext, type UserListRootProps, type UserListContextValue, type UserListView } from './components/UserList/UserListRoot.js';
export { UserListTable, type UserListTableProps } from './components/UserList/UserListTable.js';
export { UserListToolbar, type UserListToolbarProps } from './components/UserList/UserListToolbar.js';
export { UserListSearch, type UserListSearchProps } from './components/UserList/UserListSearch.js';
export { UserListDateRange, type UserListDateRangeProps } from './components/UserList/UserListDateRange.js';
export { UserListFilters, type UserListFiltersProps } from './components/UserList/UserListFilters.js';
export { UserListBudgetToggle, type UserListBudgetToggleProps } from './components/UserList/UserListBudgetToggle.js';
export { UserListColumns, type UserListColumnsProps } from './components/UserList/UserListColumns.js';
export { UserListExport, type UserListExportProps } from './components/UserList/UserListExport.js';
export { useExportUsers, type ExportUsersState, type StartExportOptions, type UseExportUsersResult } from './hooks/useExportUsers.js';
export { UserListRefresh, type UserListRefreshProps } from './components/UserList/UserListRefresh.js';
export { UserListPagination, type UserListPaginationProps } from './components/UserList/UserListPagination.js';
export { UserListDistribution, type UserListDistributionProps } from './components/UserList/UserListDistribution.js';
export { UserListEmptyState, type UserListEmptyStateProps } from './components/UserList/UserListEmptyState.js';
export { UserListNoMatch, type UserListNoMatchProps } from './components/UserList/UserListNoMatch.js';
export { UserListErrorState, type UserListErrorStateProps } from './components/UserList/UserListErrorState.js';
export { nextSort, type SortKind, type SortTarget } from './components/table/nextSort.js';
export { COLUMNS as USER_LIST_COLUMNS, DEFAULT_VISIBLE_COLUMNS, type ColumnId } from './components/UserList/columns.js';
export { Sparkline, type SparklineProps } from './components/charts/Sparkline.js';
export { DateRangePicker, type DateRangePickerProps } from './components/shared/DateRangePicker.js';
export { UserDetail, type UserDetailProps } from './components/UserDetail/UserDetail.js';
export { UserDetailRoot, useUserDetailContext, type UserDetailRootProps, type UserDetailContextValue } from './components/UserDetail/UserDetailRoot.js';
export { useUserDetailState, type UserDetailStateOptions, type UserDetailState, type UserDetailTab, type UserDetailTableState, type UserDetailTracesFilter, type ActivityMetric } from './hooks/useUserDetailState.js';
export { useUserDetailData, type UserDetailData } from './hooks/useUserDetailData.js';
export { UserDetailHeader, type UserDetailHeaderProps } from './components/UserDetail/UserDetailHeader.js';
export { UserDetailStats, type UserDetailStatsProps } from './components/UserDetail/UserDetailStats.js';
export { UserDetailActivity, type UserDetailActivityProps } from './components/UserDetail/UserDetailActivity.js';
export { UserDetailModels, type UserDetailModelsProps } from './components/UserDetail/UserDetailModels.js';
export { UserDetailTabs, type UserDetailTabsProps } from './components/UserDetail/UserDetailTabs.js';
export { UserDetailTraces, type UserDetailTracesProps } from './components/UserDetail/UserDetailTraces.js';
export { UserDetailSessions, type UserDetailSessionsProps } from './components/UserDetail/UserDetailSessions.js';
export { UserDetailScores, type UserDetailScoresProps } from './components/UserDetail/UserDetailScores.js';
export { UserDetailScoreChart, type UserDetailScoreChartProps } from './components/UserDetail/UserDetailScoreChart.js';
export { UserDetailStatus, type UserDetailStatusProps } from './components/UserDetail/UserDetailStatus.js';
export { UserDetailExport, type UserDetailExportProps } from './components/UserDetail/UserDetailExport.js';
export { UserOverview, type UserOverviewProps } from './components/UserOverview/UserOverview.js';
export { useUserOverview } from './hooks/useUserOverview.js';
export { overviewEnUS, type OverviewKey, type OverviewLabels } from './i18n/overview.js';
export { budgetEnUS, type BudgetLabels } from './i18n/budget.js';
export { UserSegments, type UserSegmentsDimension, type UserSegmentsProps } from './components/UserSegments/UserSegments.js';
export { useUserSegments } from './hooks/useUserSegments.js';
export { segmentsEnUS, type SegmentsKey, type SegmentsLabels } from './i18n/segments.js';
export { feedbackEnUS, type FeedbackLabels } from './i18n/feedback.js';
export { metadataFilterEnUS, type MetadataFilterLabels } from './i18n/metadataFilter.js';
export { scoresTabEnUS, type ScoresTabLabels } from './i18n/scoresTab.js';
export { useExportUser, type StartUserExportOptions, type UseExportUserResult } from './hooks/useExportUser.js';
export { userExportEnUS, type UserExportKey, type UserExportLabels } from './i18n/userExport.js';
export { userDetailEnUS, type UserDetailKey, type UserDetailLabels } from './i18n/userDetail.js';
