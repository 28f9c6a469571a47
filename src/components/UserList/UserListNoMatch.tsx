'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListNoMatch
 * -----------------------------------------------------------------------------------------*/

export type UserListNoMatchProps = ComponentPropsWithoutRef<'div'>;

/**
 * When search, filters, a band or "only over budget" leave no user: says so and clears them.
 *
 * @selector [data-part="user-list-no-match"]
 */
export const UserListNoMatch = forwardRef<HTMLDivElement, UserListNoMatchProps>((props, ref) => {
  const { labels } = useUserTrackingContext('UserListNoMatch');
  const { setSearch, setFilters, setBand, setOverBudgetOnly, emptyKind } = useUserListContext('UserListNoMatch');
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
UserListNoMatch.displayName = 'UserListNoMatch';
