'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { ErrorState } from '../Status/Status.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListErrorState
 * -----------------------------------------------------------------------------------------*/

export type UserListErrorStateProps = ComponentPropsWithoutRef<'div'>;

/**
 * When the list could not load: what failed and a retry. Renders nothing otherwise.
 *
 * @selector [data-part="error-state"]
 */
export const UserListErrorState = forwardRef<HTMLDivElement, UserListErrorStateProps>((props, ref) => {
  const { labels } = useUserTrackingContext('UserListErrorState');
  const { users } = useUserListContext('UserListErrorState');
  if (!users.isError) return null;
  return <ErrorState error={users.error} subject={labels.subjectUsers} onRetry={() => void users.refetch()} retrying={users.isFetching} {...props} ref={ref} />;
});
UserListErrorState.displayName = 'UserListErrorState';
