'use client';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { ActivityPoint } from '../../client/types.js';
import { createFormatters } from '../../format/createFormatters.js';
import type { ActivityMetric } from '../../hooks/useUserDetailState.js';
import { formatLabel, } from '../../i18n/en-US.js';
import type { PageLabelKey } from '../../i18n/userDetail.js';
import { Axis } from '../charts/Axis.js';
import { bandScale } from '../charts/bandScale.js';
import { ChartTable } from '../charts/ChartTable.js';
import { linearScale } from '../charts/linearScale.js';
import { STRIDES, axisWidth, niceTicks, textWidth, thin, tipLeft } from '../charts/ticks.js';
import { useChartWidth } from '../charts/useChartWidth.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailActivity
 * -----------------------------------------------------------------------------------------*/

const ACTIVITY_NAME = 'UserDetailActivity';

const METRICS: readonly { id: ActivityMetric; label: PageLabelKey }[] = [
  { id: 'traceCount', label: 'statTraces' },
  { id: 'totalTokens', label: 'statTotalTokens' },
  { id: 'totalCost', label: 'statCost' },
  { id: 'errorCount', label: 'statErrors' },
];
const GRANULARITY: Record<string, PageLabelKey> = { hour: 'granularityHour', day: 'granularityDay', week: 'granularityWeek' };
/** The widest a bar grows: one bucket (a brand-new user) is a bar, not a block across the chart. */
const MAX_BAR = 40;
/** Room above the plot for the y axis's unit, and below it for the dates. */
const TOP = 24;
const BOTTOM = 24;

export interface UserDetailActivityProps extends ComponentPropsWithoutRef<'section'> {
  /** Width in pixels drawn before the container is measured (on the server). @defaultValue 720 */
  width?: number;
  /** Height of the drawing in pixels, axes included. @defaultValue 180 */
  height?: number;
}

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
export const UserDetailActivity = forwardRef<HTMLElement, UserDetailActivityProps>(({ width: initialWidth = 720, height = 180, ...props }, ref) => {
  const { client, format, labels } = useUserDetailTexts(ACTIVITY_NAME);
  const { activity, metric: chosen, setMetric, user } = useUserDetailContext(ACTIVITY_NAME);
  const [active, setActive] = useState<number | null>(null);
  const [current, setCurrent] = useState(0);
  const [width, measure] = useChartWidth(initialWidth);
  const bars = useRef<SVGSVGElement>(null);
  const id = useId();
  if (user.data === null || (user.isError && user.data === undefined)) return null;
  // Only what the source has: no cost or token series where it lacks those figures.
  const data = activity.data;
  // …and only what this answer could count (a heavy user's errors on Langfuse).
  const figures = client.capabilities.detailFigures.filter((figure) => !data?.unavailable?.includes(figure as never));
  const metrics = METRICS.filter((m) => figures.includes(m.id));
  // A figure chosen for another user that this answer lacks: the first one it has instead.
  const metric = metrics.some((m) => m.id === chosen) ? chosen : (metrics[0]?.id ?? chosen);
  const points = data?.points ?? [];
  const metricLabel = labels[(METRICS.find((m) => m.id === metric) ?? METRICS[0]!).label];
  const show = (n: number) => (metric === 'totalCost' ? format.cost(n) : metric === 'totalTokens' ? format.compact(n) : format.number(n));
  // Failed traces are drawn in the traces and errors series: there, they are a part of the bar.
  const hasErrors = figures.includes('errorCount');
  const failedOf = (point: ActivityPoint) => (hasErrors && (metric === 'traceCount' || metric === 'errorCount') ? point.errorCount : 0);
  const anyFailed = points.some((point) => failedOf(point) > 0);
  // A source that buckets only in UTC gets UTC dates, labelled so, rather than days that look local.
  const utc = !client.capabilities.timeZones || data?.timeZone === 'UTC';
  const dates = utc ? createFormatters({ locale: format.locale, currency: format.currency, timeZone: 'UTC' }) : format;
  const when = (point: ActivityPoint) => {
    const start = data?.granularity === 'hour' ? dates.dateTime(point.start) : dates.date(point.start);
    return utc ? formatLabel(labels.inUtc, { time: start }) : start;
  };
  // "Nov 5, 2026 · Traces: 13 (2 failed)": the figure by name, and the failed traces among them.
  const describe = (point: ActivityPoint) => {
    const value = show(point[metric]);
    const failed = hasErrors && metric !== 'errorCount' && point.errorCount > 0;
    return formatLabel(labels.activityPoint, {
      start: when(point),
      figure: metricLabel,
      value: failed ? formatLabel(labels.activityFailed, { value, count: format.number(point.errorCount) }) : value,
    });
  };

  // Counts step by whole numbers: a user with one trace gets an axis of 0 and 1, not 0.2, 0.4….
  const max = Math.max(0, ...points.map((p) => p[metric]));
  const plotHeight = height - TOP - BOTTOM;
  const values = niceTicks(0, max || 1, Math.max(2, Math.floor(plotHeight / 30))).filter((v) => metric === 'totalCost' || Number.isInteger(v));
  const left = axisWidth(values.map(show));
  const plotWidth = Math.max(1, width - left - 8);
  const x = bandScale({ domain: points.map((_, i) => i), range: [0, plotWidth], padding: 0.2 });
  const barWidth = Math.min(MAX_BAR, x.bandwidth());
  const barX = (i: number) => (x(i) ?? 0) + (x.bandwidth() - barWidth) / 2;
  const y = linearScale({ domain: [0, values.at(-1)!], range: [plotHeight, 0] });
  // An empty bucket keeps a 1 px bar so it can still be focused and read.
  const barHeight = (n: number) => (n === 0 ? 1 : Math.max(1, plotHeight - y(n)));
  const dateTicks = points.length ? thin(points.map((point, i) => ({ at: barX(i) + barWidth / 2, label: when(point) })), plotWidth / (textWidth(when(points[0]!)) + 16), STRIDES[data!.granularity]) : [];
  const title = data ? formatLabel(labels.activityChart, { metric: metricLabel, granularity: labels[GRANULARITY[data.granularity]!] }) : labels.activityTitle;
  const hatch = `${id}-failed`;

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
  // The pointer reads the bucket under it, however low its bar.
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const at = event.clientX - event.currentTarget.getBoundingClientRect().left - left;
    const i = Math.floor((at - (x(0) ?? 0) + (x.step() - x.bandwidth()) / 2) / x.step());
    setActive(i >= 0 && i < points.length ? i : null);
  };
  const tip = active !== null && points[active] ? describe(points[active]) : '';
  // Above its bar, kept inside the chart.
  const tipAt =
    active === null
      ? {}
      : {
          left: tipLeft(left + barX(active) + barWidth / 2, tip, width),
          top: Math.max(0, TOP + plotHeight - barHeight(points[active]![metric]) - 32),
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
          <div ref={measure} data-part="user-detail-chart" data-stale={activity.isPlaceholderData ? '' : undefined} style={{ position: 'relative' }}>
            <svg ref={bars} width={width} height={height} role="group" aria-label={title} onPointerMove={onPointerMove} onPointerLeave={() => setActive(null)}>
              <defs>
                {/* Failed traces: the danger colour, hatched, so they differ by more than colour. */}
                <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width={6} height={6} fill="var(--ul-color-danger)" />
                  <line y2={6} stroke="var(--ul-color-bg)" strokeWidth={2} />
                </pattern>
              </defs>
              <Axis axis="y" ticks={values.map((v) => ({ at: y(v), label: show(v) }))} size={plotWidth} title={metricLabel} transform={`translate(${left},${TOP})`} />
              <Axis axis="x" ticks={dateTicks} size={plotWidth} transform={`translate(${left},${TOP + plotHeight})`} />
              <g transform={`translate(${left},${TOP})`}>
                {points.map((point, i) => {
                  const failed = failedOf(point);
                  return (
                    <g key={point.start}>
                      <rect
                        data-part="user-detail-bar"
                        data-active={active === i ? '' : undefined}
                        data-empty={point[metric] === 0 ? '' : undefined}
                        x={barX(i)}
                        y={plotHeight - barHeight(point[metric])}
                        width={barWidth}
                        height={barHeight(point[metric])}
                        role="img"
                        tabIndex={i === Math.min(current, points.length - 1) ? 0 : -1}
                        aria-label={describe(point)}
                        onKeyDown={(event) => onKeyDown(event, i)}
                        onFocus={() => {
                          setActive(i);
                          setCurrent(i);
                        }}
                        onBlur={() => setActive(null)}
                      />
                      {failed > 0 && (
                        <rect data-part="user-detail-bar-failed" x={barX(i)} y={y(failed)} width={barWidth} height={plotHeight - y(failed)} fill={`url(#${hatch})`} />
                      )}
                    </g>
                  );
                })}
              </g>
            </svg>
            {tip && (
              <div data-part="user-detail-chart-tooltip" aria-hidden style={tipAt}>
                {tip}
              </div>
            )}
          </div>
          {(anyFailed || utc) && (
            <p data-part="user-detail-chart-legend">
              {anyFailed && (
                <span>
                  <svg width={12} height={12} aria-hidden>
                    <rect width={12} height={12} fill={`url(#${hatch})`} />
                  </svg>
                  {labels.statErrors}
                </span>
              )}
              {utc && <span data-part="user-detail-utc">{labels.utcBuckets}</span>}
            </p>
          )}
          <ChartTable
            data-part="user-detail-chart-table"
            summary={labels.activityTable}
            caption={title}
            columns={anyFailed && metric === 'traceCount' ? [labels.bucketStart, metricLabel, labels.statErrors] : [labels.bucketStart, metricLabel]}
            rows={points.map((point) => [when(point), show(point[metric]), ...(anyFailed && metric === 'traceCount' ? [format.number(point.errorCount)] : [])])}
          />
        </>
      )}
    </section>
  );
});
UserDetailActivity.displayName = ACTIVITY_NAME;

export default UserDetailActivity;
