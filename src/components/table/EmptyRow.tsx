import { forwardRef, type ComponentPropsWithoutRef } from 'react';

/* -------------------------------------------------------------------------------------------
 * EmptyRow
 * -----------------------------------------------------------------------------------------*/

const EMPTY_ROW_NAME = 'EmptyRow';

export interface EmptyRowProps extends ComponentPropsWithoutRef<'tr'> {
  /** Columns the message spans: the table's visible columns. */
  colSpan: number;
  /** Names the row `<partPrefix>-empty-row`. */
  partPrefix: string;
}

/**
 * The one row of a table with nothing to show, its message across every column.
 *
 * @example
 * <EmptyRow partPrefix="user-detail" colSpan={columns.length}>No traces in this range</EmptyRow>
 *
 * @selector [data-part="<partPrefix>-empty-row"]
 */
export const EmptyRow = forwardRef<HTMLTableRowElement, EmptyRowProps>(({ colSpan, partPrefix, children, ...props }, ref) => (
  <tr data-part={`${partPrefix}-empty-row`} {...props} ref={ref}>
    <td colSpan={colSpan}>{children}</td>
  </tr>
));
EmptyRow.displayName = EMPTY_ROW_NAME;
