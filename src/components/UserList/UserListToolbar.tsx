'use client';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
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
 * filters, the budget toggle (with a `budget`), columns, export and refresh; in a container
 * narrower than 40rem all but the search fold behind one "Options" button.
 *
 * @selector [data-part="user-list-toolbar"] [data-collapsible] [data-expanded] [data-part="user-list-toolbar-toggle"]
 */
export const UserListToolbar = forwardRef<HTMLDivElement, UserListToolbarProps>(({ children, ...props }, ref) => {
  const { labels } = useUserTrackingContext(TOOLBAR_NAME);
  const { budget } = useUserListContext(TOOLBAR_NAME);
  const [expanded, setExpanded] = useState(false);
  const generatedId = useId();
  // A host's own id names the toolbar, and the Options button controls it by that name.
  const id = props.id ?? generatedId;
  // Only the default controls fold: a host's own children are laid out as the host chose.
  const collapsible = children === undefined;
  return (
    <div
      role="toolbar"
      aria-label={labels.toolbarLabel}
      data-part="user-list-toolbar"
      data-collapsible={collapsible ? '' : undefined}
      data-expanded={expanded ? '' : undefined}
      id={id}
      {...props}
      ref={ref}
    >
      {children ?? (
        <>
          <UserListSearch />
          {/* Shown by the stylesheet in narrow containers only (a container query). */}
          <button type="button" data-part="user-list-toolbar-toggle" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)}>
            {labels.toolbarOptions}
          </button>
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
