import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { SortDirection } from '../../client/types.js';

/* -------------------------------------------------------------------------------------------
 * SortHeader
 * -----------------------------------------------------------------------------------------*/

const SORT_HEADER_NAME = 'SortHeader';

export interface SortHeaderProps extends ComponentPropsWithoutRef<'th'> {
  /** Names the parts inside: `<partPrefix>-sort` (the button) and `<partPrefix>-sort-icon`. */
  partPrefix: string;
  /** The column's direction when the table is sorted by it, else null. @defaultValue null */
  direction?: SortDirection | null;
  /** Whether a click sorts by the column; otherwise the header is plain text. @defaultValue false */
  sortable?: boolean;
  /** Marks a column of figures (aligned to the end). @defaultValue false */
  numeric?: boolean;
  /** Called when the header's button is pressed. */
  onSort?: () => void;
  /** A control beside the label, outside its button (the feedback column's score picker). */
  control?: ReactNode;
}

/**
 * A column header: a `<th scope="col">` whose label is a button when the column sorts, with
 * `aria-sort` on the active column and a hidden ▲ ▼ ↕ beside the label.
 *
 * @example
 * <SortHeader partPrefix="user-list" sortable numeric direction="desc" onSort={toggle}>Cost</SortHeader>
 *
 * @selector th[data-sortable] th[data-sort="asc|desc"] th[data-numeric]
 * @selector [data-part="<partPrefix>-sort"] [data-part="<partPrefix>-sort-icon"]
 */
export const SortHeader = forwardRef<HTMLTableCellElement, SortHeaderProps>(
  ({ partPrefix, direction = null, sortable = false, numeric = false, onSort, control, children, ...props }, ref) => {
    const active = sortable && direction !== null;
    return (
      <th
        scope="col"
        data-numeric={numeric ? '' : undefined}
        data-sortable={sortable ? '' : undefined}
        data-sort={active ? direction : undefined}
        aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
        {...props}
        ref={ref}
      >
        {sortable ? (
          <button type="button" data-part={`${partPrefix}-sort`} onClick={onSort}>
            {children}
            <span aria-hidden data-part={`${partPrefix}-sort-icon`}>
              {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
            </span>
          </button>
        ) : (
          children
        )}
        {control}
      </th>
    );
  },
);
SortHeader.displayName = SORT_HEADER_NAME;
