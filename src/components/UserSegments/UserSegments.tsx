'use client';
import { forwardRef, lazy, Suspense, type ComponentPropsWithoutRef } from 'react';
import type { SegmentDimension, TraceFilters } from '../../client/types.js';
import type { RangeValue } from '../../format/dateRangePresets.js';
import { Skeleton } from '../Status/Status.js';

/* -------------------------------------------------------------------------------------------
 * UserSegments
 * -----------------------------------------------------------------------------------------*/

const SEGMENTS_NAME = 'UserSegments';
// Loaded when it first renders: a host without a segments page never downloads it.
const UserSegmentsView = lazy(() => import('./UserSegmentsView.js'));

/**
 * What `UserSegments` groups by: a trace attribute the source groups by, or a field of your own
 * records (`profile.organisation`, one of the provider's `profileFields`), joined in the browser.
 */
export type UserSegmentsDimension = SegmentDimension | `profile.${string}`;

export interface UserSegmentsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'defaultValue'> {
  /** What to group by. @defaultValue 'environment' */
  dimension?: UserSegmentsDimension;
  defaultDimension?: UserSegmentsDimension;
  onDimensionChange?: (dimension: UserSegmentsDimension) => void;
  /** For tags: only those starting with it (`org:` groups by customer). @defaultValue '' */
  prefix?: string;
  /**
   * Trace metadata keys offered as dimensions (`metadata.<key>`), where the source groups by
   * metadata: your own keys, such as `['plan', 'organisation']`. @defaultValue []
   */
  metadataKeys?: readonly string[];
  /** Date range. @defaultValue the provider's `defaultRange` */
  range?: RangeValue;
  defaultRange?: RangeValue;
  onRangeChange?: (range: RangeValue) => void;
  /** Filters applied before grouping. @defaultValue `{}` */
  filters?: TraceFilters;
  /** The score whose mean is each segment's feedback, e.g. `helpfulness`. */
  scoreName?: string;
  /** Where a segment links to: the user list filtered to it (`filters` has its environment, tag or metadata value). */
  getSegmentHref?: (filters: TraceFilters) => string;
  /** Called when a segment is opened, with the list filters that keep it. */
  onSelectSegment?: (filters: TraceFilters) => void;
}

/**
 * Users grouped by one trace attribute — environment, tags (with a prefix such as `org:`, the
 * cost per customer), the release or a metadata key (`metadata.plan`) — or by a field of the
 * host's records (`profile.organisation`) — as a sortable table: users, traces, tokens, cost, cost per user, error
 * rate and mean feedback. A segment opens the user list filtered to it. Its code loads on first
 * render (a skeleton meanwhile).
 *
 * @example
 * <UserSegments defaultDimension="tags" prefix="org:" getSegmentHref={(filters) => `/admin/users?filters=${encodeURIComponent(JSON.stringify(filters))}`} />
 *
 * @selector [data-part="user-segments"] [data-part="user-segments-table"]
 */
export const UserSegments = forwardRef<HTMLElement, UserSegmentsProps>((props, ref) => (
  <Suspense fallback={<Skeleton width="100%" style={{ height: 200 }} />}>
    <UserSegmentsView {...props} ref={ref} />
  </Suspense>
));
UserSegments.displayName = SEGMENTS_NAME;
