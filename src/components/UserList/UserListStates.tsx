'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { ErrorState } from '../Status/Status.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserList.EmptyState
 * -----------------------------------------------------------------------------------------*/

export type UserListEmptyStateProps = ComponentPropsWithoutRef<'div'>;

/**
 * When no user is tracked at all: how to add a `userId` to traces (with the root's `docsHref`).
 * When the date range holds no user: a shortcut to all time. Renders nothing otherwise.
 *
 * @selector [data-part="user-list-empty"] [data-kind="empty|empty-range"]
 */
export const UserListEmptyState = forwardRef<HTMLDivElement, UserListEmptyStateProps>((props, ref) => {
  const { labels } = useUserTrackingContext('UserList.EmptyState');
  const { docsHref, setRange, emptyKind: kind } = useUserListContext('UserList.EmptyState');
  if (kind !== 'empty' && kind !== 'empty-range') return null;
  return (
    <div data-part="user-list-empty" data-kind={kind} {...props} ref={ref}>
      <h2>{kind === 'empty' ? labels.emptyTitle : labels.emptyRangeTitle}</h2>
      <p>{kind === 'empty' ? labels.emptyBody : labels.emptyRangeBody}</p>
      {kind === 'empty' && docsHref && <a href={docsHref}>{labels.emptyDocs}</a>}
      {kind === 'empty-range' && (
        <button type="button" data-part="button" onClick={() => setRange({ preset: 'all' })}>
          {labels.showAllTime}
        </button>
      )}
    </div>
  );
});
UserListEmptyState.displayName = 'UserList.EmptyState';

/* -------------------------------------------------------------------------------------------
 * UserList.NoMatch
 * -----------------------------------------------------------------------------------------*/

/**
 * When search, filters, a band or "only over budget" leave no user: says so and clears them.
 *
 * @selector [data-part="user-list-no-match"]
 */
export const UserListNoMatch = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>((props, ref) => {
  const { labels } = useUserTrackingContext('UserList.NoMatch');
  const { setSearch, setFilters, setBand, setOverBudgetOnly, emptyKind } = useUserListContext('UserList.NoMatch');
  if (emptyKind !== 'no-match') return null;
  return (
    <div data-part="user-list-no-match" {...props} ref={ref}>
      <h2>{labels.noMatchTitle}</h2>
      <p>{labels.noMatchBody}</p>
      <button
        type="button"
        data-part="button"
        onClick={(event) => {
          setSearch('');
          setFilters({});
          setBand(null);
          setOverBudgetOnly(false);
          // This button goes away with the state it clears: keep focus in the list, on its search box.
          event.currentTarget.closest('[data-part="user-list"]')?.querySelector<HTMLElement>('[data-part="user-list-search"] input')?.focus();
        }}
      >
        {labels.noMatchClear}
      </button>
    </div>
  );
});
UserListNoMatch.displayName = 'UserList.NoMatch';

/* -------------------------------------------------------------------------------------------
 * UserList.ErrorState
 * -----------------------------------------------------------------------------------------*/

/**
 * When the list could not load: what failed and a retry. Renders nothing otherwise.
 *
 * @selector [data-part="error-state"]
 */
export const UserListErrorState = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>((props, ref) => {
  const { labels } = useUserTrackingContext('UserList.ErrorState');
  const { users } = useUserListContext('UserList.ErrorState');
  if (!users.isError) return null;
  return <ErrorState error={users.error} subject={labels.subjectUsers} onRetry={() => void users.refetch()} retrying={users.isFetching} {...props} ref={ref} />;
});
UserListErrorState.displayName = 'UserList.ErrorState';
