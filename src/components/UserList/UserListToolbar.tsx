'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { UserListBudgetToggle } from './UserListBudgetToggle.js';
import { UserListColumns } from './UserListColumns.js';
import { UserListDateRange } from './UserListDateRange.js';
import { UserListExport } from './UserListExport.js';
import { UserListFilters } from './UserListFilters.js';
import { UserListRefresh } from './UserListRefresh.js';
import { useUserListContext } from './UserListRoot.js';
import { UserListSearch } from './UserListSearch.js';

/* -------------------------------------------------------------------------------------------
 * UserListToolbar
 * -----------------------------------------------------------------------------------------*/

const TOOLBAR_NAME = 'UserListToolbar';

export type UserListToolbarProps = ComponentPropsWithoutRef<'div'>;

/**
 * Groups the list's controls. Without children it renders them all: search, date range,
 * filters, the budget toggle (with a `budget`), columns, export and refresh.
 *
 * @selector [data-part="user-list-toolbar"]
 */
export const UserListToolbar = forwardRef<HTMLDivElement, UserListToolbarProps>(({ children, ...props }, ref) => {
  const { labels } = useUserTrackingContext(TOOLBAR_NAME);
  const { budget } = useUserListContext(TOOLBAR_NAME);
  return (
    <div role="toolbar" aria-label={labels.toolbarLabel} data-part="user-list-toolbar" {...props} ref={ref}>
      {children ?? (
        <>
          <UserListSearch />
          <UserListDateRange />
          <UserListFilters />
          {budget && <UserListBudgetToggle />}
          <UserListColumns />
          <UserListExport />
          <UserListRefresh />
        </>
      )}
    </div>
  );
});
UserListToolbar.displayName = TOOLBAR_NAME;
