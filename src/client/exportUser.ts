import type { ExportProgress } from './exportUsers.js';
import type { DateRange, TraceFilters, UserTrackingClient } from './types.js';

/** What one user's export holds: their traces, sessions or scores. */
export type UserExportKind = 'traces' | 'sessions' | 'scores';

/** Whose records, over which range and filters: the user page's. */
export interface ExportUserQuery {
  userId: string;
  range?: DateRange;
  filters?: TraceFilters;
}

export interface ExportUserOptions {
  /** CSV (one table: the first of `kinds`) or JSON (every kind asked, each as an array). */
  format: 'csv' | 'json';
  /** @defaultValue CSV: `['traces']`; JSON: all three */
  kinds?: readonly UserExportKind[];
  /** Stops the export; the promise then rejects with the signal's reason, even when the source ignores the signal. */
  signal?: AbortSignal;
  /** Called after each page, with rows read so far and, where the source counts, how many there are. */
  onProgress?: (progress: ExportProgress) => void;
}

/**
 * One user's traces, sessions and scores over a range — every page — as CSV (RFC 4180, UTF-8
 * with BOM, formula-guarded, field names as headers, payloads as JSON text) or JSON, for a
 * support ticket. The code loads on the first call.
 *
 * @example
 * const json = await exportUser(client, { userId, range }, { format: 'json' });
 * const csv = await exportUser(client, { userId, range }, { format: 'csv', kinds: ['scores'] });
 */
export async function exportUser(client: UserTrackingClient, query: ExportUserQuery, options: ExportUserOptions): Promise<string> {
  const { exportUserRows } = await import('./exportUserRows.js');
  return exportUserRows(client, query, options);
}
