import type { LabelKey, Labels } from './en-US.js';

/**
 * The user page's texts (\`UserDetail\` and its parts). Their own module so they load with the
 * page, not with the provider; override any of them through the provider's \`labels\`.
 */
export const userDetailEnUS = {
  noData: 'Nothing in this date range',
  latestTraces: 'A long history: the lists below come from the latest {count} traces in this range only. The figures above count every trace.',
  latestTracesOne: 'A long history: the lists below come from the latest trace in this range only. The figures above count every trace.',
  latestTracesNone: 'A long history: this range’s latest traces are past what one read holds, so the lists below are empty. The figures above count every trace.',
  backToUsers: 'Back to users',
  previousUser: 'Previous user',
  nextUser: 'Next user',
  statsLabel: 'Figures',
  aboutFigure: 'About {figure}',
  statObservations: 'Observations',
  statTraces: 'Traces',
  statSessions: 'Sessions',
  statInputTokens: 'Input tokens',
  statOutputTokens: 'Output tokens',
  statTotalTokens: 'Total tokens',
  statCost: 'Cost',
  statErrors: 'Errors',
  statLatencyP50: 'Latency p50',
  statLatencyP95: 'Latency p95',
  statActivePeriod: 'Active period',
  activityTitle: 'Activity',
  activityMetric: 'Show',
  activityChart: '{metric} per {granularity}',
  /** A chart's readout: "Nov 5, 2026 · Traces: 13 (2 failed)", "Nov 5, 2026, 2:05 PM · helpfulness: 0.75". */
  activityPoint: '{start} · {figure}: {value}',
  activityTable: 'Show as a table',
  /** A bucket's figure and its failed traces. */
  activityFailed: '{value} ({count} failed)',
  /** A bucket's start when the source buckets only in UTC. */
  inUtc: '{time} UTC',
  /** Beside the chart's axis when the source buckets only in UTC. */
  utcBuckets: 'Hours, days and weeks in UTC',
  modelsTitle: 'Models',
  modelName: 'Model',
  modelCalls: 'Calls',
  modelShare: 'Share of cost',
  noModel: '(no model)',
  tabsLabel: 'User history',
  tabTraces: 'Traces',
  tabSessions: 'Sessions',
  tabScores: 'Scores',
  traceTimestamp: 'Time',
  traceInput: 'Input',
  traceOutput: 'Output',
  traceLevel: 'Level',
  traceLatency: 'Latency',
  traceTokens: 'Tokens',
  traceCost: 'Cost',
  traceTags: 'Tags',
  fullInput: 'Show full input of {name}, {time}',
  fullOutput: 'Show full output of {name}, {time}',
  truncatedNote: 'Shows the first {count} characters',
  sessionCreated: 'Started',
  sessionLastActivity: 'Last activity',
  sessionDuration: 'Duration',
  scoreTimestamp: 'Time',
  scoreSource: 'Source',
  scoreComment: 'Comment',
  scoreYes: 'Yes',
  scoreLegend: '{name} (n={count}, mean {mean})',
  traceScore: '{name}: {value}',
  scoreChartPartial: 'The chart shows the newest {shown} of {total} scores.',
  periodRange: '{from} – {to} ({duration})',
  scoreNo: 'No',
  scoresOverTime: 'Numeric scores over time',
  scoresDistribution: '{name}: {counts}',
  noTraces: 'No traces in this range',
  traceEnvironment: 'Environment',
  traceSession: 'Session',
  noSessions: 'No sessions in this range',
  noScores: 'No scores in this range',
  noSuchUserTitle: 'User not found',
  noSuchUserBody: 'This source has no traces for the user {userId}.',
  noActivityTitle: 'No activity in this range',
  noActivityBody: 'This user has no trace in the selected dates.',
};

export type UserDetailKey = keyof typeof userDetailEnUS;
export type UserDetailLabels = Record<UserDetailKey, string>;

/** The texts the user page reads: the provider's with the page's own. */
export type PageLabelKey = LabelKey | UserDetailKey;
export type PageLabels = Labels & UserDetailLabels;
