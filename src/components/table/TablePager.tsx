'use client';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Page } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/* -------------------------------------------------------------------------------------------
 * TablePager
 * -----------------------------------------------------------------------------------------*/

const TABLE_PAGER_NAME = 'TablePager';

/** What the pager reads of an answered page. */
export type PagerPage = Pick<Page<unknown>, 'page' | 'pageSize' | 'total' | 'hasMore'> & { items: { length: number } };

export interface TablePagerProps extends ComponentPropsWithoutRef<'nav'> {
  /** The page the source answered: the summary and the buttons describe the rows on screen. */
  page: PagerPage;
  /** Called with the page (counted from 1) a button asks for. */
  onPageChange: (page: number) => void;
  /** Names the parts: `<partPrefix>-pagination`, `<partPrefix>-page-summary`, `<partPrefix>-page-of`. */
  partPrefix: string;
  /** Adds first and last page buttons (last only where the source counts its rows). @defaultValue false */
  edges?: boolean;
  /** Controls after the buttons (a jump to page). Other children come right after the summary. */
  trailing?: ReactNode;
}

/**
 * "1–25 of 312", previous and next (first and last with `edges`) and "Page 2 of 13" — or the
 * page number alone where the source cannot count. Buttons at an end stay focusable and say
 * they are disabled (`aria-disabled`), so paging to the last page keeps focus.
 *
 * @example
 * <TablePager partPrefix="user-detail" page={traces.data} onPageChange={(page) => setTracesTable({ ...tracesTable, page })} />
 *
 * @selector [data-part="<partPrefix>-pagination"] [data-part="<partPrefix>-page-summary"] [data-part="<partPrefix>-page-of"] button[data-edge]
 */
export const TablePager = forwardRef<HTMLElement, TablePagerProps>(
  ({ page: data, onPageChange, partPrefix, edges = false, trailing, children, ...props }, ref) => {
    const { format, labels } = useUserTrackingContext(TABLE_PAGER_NAME);
    const { page, pageSize, total } = data;
    const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize));
    const from = (page - 1) * pageSize + 1;
    const to = from + data.items.length - 1;
    const first = page <= 1;
    const last = pages === null ? !data.hasMore : page >= pages;
    const button = (label: string, glyph: string, disabled: boolean, target: number, edge = false) => (
      <button
        type="button"
        data-part="button"
        data-edge={edge ? '' : undefined}
        aria-label={label}
        aria-disabled={disabled || undefined}
        onClick={() => !disabled && onPageChange(target)}
      >
        <span aria-hidden>{glyph}</span>
      </button>
    );
    return (
      <nav aria-label={labels.paginationLabel} data-part={`${partPrefix}-pagination`} {...props} ref={ref}>
        <span data-part={`${partPrefix}-page-summary`}>
          {total === null
            ? formatLabel(labels.rangeOfUnknown, { from: format.number(from), to: format.number(to) })
            : formatLabel(labels.rangeOfTotal, { from: format.number(from), to: format.number(to), total: format.number(total) })}
        </span>
        {children}
        {edges && button(labels.firstPage, '«', first, 1, true)}
        {button(labels.previousPage, '‹', first, page - 1)}
        <span data-part={`${partPrefix}-page-of`}>
          {pages === null ? format.number(page) : formatLabel(labels.pageOf, { page: format.number(page), pages: format.number(pages) })}
        </span>
        {button(labels.nextPage, '›', last, page + 1)}
        {edges && pages !== null && button(labels.lastPage, '»', last, pages, true)}
        {trailing}
      </nav>
    );
  },
);
TablePager.displayName = TABLE_PAGER_NAME;
