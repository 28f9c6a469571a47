/**
 * The traces tab's own texts: its search, level and tag filters, and a trace's steps. Their own module
 * so they load with the part that shows them (`UserDetailTraces`), not with the provider;
 * override any of them through the provider's `labels`.
 */
export const tracesTabEnUS = {
  showSteps: 'Steps of {trace}',
  searchTraces: 'Search traces',
  searchTracesPlaceholder: 'Search by name or trace ID…',
  traceLevelFilter: 'Level',
  levelsAll: 'All levels',
  levelsWarnings: 'Warnings and errors',
  levelsErrors: 'Errors only',
  traceTagFilter: 'Tag',
  tagsAll: 'All tags',
  /** A tag offered in the filter, with the user's traces that carry it. */
  tagOption: '{tag} ({count})',
  noTracesMatch: 'No trace matches the search, level and tag in this range.',
  stepsOf: 'Steps of {trace}',
  subjectSteps: 'the steps of this trace',
  noSteps: 'No steps were recorded for this trace.',
  moreSteps: '{count} more steps are not shown.',
  moreStepsOne: '{count} more step is not shown.',
  stepStart: 'Start',
  stepDuration: 'Duration',
  stepName: 'Step',
  stepModel: 'Model',
};

export type TracesTabKey = keyof typeof tracesTabEnUS;
export type TracesTabLabels = Record<TracesTabKey, string>;

/** The text of `key`: the host's override from the provider's labels, else the English. */
export function tracesTabText(labels: Partial<TracesTabLabels>, key: TracesTabKey): string {
  return labels[key] ?? tracesTabEnUS[key];
}
