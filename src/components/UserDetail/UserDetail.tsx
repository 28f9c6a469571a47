'use client';
import { forwardRef } from 'react';
import { UserDetailActivity } from './UserDetailActivity.js';
import { UserDetailHeader } from './UserDetailHeader.js';
import { UserDetailModels } from './UserDetailModels.js';
import { UserDetailRoot, type UserDetailRootProps } from './UserDetailRoot.js';
import { UserDetailScoreChart } from './UserDetailScoreChart.js';
import { UserDetailScores } from './UserDetailScores.js';
import { UserDetailSessions } from './UserDetailSessions.js';
import { UserDetailStats } from './UserDetailStats.js';
import { UserDetailStatus } from './UserDetailStatus.js';
import { UserDetailTabs } from './UserDetailTabs.js';
import { UserDetailTraces } from './UserDetailTraces.js';

export type UserDetailProps = UserDetailRootProps;

const UserDetailComposed = forwardRef<HTMLDivElement, UserDetailProps>((props, ref) => (
  <UserDetailRoot {...props} ref={ref}>
    <UserDetailHeader />
    <UserDetailStatus />
    <UserDetailStats />
    <div data-part="user-detail-charts">
      <UserDetailActivity />
      <UserDetailModels />
    </div>
    <UserDetailTabs />
  </UserDetailRoot>
));
UserDetailComposed.displayName = 'UserDetail';

/**
 * One user's page: figures over a range, activity and models, and the complete trace, session
 * and score history. A ready composition of the parts (`UserDetail.Root`, `.Header`, `.Stats`,
 * `.Activity`, `.Models`, `.Tabs`, `.Status`; the tabs hold `.Traces`, `.Sessions`,
 * `.ScoreChart` and `.Scores`), each also exported under its flat name (`UserDetailRoot`, …).
 *
 * @example
 * <UserDetail userId={id} listHref="/admin/users" getTraceHref={(t) => `/traces/${encodeURIComponent(t)}`} />
 */
export const UserDetail = Object.assign(UserDetailComposed, {
  Root: UserDetailRoot,
  Header: UserDetailHeader,
  Status: UserDetailStatus,
  Stats: UserDetailStats,
  Activity: UserDetailActivity,
  Models: UserDetailModels,
  Tabs: UserDetailTabs,
  Traces: UserDetailTraces,
  Sessions: UserDetailSessions,
  ScoreChart: UserDetailScoreChart,
  Scores: UserDetailScores,
});
