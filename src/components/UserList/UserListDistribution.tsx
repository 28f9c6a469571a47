'use client';
import { forwardRef } from 'react';
import type { UserListDistributionProps } from './DistributionChart.js';
import { LazyChart } from '../charts/ChartFallback.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

export type { UserListDistributionProps } from './DistributionChart.js';

// The chart and its axes load on first render, beside the data it waits for: a host that never
// shows it never downloads it.
const load = () => import('./DistributionChart.js');

/**
 * A histogram of the matching users by the current sort figure — cost, traces, tokens… — with
 * a log scale switch, a count axis, band edges on the x axis and a table of the same numbers.
 * Each bar is a button: it filters the list to its band.
 *
 * @selector [data-part="user-list-distribution"] [data-part="user-list-bin"][data-active] [data-part="user-list-distribution-table"]
 */
export const UserListDistribution = forwardRef<HTMLElement, UserListDistributionProps>((props, ref) => {
  // A source without distributions draws nothing: no placeholder, no download.
  if (!useUserTrackingContext('UserListDistribution').client.capabilities.distribution) return null;
  return <LazyChart load={load} part="user-list-distribution" props={props} chartRef={ref} />;
});
UserListDistribution.displayName = 'UserListDistribution';
