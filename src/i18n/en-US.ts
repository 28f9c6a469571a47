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
  noSuchUser: 'No user with the id {userId}',
  noData: 'Nothing in this date range',
} as const;

export type LabelKey = keyof typeof enUS;
export type Labels = Record<LabelKey, string>;

/** Fills `{name}` placeholders; unknown placeholders stay as written so a gap is visible. */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
