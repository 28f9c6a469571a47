'use client';
import { forwardRef, useRef, useState, type ComponentPropsWithoutRef } from 'react';
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
  const { search, setSearch: setListSearch } = useUserListContext(SEARCH_NAME);
  const input = useRef<HTMLInputElement>(null);
  // The box shows what was typed at once, even when the host's state (a URL written in a
  // transition) catches up later: echoes of earlier keystrokes must not overwrite newer ones.
  // A search the host sets itself (Back, a cleared filter) replaces the text.
  const [text, setText] = useState(search);
  const [echo, setEcho] = useState({ seen: search, sent: [] as string[] });
  if (search !== echo.seen) {
    const at = echo.sent.indexOf(search);
    setEcho({ seen: search, sent: at < 0 ? [] : echo.sent.slice(at + 1) });
    if (at < 0) setText(search);
  }
  const setSearch = (value: string) => {
    setText(value);
    setEcho((current) => ({ ...current, sent: [...current.sent, value] }));
    setListSearch(value);
  };
  return (
    <span data-part="user-list-search" {...props} ref={ref}>
      <input
        ref={input}
        type="search"
        aria-label={labels.searchLabel}
        placeholder={getUserProfiles && client.capabilities.searchUserIds ? labels.searchPlaceholderPeople : labels.searchPlaceholder}
        value={text}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.preventDefault();
            setSearch('');
          }
        }}
      />
      {text && (
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
