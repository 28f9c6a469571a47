import { Skeleton } from '../Status/Status.js';

/* -------------------------------------------------------------------------------------------
 * SkeletonRows
 * -----------------------------------------------------------------------------------------*/

const SKELETON_ROWS_NAME = 'SkeletonRows';

/** One placeholder cell: the column it stands in for and how wide its bar is. */
export interface SkeletonCell {
  id: string;
  /** Marks a column of figures, as its real cells are. @defaultValue false */
  numeric?: boolean;
  /** CSS width of the bar. @defaultValue '70%' */
  width?: string | number;
  /** Marks a column kept in a narrow container's stacked layout (`data-stack`), as its real cells are. */
  stack?: boolean;
}

export interface SkeletonRowsProps {
  /** How many rows stand in for the page that loads. */
  rows: number;
  /** One entry per visible column. */
  cells: readonly SkeletonCell[];
  /** Names each row `<partPrefix>-skeleton-row`. */
  partPrefix: string;
}

/**
 * Placeholder rows while a page loads, hidden from assistive technology (mark the table
 * `aria-busy` instead). Renders the rows alone, for a `<tbody>` of yours.
 *
 * @example
 * <tbody>{pending && <SkeletonRows partPrefix="user-detail" rows={5} cells={[{ id: 'name' }]} />}</tbody>
 *
 * @selector [data-part="<partPrefix>-skeleton-row"]
 */
export function SkeletonRows({ rows, cells, partPrefix }: SkeletonRowsProps) {
  return Array.from({ length: rows }, (_, i) => (
    <tr key={i} data-part={`${partPrefix}-skeleton-row`} aria-hidden>
      {cells.map((cell) => (
        <td key={cell.id} data-column={cell.id} data-numeric={cell.numeric ? '' : undefined} data-stack={cell.stack ? '' : undefined}>
          <Skeleton width={cell.width ?? '70%'} />
        </td>
      ))}
    </tr>
  ));
}
SkeletonRows.displayName = SKELETON_ROWS_NAME;
