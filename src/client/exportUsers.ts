import { CSV_BOM, csvLine, type CsvValue } from '../format/toCsv.js';
import { profileOf } from './profiles.js';
import type { UserProfile, UserProfilesLoader, UserSummary, UsersQuery, UserTrackingClient } from './types.js';

/** One CSV column: its header cell and the raw value of each user's cell (with their profile, given `profiles`). */
export interface ExportColumn {
  header: string;
  value: (user: UserSummary, profile?: UserProfile) => CsvValue;
}

/** How far an export has come: rows fetched so far, and the query's row count (`null` where the source cannot count). */
export interface ExportProgress {
  done: number;
  total: number | null;
  /** Set when the source gave rows of the user's latest traces only (see `Page.latestTraces`): how many. */
  latestTraces?: number;
}

export interface ExportUsersOptions {
  /** The columns, in order. */
  columns: readonly ExportColumn[];
  /** Stops the export; the promise then rejects with the signal's reason, even when the source ignores the signal. */
  signal?: AbortSignal;
  /** Called after each page. `done` only grows. */
  onProgress?: (progress: ExportProgress) => void;
  /**
   * The host's profile loader (the provider's `getUserProfiles`), asked once per page; each
   * column's `value` then gets the user's profile as the loader gave it (read its fields with
   * care: `profileValue` keeps only what shows as text). A loader that fails fails the export: a file
   * without the names would pass for a complete one.
   */
  profiles?: UserProfilesLoader;
}

/** Pages are as large as the source allows, capped so one response stays a reasonable size. */
const EXPORT_PAGE_SIZE = 1000;

/**
 * Every row of a users query as one CSV document (RFC 4180, UTF-8 with BOM, formula-guarded):
 * a header row, then each user in the query's sort order. Pages through `listUsers` and, for a
 * source that delivers figures in two phases (`capabilities.deferredFigures`), merges each page's
 * deferred figures. The query's `page` and `pageSize` are ignored.
 *
 * @example
 * const controller = new AbortController();
 * const csv = await exportUsers(client, { range: { from: '2026-01-01' }, sort: { field: 'totalCost', direction: 'desc' } }, {
 *   columns: [
 *     { header: 'User ID', value: (user) => user.userId },
 *     { header: 'Cost (USD)', value: (user) => user.totalCost },
 *   ],
 *   signal: controller.signal,
 *   onProgress: ({ done, total }) => console.log(`${done} of ${total ?? '?'}`),
 * });
 */
export async function exportUsers(client: UserTrackingClient, query: UsersQuery, options: ExportUsersOptions): Promise<string> {
  const { columns, signal, onProgress, profiles } = options;
  const { capabilities } = client;
  const pageSize = Math.min(capabilities.maxPageSize, EXPORT_PAGE_SIZE);
  const deferred = capabilities.deferredFigures.length > 0 ? client.getUserFigures?.bind(client) : undefined;
  const parts = [CSV_BOM, csvLine(columns.map((column) => column.header))];
  let done = 0;
  for (let page = 1; ; page++) {
    // Aborted between pages (e.g. from onProgress): ask the source for nothing more.
    signal?.throwIfAborted();
    const result = await client.listUsers({ ...query, page, pageSize }, { signal });
    // A source may not honour the signal: cancelling must still stop here.
    signal?.throwIfAborted();
    let rows: UserSummary[] = result.items;
    if (deferred && rows.length > 0) {
      const figures = await deferred(
        { userIds: rows.map((row) => row.userId), ...(query.range ? { range: query.range } : {}), ...(query.filters ? { filters: query.filters } : {}) },
        { signal },
      );
      signal?.throwIfAborted();
      const byUser = new Map(figures.map((row) => [row.userId, row]));
      rows = rows.map((row) => ({ ...row, ...byUser.get(row.userId) }));
    }
    const ids = rows.map((row) => row.userId);
    const people = profiles && ids.length > 0 ? await profiles(ids, { signal: signal ?? new AbortController().signal }) : undefined;
    signal?.throwIfAborted();
    for (const row of rows) parts.push(csvLine(columns.map((column) => column.value(row, profileOf(people, row.userId)))));
    done += rows.length;
    onProgress?.({ done, total: result.total });
    // An empty page ends the export even when the source claims more, so it cannot loop forever.
    if (!result.hasMore || rows.length === 0) break;
  }
  return parts.join('');
}
