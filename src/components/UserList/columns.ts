import type { ClientCapabilities, ScoreSummary, UserFigure, UserSortField, UserSummary } from '../../client/types.js';
import type { CsvValue } from '../../format/toCsv.js';
import type { LabelKey } from '../../i18n/en-US.js';

/**
 * The user list's columns: what each shows, which figure it needs from the source, how it
 * sorts, and its raw values for CSV. Framework-free so the export and the table agree.
 */

export type ColumnId =
  | 'userId'
  | 'firstEvent'
  | 'lastEvent'
  | 'traceCount'
  | 'observationCount'
  | 'sessionCount'
  | 'inputTokens'
  | 'outputTokens'
  | 'totalTokens'
  | 'totalCost'
  | 'errorCount'
  | 'latencyP50'
  | 'latencyP95'
  | 'scores'
  | 'trend';

export type CellKind = 'userId' | 'date' | 'count' | 'tokens' | 'cost' | 'errors' | 'duration' | 'scores' | 'trend';

export interface ColumnSpec {
  id: ColumnId;
  label: LabelKey;
  kind: CellKind;
  /** The figures the cell shows; the cell reads "not available" when the source lacks one. */
  figures: readonly UserFigure[];
  /** The field a click on the header sorts by, if the source can sort on it. */
  sortField?: UserSortField;
  /** The direction of a first click: descending for figures, ascending for ids. */
  firstDirection: 'asc' | 'desc';
  numeric: boolean;
  /** CSV columns: header label and raw value. */
  csv: readonly { label: LabelKey; value: (user: UserSummary) => CsvValue }[];
}

const scoresAsText = (scores: readonly ScoreSummary[]) =>
  scores.map((score) => `${score.name}=${score.mean} (n=${score.count})`).join('; ');

function figureColumn(id: ColumnId & UserFigure, label: LabelKey, kind: CellKind): ColumnSpec {
  return {
    id,
    label,
    kind,
    figures: [id],
    sortField: id as UserSortField,
    firstDirection: 'desc',
    numeric: kind !== 'date',
    csv: [{ label, value: (user) => user[id] as CsvValue }],
  };
}

export const COLUMNS: readonly ColumnSpec[] = [
  {
    id: 'userId',
    label: 'columnUserId',
    kind: 'userId',
    figures: [],
    sortField: 'userId',
    firstDirection: 'asc',
    numeric: false,
    csv: [{ label: 'columnUserId', value: (user) => user.userId }],
  },
  figureColumn('firstEvent', 'columnFirstEvent', 'date'),
  figureColumn('lastEvent', 'columnLastEvent', 'date'),
  figureColumn('traceCount', 'columnTraces', 'count'),
  figureColumn('observationCount', 'columnObservations', 'count'),
  figureColumn('sessionCount', 'columnSessions', 'count'),
  figureColumn('inputTokens', 'columnInputTokens', 'tokens'),
  figureColumn('outputTokens', 'columnOutputTokens', 'tokens'),
  figureColumn('totalTokens', 'columnTotalTokens', 'tokens'),
  figureColumn('totalCost', 'columnCost', 'cost'),
  {
    id: 'errorCount',
    label: 'columnErrors',
    kind: 'errors',
    figures: ['errorCount', 'errorRate'],
    sortField: 'errorCount',
    firstDirection: 'desc',
    numeric: true,
    csv: [
      { label: 'columnErrors', value: (user) => user.errorCount },
      { label: 'columnErrorRate', value: (user) => user.errorRate },
    ],
  },
  figureColumn('latencyP50', 'columnLatencyP50', 'duration'),
  figureColumn('latencyP95', 'columnLatencyP95', 'duration'),
  {
    id: 'scores',
    label: 'columnFeedback',
    kind: 'scores',
    figures: ['scores'],
    firstDirection: 'desc',
    numeric: false,
    csv: [{ label: 'columnFeedback', value: (user) => scoresAsText(user.scores) }],
  },
  { id: 'trend', label: 'columnTrend', kind: 'trend', figures: [], firstDirection: 'desc', numeric: false, csv: [] },
];

export const COLUMN_BY_ID = new Map(COLUMNS.map((column) => [column.id, column]));

export const DEFAULT_COLUMN_ORDER: readonly ColumnId[] = COLUMNS.map((column) => column.id);

/** What fits a 1000 px admin content area beside a sidebar; latency and the rest are a click away. */
export const DEFAULT_VISIBLE_COLUMNS: ColumnId[] = [
  'userId',
  'lastEvent',
  'traceCount',
  'totalTokens',
  'totalCost',
  'errorCount',
  'scores',
  'trend',
];

/** Whether the source has every figure the column shows (the trend needs `getTrends`). */
export function columnAvailable(column: ColumnSpec, capabilities: ClientCapabilities): boolean {
  if (column.kind === 'trend') return capabilities.trends;
  return column.figures.every(
    (figure) => capabilities.listFigures.includes(figure) || capabilities.deferredFigures.includes(figure),
  );
}

/** Whether a click on the header can sort by the column on this source. */
export function columnSortable(column: ColumnSpec, capabilities: ClientCapabilities): boolean {
  return column.sortField !== undefined && capabilities.sortableFields.includes(column.sortField);
}

/** The dictionary key of a figure's name inside a sentence ("Top 1,000 by cost"). */
export function figureTextKey(field: UserSortField): LabelKey {
  return `figureText${field[0]!.toUpperCase()}${field.slice(1)}` as LabelKey;
}

/**
 * `columns` with `id` shown where the default order puts it: after the nearest visible column
 * that precedes it there, so a newly shown figure lands among its kin, not after the trend.
 */
export function withColumnShown(columns: readonly ColumnId[], id: ColumnId): ColumnId[] {
  if (columns.includes(id)) return [...columns];
  const rank = DEFAULT_COLUMN_ORDER.indexOf(id);
  let at = 0;
  columns.forEach((column, index) => {
    if (DEFAULT_COLUMN_ORDER.indexOf(column) < rank) at = index + 1;
  });
  return [...columns.slice(0, at), id, ...columns.slice(at)];
}
