/**
 * The overview's texts (`UserOverview`). Their own module so they load with that part, not with
 * the provider; override any of them through the provider's `labels`.
 */
export const overviewEnUS = {
  overviewTitle: 'Overview',
  overviewActiveUsers: 'Active users',
  overviewNewUsers: 'New users',
  overviewReturningUsers: 'Returning users',
  overviewCostPerUser: 'Cost per active user',
  overviewTokensPerUser: 'Tokens per active user',
  overviewTraces: 'Traces',
  overviewChart: 'Active users per {granularity}: new and returning',
  overviewTable: 'Show as a table',
  overviewBucket: 'Period',
  overviewMoversCost: 'Cost moved most',
  overviewMoversErrors: 'Error rate moved most',
  overviewMoversPrevious: 'Previous period',
  overviewMoversCurrent: 'This period',
  overviewMoversChange: 'Change',
  overviewMoversUser: 'User',
  overviewNoMovers: 'No user’s figure changed.',
  overviewNoPrevious: 'Pick a range with an end to compare it with the period before.',
  overviewCompared: 'Compared with {from} – {to}',
  overviewEmpty: 'No activity in this range.',
  overviewSubject: 'the overview',
};

export type OverviewKey = keyof typeof overviewEnUS;
export type OverviewLabels = Record<OverviewKey, string>;
