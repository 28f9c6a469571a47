'use client';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { ActivityPoint } from '../../client/types.js';
import { createFormatters } from '../../format/createFormatters.js';
import type { ActivityMetric } from '../../hooks/useUserDetailState.js';
import { formatLabel, type LabelKey } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { bandScale } from '../charts/bandScale.js';
import { linearScale } from '../charts/linearScale.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { useUserDetailContext } from './UserDetailRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailActivity
 * -----------------------------------------------------------------------------------------*/

const ACTIVITY_NAME = 'UserDetailActivity';

const METRICS: readonly { id: ActivityMetric; label: LabelKey }[] = [
  { id: 'traceCount', label: 'statTraces' },
  { id: 'totalTokens', label: 'statTotalTokens' },
  { id: 'totalCost', label: 'statCost' },
  { id: 'errorCount', label: 'statErrors' },
];
const GRANULARITY: Record<string, LabelKey> = { hour: 'granularityHour', day: 'granularityDay', week: 'granularityWeek' };

export interface UserDetailActivityProps extends ComponentPropsWithoutRef<'section'> {
  /** Width of the drawing in SVG units; the chart scales to its container. @defaultValue 720 */
  width?: number;
  /** Height of the drawing in SVG units. @defaultValue 160 */
  height?: number;
}

/**
 * Traces, tokens, cost or errors over time, buckets sized from the range. Arrow keys
 * move through the buckets and announce each; a table of the same numbers is one click away.
 *
 * @example
 * <UserDetailRoot userId={id} defaultMetric="totalCost"><UserDetailActivity height={120} /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-activity"] [data-part="user-detail-bar"][data-active] [data-part="user-detail-chart-table"]
 */
export const UserDetailActivity = forwardRef<HTMLElement, UserDetailActivityProps>(({ width = 720, height = 160, ...props }, ref) => {
  const { client, format, labels } = useUserTrackingContext(ACTIVITY_NAME);
  const { activity, metric, setMetric, user } = useUserDetailContext(ACTIVITY_NAME);
  const [active, setActive] = useState<number | null>(null);
  const [current, setCurrent] = useState(0);
  const bars = useRef<SVGSVGElement>(null);
  const id = useId();
  if (user.data === null || (user.isError && user.data === undefined)) return null;
  // Only what the source has: no cost or token series where it lacks those figures.
  const metrics = METRICS.filter((m) => client.capabilities.detailFigures.includes(m.id));
  const data = activity.data;
  const points = data?.points ?? [];
  const metricLabel = labels[(METRICS.find((m) => m.id === metric) ?? METRICS[0]!).label];
  const show = (n: number) => (metric === 'totalCost' ? format.cost(n) : metric === 'totalTokens' ? format.compact(n) : format.number(n));
  // A source that buckets only in UTC gets UTC dates, labelled so, rather than days that look local.
  const utc = !client.capabilities.timeZones;
  const dates = utc ? createFormatters({ locale: format.locale, currency: format.currency, timeZone: 'UTC' }) : format;
  const when = (point: ActivityPoint) => {
    const start = data?.granularity === 'hour' ? dates.dateTime(point.start) : dates.date(point.start);
    return utc ? formatLabel(labels.inUtc, { time: start }) : start;
  };
  const x = bandScale({ domain: points.map((_, i) => i), range: [0, width], padding: 0.15 });
  const max = Math.max(0, ...points.map((p) => p[metric]));
  const y = linearScale({ domain: [0, max || 1], range: [height - 2, 4] });
  const title = data ? formatLabel(labels.activityChart, { metric: metricLabel, granularity: labels[GRANULARITY[data.granularity]!] }) : labels.activityTitle;
  // One tab stop for the chart; arrow keys move between buckets (roving tabindex), each read out.
  const onKeyDown = (event: KeyboardEvent, i: number) => {
    const last = points.length - 1;
    const target = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(last, target));
    setCurrent(next);
    bars.current?.querySelectorAll<SVGElement>('[data-part="user-detail-bar"]')[next]?.focus();
  };
  return (
    <section data-part="user-detail-activity" aria-labelledby={`${id}-title`} {...props} ref={ref}>
      <header data-part="user-detail-section-header">
        <h3 id={`${id}-title`}>{labels.activityTitle}</h3>
        <label>
          {labels.activityMetric}{' '}
          <select value={metric} onChange={(event) => setMetric(event.target.value as ActivityMetric)}>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {labels[m.label]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {activity.isError && !data ? (
        <ErrorState error={activity.error} subject={labels.subjectActivity} onRetry={() => void activity.refetch()} retrying={activity.isFetching} />
      ) : activity.isPending ? (
        <Skeleton width="100%" style={{ height }} />
      ) : points.length === 0 ? (
        <p>{labels.noData}</p>
      ) : (
        <>
          <div data-part="user-detail-chart" data-stale={activity.isPlaceholderData ? '' : undefined} style={{ position: 'relative' }}>
            <svg ref={bars} viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-label={title}>
              <g>
                {points.map((point, i) => {
                  // An empty bucket keeps a 1-unit bar so it can still be focused and read.
                  const barHeight = point[metric] === 0 ? 1 : Math.max(1, height - 2 - y(point[metric]));
                  return (
                    <rect
                      key={point.start}
                      data-part="user-detail-bar"
                      data-active={active === i ? '' : undefined}
                      data-empty={point[metric] === 0 ? '' : undefined}
                      x={x(i)}
                      y={height - 2 - barHeight}
                      width={x.bandwidth()}
                      height={barHeight}
                      role="img"
                      tabIndex={i === Math.min(current, points.length - 1) ? 0 : -1}
                      aria-label={formatLabel(labels.activityPoint, { start: when(point), value: show(point[metric]) })}
                      onKeyDown={(event) => onKeyDown(event, i)}
                      onFocus={() => {
                        setActive(i);
                        setCurrent(i);
                      }}
                      onBlur={() => setActive(null)}
                      onMouseEnter={() => setActive(i)}
                      onMouseLeave={() => setActive(null)}
                    />
                  );
                })}
              </g>
            </svg>
            {active !== null && points[active] && (
              <div data-part="user-detail-chart-tooltip" aria-hidden style={{ left: `${((x(active) ?? 0) / width) * 100}%` }}>
                {formatLabel(labels.activityPoint, { start: when(points[active]!), value: show(points[active]![metric]) })}
              </div>
            )}
          </div>
          <div data-part="user-list-distribution-axis" aria-hidden>
            <span>{when(points[0]!)}</span>
            <span>
              {formatLabel(labels.activityMax, { value: show(max) })}
              {utc && <span data-part="user-detail-utc"> · {labels.utcBuckets}</span>}
            </span>
            <span>{when(points[points.length - 1]!)}</span>
          </div>
          <details data-part="user-detail-chart-table">
            <summary>{labels.activityTable}</summary>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.bucketStart}</th>
                  <th scope="col">{metricLabel}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.start}>
                    <th scope="row">{when(point)}</th>
                    <td>{show(point[metric])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
});
UserDetailActivity.displayName = ACTIVITY_NAME;
