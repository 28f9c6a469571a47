/**
 * The texts of exporting one user (`UserDetailExport`). Their own module so they load with that
 * part, not with the provider; override any of them through the provider's `labels`.
 */
export const userExportEnUS = {
  userExportLabel: 'Export this user',
  userExportTraces: 'Traces (CSV)',
  userExportSessions: 'Sessions (CSV)',
  userExportScores: 'Scores (CSV)',
  userExportAll: 'Traces, sessions and scores (JSON)',
  userExportStart: 'Export',
  userExportProgress: 'Exporting… {done} rows',
  userExportDone: 'Exported {count} rows',
  userExportDoneOne: 'Exported {count} row',
  userExportLatest: 'from the range’s latest traces only ({count}), as the page lists them',
  userExportFailed: 'Export failed: {message}',
  userExportCancel: 'Cancel export',
};

export type UserExportKey = keyof typeof userExportEnUS;
export type UserExportLabels = Record<UserExportKey, string>;
