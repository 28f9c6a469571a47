'use client';
import { forwardRef } from 'react';
import { UserListBudgetToggle } from './UserListBudgetToggle.js';
import { UserListColumns } from './UserListColumns.js';
import { UserListDateRange } from './UserListDateRange.js';
import { UserListDistribution } from './UserListDistribution.js';
import { UserListEmptyState } from './UserListEmptyState.js';
import { UserListErrorState } from './UserListErrorState.js';
import { UserListExport } from './UserListExport.js';
import { UserListFilters } from './UserListFilters.js';
import { UserListNoMatch } from './UserListNoMatch.js';
import { UserListPagination } from './UserListPagination.js';
import { UserListRefresh } from './UserListRefresh.js';
import { UserListRoot, type UserListRootProps } from './UserListRoot.js';
import { UserListSearch } from './UserListSearch.js';
import { UserListTable } from './UserListTable.js';
import { UserListToolbar } from './UserListToolbar.js';

export interface UserListProps extends UserListRootProps {
  /** Show the histogram of users by the sort figure. @defaultValue true */
  showDistribution?: boolean;
}

const UserListComposed = forwardRef<HTMLDivElement, UserListProps>(({ showDistribution = true, ...props }, ref) => (
  <UserListRoot {...props} ref={ref}>
    <UserListToolbar />
    {showDistribution && <UserListDistribution />}
    <UserListErrorState />
    <UserListEmptyState />
    <UserListNoMatch />
    <UserListTable />
    <UserListPagination />
  </UserListRoot>
));
UserListComposed.displayName = 'UserList';

/**
 * Every user of the source with their traces, tokens, cost, errors, latency and feedback:
 * sortable, searchable, filterable, paged and exportable. A ready composition of the parts,
 * which are also available one by one (`UserList.Root`, `UserList.Table`, …).
 *
 * @example
 * <UserList getUserHref={(id) => `/admin/users/${encodeURIComponent(id)}`} budget={{ field: 'totalCost', limit: 50 }} />
 */
export const UserList = Object.assign(UserListComposed, {
  Root: UserListRoot,
  Toolbar: UserListToolbar,
  Search: UserListSearch,
  DateRange: UserListDateRange,
  Filters: UserListFilters,
  BudgetToggle: UserListBudgetToggle,
  Columns: UserListColumns,
  Export: UserListExport,
  Refresh: UserListRefresh,
  Distribution: UserListDistribution,
  Table: UserListTable,
  Pagination: UserListPagination,
  EmptyState: UserListEmptyState,
  NoMatch: UserListNoMatch,
  ErrorState: UserListErrorState,
});
