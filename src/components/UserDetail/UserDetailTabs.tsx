'use client';
import * as Tabs from '@radix-ui/react-tabs';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { UserDetailTab } from '../../hooks/useUserDetailState.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { UserDetailScoreChart } from './UserDetailScoreChart.js';
import { UserDetailScores } from './UserDetailScores.js';
import { UserDetailSessions } from './UserDetailSessions.js';
import { UserDetailTraces } from './UserDetailTraces.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailTabs
 * -----------------------------------------------------------------------------------------*/

const TABS_NAME = 'UserDetailTabs';

export type UserDetailTabsProps = Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue' | 'dir'>;

/**
 * Traces, sessions and scores of the user (Radix Tabs: arrow keys move between tabs): the open
 * tab is the root's `tab`, and only its rows are fetched. Each panel holds its part
 * (`UserDetailTraces`, `UserDetailSessions`, `UserDetailScoreChart` with `UserDetailScores`).
 *
 * @example
 * <UserDetailRoot userId={id} tab={tab} onTabChange={setTab}><UserDetailTabs /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-tabs"] [data-part="user-detail-tab-list"] [data-part="user-detail-tab"]
 */
export const UserDetailTabs = forwardRef<HTMLDivElement, UserDetailTabsProps>((props, ref) => {
  const { labels } = useUserTrackingContext(TABS_NAME);
  const { tab, setTab, user } = useUserDetailContext(TABS_NAME);
  if (user.data === null || (user.isError && user.data === undefined)) return null;
  return (
    <Tabs.Root
      value={tab}
      onValueChange={(value) => setTab(value as UserDetailTab)}
      data-part="user-detail-tabs"
      activationMode="automatic"
      {...props}
      ref={ref}
    >
      <Tabs.List aria-label={labels.tabsLabel} data-part="user-detail-tab-list">
        <Tabs.Trigger value="traces">{labels.tabTraces}</Tabs.Trigger>
        <Tabs.Trigger value="sessions">{labels.tabSessions}</Tabs.Trigger>
        <Tabs.Trigger value="scores">{labels.tabScores}</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="traces" data-part="user-detail-tab">
        <UserDetailTraces />
      </Tabs.Content>
      <Tabs.Content value="sessions" data-part="user-detail-tab">
        <UserDetailSessions />
      </Tabs.Content>
      <Tabs.Content value="scores" data-part="user-detail-tab">
        <UserDetailScoreChart />
        <UserDetailScores />
      </Tabs.Content>
    </Tabs.Root>
  );
});
UserDetailTabs.displayName = TABS_NAME;
