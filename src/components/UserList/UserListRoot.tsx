'use client';
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useUserListData, type UserListData } from '../../hooks/useUserListData.js';
import { USER_LIST_STATE_KEYS, useUserListState, type UserListState, type UserListStateOptions } from '../../hooks/useUserListState.js';
import type { TraceFilters } from '../../client/types.js';
import type { RangeValue } from '../../format/dateRangePresets.js';
import { formatLabel } from '../../i18n/en-US.js';
import { createUserlensContext } from '../../provider/context.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { splitProps } from '../shared/splitProps.js';
import { VisuallyHidden } from '../Status/Status.js';
import { pluralText } from '../../i18n/plural.js';

/* -------------------------------------------------------------------------------------------
 * UserListRoot
 * -----------------------------------------------------------------------------------------*/

const ROOT_NAME = 'UserListRoot';

/**
 * What a user's page needs to add up to their row: the list's range and filters. Carry them in
 * the href (or the navigation) and give them to `UserDetail` as `defaultRange` and `filters`.
 */
export interface UserListView {
  range: RangeValue;
  filters: TraceFilters;
}

export interface UserListRootProps extends UserListStateOptions, ComponentPropsWithoutRef<'div'> {
  /**
   * Where a user's id links to, given the list's range and filters. Encode the id
   * (`encodeURIComponent`) so every id survives the URL.
   */
  getUserHref?: (userId: string, view: UserListView) => string;
  /** Called when a row is activated (click, or Enter on its link), with the list's range and filters. */
  onSelectUser?: (userId: string, view: UserListView) => void;
  /** Link for the empty state's "how to add a user ID". */
  docsHref?: string;
  children?: ReactNode;
}

/** What the list's parts read: its state (`useUserListState`), its data (`useUserListData`) and the root's links. */
export interface UserListContextValue extends UserListState, UserListData {
  getUserHref: ((userId: string, view: UserListView) => string) | undefined;
  onSelectUser: ((userId: string, view: UserListView) => void) | undefined;
  docsHref: string | undefined;
}

const [UserListContext, useUserListContextFor] = createUserlensContext<UserListContextValue>(ROOT_NAME);

/** The list's state and data, for parts of your own. */
export function useUserListContext(consumerName = 'useUserListContext'): UserListContextValue {
  return useUserListContextFor(consumerName);
}

/**
 * The list's state and queries (`useUserListState` + `useUserListData`) shared with the parts
 * inside it. Every piece of state is controlled or not (`value` / `defaultValue` /
 * `onValueChange`), so a host can keep it in its URL. Parts read it from context; none fetches.
 *
 * @example
 * <UserListRoot getUserHref={(id) => `/users/${encodeURIComponent(id)}`}>
 *   <UserListSearch />
 *   <UserListTable />
 *   <UserListPagination />
 * </UserListRoot>
 *
 * @selector [data-part="user-list"] [data-state="loading|error|empty|ready"] [data-stale]
 */
export const UserListRoot = forwardRef<HTMLDivElement, UserListRootProps>((props, ref) => {
  const { getUserHref, onSelectUser, docsHref, children, ...rest } = props;
  const [stateOptions, divProps] = splitProps(rest, USER_LIST_STATE_KEYS);
  const { format, labels, lang } = useUserTrackingContext(ROOT_NAME);
  const rootAttributes = useRootAttributes(ROOT_NAME);
  const state = useUserListState(stateOptions);
  const data = useUserListData(state);
  const value = useMemo<UserListContextValue>(
    () => ({ ...state, ...data, getUserHref, onSelectUser, docsHref }),
    [state, data, getUserHref, onSelectUser, docsHref],
  );

  const { users, emptyKind } = data;
  const shown = users.isPending ? 'loading' : users.isError ? 'error' : emptyKind !== 'none' ? 'empty' : 'ready';
  const count = users.data?.total ?? users.data?.items.length;
  const announcement =
    users.isPending || users.isPlaceholderData || count === undefined
      ? ''
      : formatLabel(pluralText(labels, 'resultsCount', count, lang ?? format.locale), { count: format.number(count) });
  return (
    <UserListContext.Provider value={value}>
      <div
        {...rootAttributes}
        data-part="user-list"
        data-state={shown}
        data-stale={users.isPlaceholderData || (users.isFetching && !users.isPending) ? '' : undefined}
        {...divProps}
        ref={ref}
      >
        {children}
        {/* Always mounted, so each new count (zero included) is announced. */}
        <VisuallyHidden role="status" aria-live="polite" data-part="user-list-announcement">
          {announcement}
        </VisuallyHidden>
      </div>
    </UserListContext.Provider>
  );
});
UserListRoot.displayName = ROOT_NAME;
