'use client';
import { forwardRef, lazy, Suspense, type ComponentPropsWithoutRef } from 'react';
import type { TraceFilters } from '../../client/types.js';
import type { RangeValue } from '../../format/dateRangePresets.js';
import { Skeleton } from '../Status/Status.js';

/* -------------------------------------------------------------------------------------------
 * UserOverview
 * -----------------------------------------------------------------------------------------*/

const OVERVIEW_NAME = 'UserOverview';
// The overview's code (its chart and tables) loads when it first renders: a host that shows the
// list and the user pages only never downloads it.
const UserOverviewView = lazy(() => import('./UserOverviewView.js'));

export interface UserOverviewProps extends Omit<ComponentPropsWithoutRef<'section'>, 'defaultValue'> {
  /** Date range. @defaultValue the provider's `defaultRange` */
  range?: RangeValue;
  defaultRange?: RangeValue;
  onRangeChange?: (range: RangeValue) => void;
  /** Environment and tag filters applied to every figure. @defaultValue `{}` */
  filters?: TraceFilters;
  /** Where a mover's id links to (their user page). */
  getUserHref?: (userId: string) => string;
  /** Movers listed per figure. @defaultValue 5 */
  movers?: number;
  /** Height of the chart in pixels, axes included. @defaultValue 180 */
  chartHeight?: number;
}

/**
 * The whole user base over a range: active users per hour, day or week (new and returning), cost
 * and tokens per active user, and the users whose cost or error rate moved most against the
 * previous period of the same length. A figure the source cannot count reads "not available
 * from this source". Its code loads on first render (a skeleton meanwhile).
 *
 * @example
 * <UserOverview defaultRange={{ preset: '7d' }} getUserHref={(id) => `/admin/users/${encodeURIComponent(id)}`} />
 *
 * @selector [data-part="user-overview"] [data-part="user-overview-chart"] [data-overview-movers]
 */
export const UserOverview = forwardRef<HTMLElement, UserOverviewProps>((props, ref) => (
  <Suspense fallback={<Skeleton width="100%" style={{ height: 240 }} />}>
    <UserOverviewView {...props} ref={ref} />
  </Suspense>
));
UserOverview.displayName = OVERVIEW_NAME;
