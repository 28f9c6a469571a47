'use client';
import { forwardRef, useMemo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useUserDetailData, type UserDetailData } from '../../hooks/useUserDetailData.js';
import {
  USER_DETAIL_STATE_KEYS,
  useUserDetailState,
  type ActivityMetric,
  type UserDetailState,
  type UserDetailStateOptions,
  type UserDetailTab,
  type UserDetailTableState,
} from '../../hooks/useUserDetailState.js';
import { createUserlensContext } from '../../provider/context.js';
import { useRootAttributes } from '../../provider/UserTrackingProvider.js';
import { splitProps } from '../shared/splitProps.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailRoot
 * -----------------------------------------------------------------------------------------*/

const ROOT_NAME = 'UserDetailRoot';

export interface UserDetailRootProps extends UserDetailStateOptions, Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  /** Where "back to users" links to. */
  listHref?: string;
  /** Called by "back to users" when there is no `listHref`. */
  onBack?: () => void;
  /** Where a user id links to (previous / next). */
  getUserHref?: (userId: string) => string;
  /** Called for previous / next when there is no `getUserHref`. */
  onSelectUser?: (userId: string) => void;
  /** The host's trace viewer. */
  getTraceHref?: (traceId: string) => string;
  /** The host's session viewer. */
  getSessionHref?: (sessionId: string) => string;
  children?: ReactNode;
}

/** What the parts read: the state, the queries, and the host's links. */
export interface UserDetailContextValue extends UserDetailState, UserDetailData {
  listHref: string | undefined;
  onBack: (() => void) | undefined;
  getUserHref: ((userId: string) => string) | undefined;
  onSelectUser: ((userId: string) => void) | undefined;
  getTraceHref: ((traceId: string) => string) | undefined;
  getSessionHref: ((sessionId: string) => string) | undefined;
}

const [UserDetailContext, useUserDetailContextFor] = createUserlensContext<UserDetailContextValue>(ROOT_NAME);

/** The detail view's state and data, for parts of your own. */
export function useUserDetailContext(consumerName = 'useUserDetailContext'): UserDetailContextValue {
  return useUserDetailContextFor(consumerName);
}

/**
 * Owns one user's page: `useUserDetailState` (range, tab, each tab's sort and page, the chart's
 * metric — each controlled or not) and `useUserDetailData` (the queries; only the open tab's
 * rows are asked for). Parts below read both from context.
 *
 * @example
 * <UserDetailRoot userId={id} defaultTab="sessions"><UserDetailHeader /><UserDetailTabs /></UserDetailRoot>
 *
 * @selector [data-part="user-detail"] [data-state="loading|error|not-found|empty|ready"] [data-stale]
 */
export const UserDetailRoot = forwardRef<HTMLDivElement, UserDetailRootProps>((props, ref) => {
  const { listHref, onBack, getUserHref, onSelectUser, getTraceHref, getSessionHref, children, ...rest } = props;
  const [stateOptions, divProps] = splitProps(rest, USER_DETAIL_STATE_KEYS);
  const rootAttributes = useRootAttributes(ROOT_NAME);
  const state = useUserDetailState(stateOptions);
  const data = useUserDetailData(state);
  const value = useMemo<UserDetailContextValue>(
    () => ({ ...state, ...data, listHref, onBack, getUserHref, onSelectUser, getTraceHref, getSessionHref }),
    [state, data, listHref, onBack, getUserHref, onSelectUser, getTraceHref, getSessionHref],
  );
  const { user } = data;
  const status = user.isPending
    ? 'loading'
    : user.isError && user.data === undefined
      ? 'error'
      : user.data === null
        ? 'not-found'
        : user.data.traceCount === 0
          ? 'empty'
          : 'ready';
  return (
    <UserDetailContext.Provider value={value}>
      <div {...rootAttributes} data-part="user-detail" data-state={status} data-stale={user.isPlaceholderData ? '' : undefined} {...divProps} ref={ref}>
        {children}
      </div>
    </UserDetailContext.Provider>
  );
});
UserDetailRoot.displayName = ROOT_NAME;

export type { ActivityMetric, UserDetailTab, UserDetailTableState };
