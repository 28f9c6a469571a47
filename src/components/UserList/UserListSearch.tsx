'use client';
import { forwardRef, useRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListSearch
 * -----------------------------------------------------------------------------------------*/

const SEARCH_NAME = 'UserListSearch';

export type UserListSearchProps = ComponentPropsWithoutRef<'span'>;

/**
 * Search by user id (any case) and, with the provider's `getUserProfiles` on a source that takes
 * ids for search, by the names loaded so far. Queries run once typing pauses; Escape clears.
 *
 * @selector [data-part="user-list-search"]
 */
export const UserListSearch = forwardRef<HTMLSpanElement, UserListSearchProps>((props, ref) => {
  const { labels, client, getUserProfiles } = useUserTrackingContext(SEARCH_NAME);
  const { search, setSearch } = useUserListContext(SEARCH_NAME);
  const input = useRef<HTMLInputElement>(null);
  return (
    <span data-part="user-list-search" {...props} ref={ref}>
      <input
        ref={input}
        type="search"
        aria-label={labels.searchLabel}
        placeholder={getUserProfiles && client.capabilities.searchUserIds ? labels.searchPlaceholderPeople : labels.searchPlaceholder}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && search) {
            event.preventDefault();
            setSearch('');
          }
        }}
      />
      {search && (
        <button
          type="button"
          data-part="button"
          aria-label={labels.clearSearch}
          onClick={() => {
            setSearch('');
            // The button goes away with the text: focus goes back to the box.
            input.current?.focus();
          }}
        >
          <span aria-hidden>×</span>
        </button>
      )}
    </span>
  );
});
UserListSearch.displayName = SEARCH_NAME;
