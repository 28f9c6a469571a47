import type { Container } from './records.js';

/** What a file's rows are, when its name or its first row tells. */
export type Table = 'traces' | 'observations' | 'scores';

/**
 * The table a file holds from its path: a blob-storage run's folders (`traces/`,
 * `observations/`, `observations_v2/` or the older `events/`, `scores/`) or a UI export's name
 * (`…-lf-traces-export-….csv`). Names are not a stable contract (Langfuse says so): a file
 * whose name tells nothing is told by its first row.
 */
export function tableFromName(name: string): Table | null {
  const path = name.replaceAll('\\', '/').toLowerCase();
  const folder = /(?:^|\/)(traces|observations|observations_v2|events|scores)\/[^/]*$/.exec(path)?.[1];
  const ui = /-lf-(traces|observations|events|scores)-export-/.exec(path)?.[1];
  const found = folder ?? ui;
  if (!found) return null;
  return found === 'traces' ? 'traces' : found === 'scores' ? 'scores' : 'observations';
}

/** The table of a row by its keys, in either spelling. */
export function tableFromRow(row: Record<string, unknown>): Table | null {
  const has = (...keys: string[]) => keys.some((key) => key in row);
  if (has('dataType', 'data_type')) return 'scores';
  if (has('startTime', 'start_time')) return 'observations';
  if (has('timestamp') && !has('traceId', 'trace_id')) return 'traces';
  return null;
}

/** How the file holds its rows, from its first characters (of the text, gunzipped) and its name. */
export function containerOf(name: string, head: string): Container | 'json-object' {
  const start = head.trimStart();
  if (start.startsWith('[')) return 'json-array';
  if (start.startsWith('{')) {
    // One object per line, or one object for the whole file (a trace download, an API page).
    if (/\.jsonl(?:\.gz)?$/i.test(name)) return 'jsonl';
    if (/\.json(?:\.gz)?$/i.test(name)) return 'json-object';
    const firstLine = start.slice(0, start.indexOf('\n') >>> 0);
    try {
      const first: unknown = JSON.parse(firstLine);
      // A second row, or a first line that is a row by itself.
      return start.slice(firstLine.length).trimStart().startsWith('{') || tableFromRow(first as Record<string, unknown>) ? 'jsonl' : 'json-object';
    } catch {
      return 'json-object';
    }
  }
  return 'csv';
}
