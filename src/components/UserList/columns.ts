import { scoreFigureName } from '../../client/figures.js';
import { profileValue } from '../../client/profiles.js';
import type { ClientCapabilities, ProfileField, ScoreSummary, UserFigure, UserProfile, UserSortField, UserSummary } from '../../client/types.js';
import type { CsvValue } from '../../format/toCsv.js';
import type { LabelKey, Labels } from '../../i18n/en-US.js';

/**
 * The user list's columns: what each shows, which figure it needs from the source, how it
 * sorts, and its raw values for CSV. Framework-free so the export and the table agree.
 */

/** A column of one of the host's profile fields (`ProfileField`): `profile.organisation`. */
export type ProfileColumnId = `profile.${string}`;

export type ColumnId =
  | ProfileColumnId
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

export type CellKind = 'userId' | 'date' | 'count' | 'tokens' | 'cost' | 'errors' | 'duration' | 'scores' | 'trend' | 'profile';

export interface ColumnSpec {
  id: ColumnId;
  label: LabelKey;
  /** The header as the host wrote it (a profile field's `label`), in place of `label`'s text. */
  text?: string;
  /** The profile field a `profile` column shows. */
  field?: string;
  kind: CellKind;
  /** The figures the cell shows; the cell reads "not available" when the source lacks one. */
  figures: readonly UserFigure[];
  /** The field a click on the header sorts by, if the source can sort on it. */
  sortField?: UserSortField;
  /** The direction of a first click: descending for figures, ascending for ids. */
  firstDirection: 'asc' | 'desc';
  numeric: boolean;
  /** CSV columns: header label (or the host's `text`) and raw value. */
  csv: readonly { label: LabelKey; text?: string; value: (user: UserSummary, profile?: UserProfile) => CsvValue; needsProfiles?: true }[];
}

/** A column's header text. */
export function columnText(column: { label: LabelKey; text?: string }, labels: Labels): string {
  return column.text ?? labels[column.label];
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
    csv: [
      { label: 'columnUserId', value: (user) => user.userId },
      { label: 'columnName', value: (_, profile) => profileValue(profile, 'name'), needsProfiles: true },
      { label: 'columnEmail', value: (_, profile) => profileValue(profile, 'email'), needsProfiles: true },
    ],
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

const columnsByFields = new WeakMap<readonly ProfileField[], readonly ColumnSpec[]>();

/**
 * Every column, the host's profile fields after the user id: built once per `profileFields`
 * (the provider keeps that array stable).
 */
export function listColumns(profileFields: readonly ProfileField[]): readonly ColumnSpec[] {
  if (profileFields.length === 0) return COLUMNS;
  let columns = columnsByFields.get(profileFields);
  if (!columns) {
    const profileColumns = profileFields.map(({ field, label }): ColumnSpec => ({
      id: `profile.${field}`,
      label: 'columnUserId',
      text: label,
      field,
      kind: 'profile',
      figures: [],
      firstDirection: 'asc',
      numeric: false,
      csv: [{ label: 'columnUserId', text: label, value: (_, profile) => profileValue(profile, field) }],
    }));
    columns = [COLUMNS[0]!, ...profileColumns, ...COLUMNS.slice(1)];
    columnsByFields.set(profileFields, columns);
  }
  return columns;
}

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

/** A figure's name inside a sentence ("Top 1,000 by cost"); a score's mean reads as the score's name. */
export function figureText(field: UserSortField, labels: Labels): string {
  return scoreFigureName(field) ?? labels[`figureText${field[0]!.toUpperCase()}${field.slice(1)}` as LabelKey];
}

/**
 * `columns` with `id` shown where the default order puts it: after the nearest visible column
 * that precedes it there, so a newly shown figure lands among its kin, not after the trend.
 */
export function withColumnShown(columns: readonly ColumnId[], id: ColumnId, order: readonly ColumnId[] = DEFAULT_COLUMN_ORDER): ColumnId[] {
  if (columns.includes(id)) return [...columns];
  const rank = order.indexOf(id);
  let at = 0;
  columns.forEach((column, index) => {
    if (order.indexOf(column) < rank) at = index + 1;
  });
  return [...columns.slice(0, at), id, ...columns.slice(at)];
}
