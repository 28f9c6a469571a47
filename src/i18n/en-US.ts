import type { ReactNode } from 'react';

/**
 * The English dictionary every visible and ARIA text comes from. Flat camelCase keys,
 * `{placeholders}` filled by `formatLabel`. A TypeScript module rather than JSON so it loads
 * in plain Node ESM and in every bundler without import attributes.
 */
export const enUS = {
  notAvailable: 'Not available from this source',
  notAvailableShort: '—',
  loading: 'Loading…',
  refreshing: 'Updating…',
  retry: 'Retry',
  errorTitle: 'Could not load {subject}',
  errorRetrying: 'Retrying…',
  subjectUsers: 'users',
  subjectUser: 'this user',
  subjectTraces: 'traces',
  subjectSessions: 'sessions',
  subjectScores: 'scores',
  subjectActivity: 'activity',
  subjectChart: 'this chart',

  // UserList: columns
  columnUserId: 'User ID',
  columnName: 'Name',
  yes: 'Yes',
  no: 'No',
  columnEmail: 'Email',
  columnFirstEvent: 'First event',
  columnLastEvent: 'Last event',
  columnTraces: 'Traces',
  columnObservations: 'Observations',
  columnSessions: 'Sessions',
  columnInputTokens: 'Input tokens',
  columnOutputTokens: 'Output tokens',
  columnTotalTokens: 'Total tokens',
  columnCost: 'Cost',
  columnErrors: 'Errors',
  columnErrorRate: 'Error rate',
  columnLatencyP50: 'Latency p50',
  columnLatencyP95: 'Latency p95',
  columnFeedback: 'Feedback',
  columnTrend: 'Trend',

  // Figure names inside sentences ("Users by cost", "Top 1,000 by cost")
  figureTextTraceCount: 'traces',
  figureTextObservationCount: 'observations',
  figureTextSessionCount: 'sessions',
  figureTextInputTokens: 'input tokens',
  figureTextOutputTokens: 'output tokens',
  figureTextTotalTokens: 'total tokens',
  figureTextTotalCost: 'cost',
  figureTextErrorCount: 'errors',
  figureTextErrorRate: 'error rate',
  figureTextLatencyP50: 'latency p50',
  figureTextLatencyP95: 'latency p95',
  figureTextUserId: 'user ID',
  figureTextFirstEvent: 'first event',
  figureTextLastEvent: 'last event',

  // UserList: toolbar
  userListLabel: 'Users',
  toolbarLabel: 'User list controls',
  /** Narrow containers: the button that shows the range, filters, columns, export and refresh. */
  toolbarOptions: 'Options',
  searchLabel: 'Search users',
  searchPlaceholder: 'Search by user ID…',
  searchPlaceholderPeople: 'Search by name or user ID…',
  clearSearch: 'Clear search',
  dateRangeLabel: 'Date range',
  preset30m: 'Last 30 minutes',
  preset1h: 'Last hour',
  preset6h: 'Last 6 hours',
  preset24h: 'Last 24 hours',
  preset7d: 'Last 7 days',
  preset14d: 'Last 14 days',
  preset30d: 'Last 30 days',
  preset90d: 'Last 90 days',
  presetAll: 'All time',
  presetCustom: 'Custom range…',
  rangeFrom: 'From',
  rangeTo: 'To',
  applyRange: 'Apply',
  rangeReversed: 'The start must come before the end.',
  /** Beside custom from–to inputs: the zone their times are in. */
  rangeTimeZone: 'Times in {zone}',
  filtersLabel: 'Filters',
  filtersActive: 'Filters ({count})',
  environmentsLabel: 'Environments',
  tagsLabel: 'Tags',
  clearFilters: 'Clear filters',
  noFilterOptions: 'No environments or tags in this range',
  columnsLabel: 'Columns',
  moveColumnUp: 'Move {column} up',
  moveColumnDown: 'Move {column} down',
  resetColumns: 'Reset columns',
  exportLabel: 'Export CSV',
  exportProgress: 'Exporting… {done} of {total} rows',
  exportCancel: 'Cancel export',
  exportDone: 'Exported {count} rows',
  exportDoneOne: 'Exported {count} row',
  exportFailed: 'Export failed: {message}',
  refreshLabel: 'Refresh',
  liveLabel: 'Auto-refresh',
  liveOff: 'Off',
  updatedAgo: 'Updated {time}',
  overBudgetOnly: 'Only over budget',
  overBudget: 'Over budget: {value} exceeds {limit}',

  // UserList: table
  copyUserId: 'Copy user ID {userId}',
  blankUserId: '(blank ID: {count} whitespace characters)',
  blankUserIdOne: '(blank ID: {count} whitespace character)',
  copied: 'Copied',
  feedbackRate: '{rate} positive',
  trendLabel: 'Traces over time',
  trendTotal: '{count} traces',
  trendTotalOne: '{count} trace',
  subjectFigures: 'some figures',
  figureFailed: 'Could not load this figure',
  noValue: 'None',
  noValueShort: '–',
  scoreSummaryDetail: '{name}: {value} (n={count})',
  deferredLoading: 'Loading {column}',

  // UserList: pagination
  paginationLabel: 'Pagination',
  pageSizeLabel: 'Rows per page',
  firstPage: 'First page',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  lastPage: 'Last page',
  jumpToPage: 'Go to page',
  pageOf: 'Page {page} of {pages}',
  rangeOfTotal: '{from}–{to} of {total}',
  rangeOfUnknown: '{from}–{to}',
  topN: 'Top {limit} by {column}',

  // UserList: states
  resultsCount: '{count} users',
  resultsCountOne: '{count} user',
  emptyTitle: 'No users tracked yet',
  emptyBody: 'Users appear here once your traces carry a user ID. Set userId when you create a trace, for example trace({ userId: "user-123" }).',
  emptyDocs: 'How to add a user ID to traces',
  noMatchTitle: 'No users match',
  noMatchBody: 'No user matches the search and filters in this date range.',
  noMatchClear: 'Clear search and filters',
  emptyRangeTitle: 'No users in this range',
  emptyRangeBody: 'No trace with a user ID falls in the selected dates.',
  showAllTime: 'Show all time',

  // UserList: distribution
  distributionTitle: 'Users by {column}',
  distributionLog: 'Log scale',
  distributionBin: '{count} users with {column} from {from} to {to}',
  distributionBinOne: '{count} user with {column} from {from} to {to}',
  distributionBand: '{column} from {from} to {to}',
  clearBand: 'Clear {band}',
  distributionEmpty: 'No values to chart',
  distributionCountAxis: 'Users',
  distributionTable: 'Show as a table',

  // UserDetail
  errorsFlag: 'Requests failed',
  granularityHour: 'hour',
  granularityDay: 'day',
  granularityWeek: 'week',
  bucketStart: 'Period starting',
  traceName: 'Name',
  traceScores: 'Scores',
  sessionId: 'Session',
  scoreName: 'Name',
  scoreValue: 'Value',
  scoreTrace: 'Trace',
  levelDEBUG: 'Debug',
  levelDEFAULT: 'Default',
  levelWARNING: 'Warning',
  levelERROR: 'Error',
  sourceAPI: 'API',
  sourceANNOTATION: 'Annotation',
  sourceEVAL: 'Eval',
} as const;

export type LabelKey = keyof typeof enUS;
export type Labels = Record<LabelKey, string>;

/** Fills `{name}` placeholders; unknown placeholders stay as written so a gap is visible. */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}

/**
 * Like `formatLabel`, with elements as values: for texts that carry user data, which must stay
 * isolated from the sentence around it (`<bdi>`), or links.
 */
export function renderLabel(template: string, values: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined && Object.hasOwn(values, name) ? values[name] : part;
  });
}
