'use client';
import { forwardRef } from 'react';
import type { UserDetailActivityProps } from './ActivityChart.js';
import { LazyChart } from '../charts/ChartFallback.js';

export type { UserDetailActivityProps } from './ActivityChart.js';

// The chart and its axes load on first render, beside the data it waits for: a host that never
// shows it never downloads it.
const load = () => import('./ActivityChart.js');

/**
 * Traces, tokens, cost or errors over time, buckets sized from the range, on a date axis and a
 * value axis with its unit; failed traces in the danger colour, hatched and named in a legend.
 * Arrow keys move through the buckets and announce each; a table of the same numbers is one
 * click away.
 *
 * @example
 * <UserDetailRoot userId={id} defaultMetric="totalCost"><UserDetailActivity height={140} /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-activity"] [data-part="user-detail-bar"][data-active] [data-part="user-detail-bar-failed"] [data-part="user-detail-chart-legend"] [data-part="user-detail-chart-table"]
 */
export const UserDetailActivity = forwardRef<HTMLElement, UserDetailActivityProps>((props, ref) => <LazyChart load={load} part="user-detail-activity" props={props} chartRef={ref} />);
UserDetailActivity.displayName = 'UserDetailActivity';
