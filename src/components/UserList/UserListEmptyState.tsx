'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListEmptyState
 * -----------------------------------------------------------------------------------------*/

export type UserListEmptyStateProps = ComponentPropsWithoutRef<'div'>;

/**
 * When no user is tracked at all: how to add a `userId` to traces (with the root's `docsHref`).
 * When the date range holds no user: a shortcut to all time. Renders nothing otherwise.
 *
 * @selector [data-part="user-list-empty"] [data-kind="empty|empty-range"]
 */
export const UserListEmptyState = forwardRef<HTMLDivElement, UserListEmptyStateProps>((props, ref) => {
  const { labels } = useUserTrackingContext('UserListEmptyState');
  const { docsHref, setRange, emptyKind: kind } = useUserListContext('UserListEmptyState');
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
UserListEmptyState.displayName = 'UserListEmptyState';
