'use client';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { figureText } from './columns.js';
import { TablePager } from '../table/TablePager.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListPagination
 * -----------------------------------------------------------------------------------------*/

const PAGINATION_NAME = 'UserListPagination';

export interface UserListPaginationProps extends ComponentPropsWithoutRef<'nav'> {
  /** @defaultValue [10, 25, 50, 100] */
  pageSizes?: readonly number[];
}

/**
 * Page size, first / previous / next / last, jump to page, and "1–50 of 12,345". For a source
 * that only knows its top N users it says "Top 1,000 by cost" instead of a total it lacks.
 *
 * @selector [data-part="user-list-pagination"]
 */
export const UserListPagination = forwardRef<HTMLElement, UserListPaginationProps>(({ pageSizes = [10, 25, 50, 100], ...props }, ref) => {
  const { client, format, labels } = useUserTrackingContext(PAGINATION_NAME);
  const { users, pagination, setPagination, sorting } = useUserListContext(PAGINATION_NAME);
  const id = useId();
  const [jump, setJump] = useState('');
  const data = users.data;
  if (!data || data.items.length === 0) return null;

  // The pager describes the rows on screen (the answered page), not the one being asked for.
  const pages = data.total === null ? null : Math.max(1, Math.ceil(data.total / data.pageSize));
  const kind = client.capabilities.pagination;
  // A top-N source ranks only its first users: say so beside the rows' range.
  const ranking = kind.kind === 'top-n' ? formatLabel(labels.topN, { limit: format.number(kind.limit), column: figureText(sorting.field, labels) }) : null;
  const go = (next: number) =>
    setPagination({ page: Math.max(1, pages === null ? next : Math.min(pages, next)), pageSize: pagination.pageSize });

  return (
    <TablePager
      partPrefix="user-list"
      page={data}
      onPageChange={go}
      edges
      trailing={
        pages !== null &&
        pages > 1 && (
          <form
            data-part="user-list-jump"
            onSubmit={(event) => {
              event.preventDefault();
              const target = Number(jump);
              if (Number.isInteger(target) && target >= 1) go(target);
              setJump('');
            }}
          >
            <label htmlFor={`${id}-jump`} data-part="label">
              {labels.jumpToPage}
            </label>
            <input id={`${id}-jump`} type="number" inputMode="numeric" min={1} max={pages} value={jump} onChange={(event) => setJump(event.target.value)} />
          </form>
        )
      }
      {...props}
      ref={ref}
    >
      {ranking && <span data-part="user-list-ranking">{ranking}</span>}
      <label htmlFor={`${id}-size`} data-part="label">
        {labels.pageSizeLabel}
      </label>
      <select id={`${id}-size`} value={pagination.pageSize} onChange={(event) => setPagination({ page: 1, pageSize: Number(event.target.value) })}>
        {[...new Set([...pageSizes, pagination.pageSize])]
          .filter((size) => size <= client.capabilities.maxPageSize)
          .sort((a, b) => a - b)
          .map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
      </select>
    </TablePager>
  );
});
UserListPagination.displayName = PAGINATION_NAME;
