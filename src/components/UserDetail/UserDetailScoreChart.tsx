'use client';
import { forwardRef } from 'react';
import type { UserDetailScoreChartProps } from './ScoreChart.js';
import { LazyChart } from '../charts/ChartFallback.js';

export type { UserDetailScoreChartProps } from './ScoreChart.js';

// The chart and its axes load on first render, beside the data it waits for: a host that never
// shows it never downloads it.
const load = () => import('./ScoreChart.js');

/**
 * Numeric scores over time per name (a mark per score, a line through them), on a date axis and
 * the scores' own scale, and counts of boolean and categorical values, over the newest scores the
 * root fetched (and says so when that is not all). Arrow keys or the pointer read out each score;
 * a table of them is one click away. Asked for while the scores tab is open; renders nothing when
 * the range holds no score.
 *
 * @example
 * <UserDetailRoot userId={id} defaultTab="scores"><UserDetailScoreChart /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-score-chart"] [data-part="user-detail-legend"] [data-part="user-detail-score-counts"] [data-part="user-detail-chart-table"]
 */
export const UserDetailScoreChart = forwardRef<HTMLDivElement, UserDetailScoreChartProps>((props, ref) => <LazyChart load={load} part="user-detail-score-chart" props={props} chartRef={ref} />);
UserDetailScoreChart.displayName = 'UserDetailScoreChart';
