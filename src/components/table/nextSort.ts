import type { PaginationKind, SortDirection, SortSpec } from '../../client/types.js';

/**
 * How a column orders: `number` and `time` columns read best largest or newest first, `text`
 * columns from A.
 */
export type SortKind = 'number' | 'time' | 'text';

/** A header that was clicked: the field it sorts by and how that field orders. */
export interface SortTarget<Field extends string> {
  field: Field;
  kind: SortKind;
}

/**
 * The sort a click on a header asks for, the one rule every userlens table follows: a click on
 * the active column flips its direction; a first click sorts numbers and times descending and
 * text ascending; a source that pages a top-N ranking sorts descending only.
 *
 * @param current The sort in force, if any.
 * @param target The clicked column.
 * @param pagination How the table's source pages (`capabilities.pagination` for the user list).
 *
 * @example
 * nextSort({ field: 'timestamp', direction: 'desc' }, { field: 'totalCost', kind: 'number' });
 * // → { field: 'totalCost', direction: 'desc' }
 */
export function nextSort<Field extends string>(
  current: SortSpec<Field> | null | undefined,
  target: SortTarget<Field>,
  pagination?: PaginationKind,
): SortSpec<Field> {
  return { field: target.field, direction: nextDirection(current, target, pagination) };
}

function nextDirection<Field extends string>(
  current: SortSpec<Field> | null | undefined,
  target: SortTarget<Field>,
  pagination: PaginationKind | undefined,
): SortDirection {
  // A top-N source ranks by a figure descending: it has no ascending order to offer.
  if (pagination?.kind === 'top-n') return 'desc';
  if (current?.field === target.field) return current.direction === 'asc' ? 'desc' : 'asc';
  return target.kind === 'text' ? 'asc' : 'desc';
}
