'use client';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { ActivityPoint } from '../../client/types.js';
import { createFormatters } from '../../format/createFormatters.js';
import { formatLabel, type LabelKey } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { useUserDetailContext, type ActivityMetric } from './UserDetailRoot.js';

const METRICS: readonly { id: ActivityMetric; label: LabelKey }[] = [
  { id: 'traceCount', label: 'statTraces' },
  { id: 'totalTokens', label: 'statTotalTokens' },
  { id: 'totalCost', label: 'statCost' },
  { id: 'errorCount', label: 'statErrors' },
];
const GRANULARITY: Record<string, LabelKey> = { hour: 'granularityHour', day: 'granularityDay', week: 'granularityWeek' };

/* -------------------------------------------------------------------------------------------
 * UserDetail.Activity
 * -----------------------------------------------------------------------------------------*/

export interface UserDetailActivityProps extends ComponentPropsWithoutRef<'section'> {
  /** @defaultValue 720 */
  width?: number;
  /** @defaultValue 160 */
  height?: number;
}

/**
 * Traces, tokens, cost or errors over time (visx), buckets sized from the range. Arrow keys
 * move through the buckets and announce each; a table of the same numbers is one click away.
 *
 * @selector [data-part="user-detail-activity"]
 */
export const UserDetailActivity = forwardRef<HTMLElement, UserDetailActivityProps>(({ width = 720, height = 160, ...props }, ref) => {
  const { client, format, labels } = useUserTrackingContext('UserDetail.Activity');
  const { activity, metric, setMetric, user } = useUserDetailContext('UserDetail.Activity');
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
  const x = scaleBand<number>({ domain: points.map((_, i) => i), range: [0, width], padding: 0.15 });
  const max = Math.max(0, ...points.map((p) => p[metric]));
  const y = scaleLinear<number>({ domain: [0, max || 1], range: [height - 2, 4] });
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
              <Group>
                {points.map((point, i) => {
                  // An empty bucket keeps a 1-unit bar so it can still be focused and read.
                  const barHeight = point[metric] === 0 ? 1 : Math.max(1, height - 2 - y(point[metric]));
                  return (
                    <Bar
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
              </Group>
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
UserDetailActivity.displayName = 'UserDetail.Activity';

/* -------------------------------------------------------------------------------------------
 * UserDetail.Models
 * -----------------------------------------------------------------------------------------*/

/**
 * Per model: calls, tokens, cost and its share of the user's cost, with a bar (visx) for the share.
 *
 * @selector [data-part="user-detail-models"]
 */
export const UserDetailModels = forwardRef<HTMLElement, ComponentPropsWithoutRef<'section'>>((props, ref) => {
  const { client, format, labels } = useUserTrackingContext('UserDetail.Models');
  const { user } = useUserDetailContext('UserDetail.Models');
  const id = useId();
  const stats = user.data;
  if (stats === null || (user.isError && stats === undefined)) return null;
  const hasCost = client.capabilities.detailFigures.includes('totalCost');
  const hasTokens = client.capabilities.detailFigures.includes('totalTokens');
  const models = stats?.models ?? [];
  const total = stats?.totalCost ?? 0;
  const share = scaleLinear<number>({ domain: [0, 1], range: [0, 120] });
  return (
    <section data-part="user-detail-models" aria-labelledby={`${id}-title`} {...props} ref={ref}>
      <h3 id={`${id}-title`}>{labels.modelsTitle}</h3>
      {!stats ? (
        <Skeleton width="100%" />
      ) : models.length === 0 ? (
        <p>{labels.noData}</p>
      ) : (
        <div data-part="user-detail-scroll" tabIndex={0} role="group" aria-labelledby={`${id}-title`}>
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.modelName}</th>
              <th scope="col" data-numeric="">{labels.modelCalls}</th>
              {hasTokens && <th scope="col" data-numeric="">{labels.statTotalTokens}</th>}
              {hasCost && <th scope="col" data-numeric="">{labels.statCost}</th>}
              {hasCost && <th scope="col">{labels.modelShare}</th>}
            </tr>
          </thead>
          <tbody>
            {models.map((model) => {
              const ratio = total > 0 ? model.totalCost / total : 0;
              return (
                <tr key={model.model ?? ''}>
                  <th scope="row">
                    <bdi>{model.model ?? labels.noModel}</bdi>
                  </th>
                  <td data-numeric="">{format.number(model.observationCount)}</td>
                  {hasTokens && <td data-numeric="">{format.compact(model.totalTokens)}</td>}
                  {hasCost && <td data-numeric="">{format.cost(model.totalCost)}</td>}
                  {hasCost && (
                    <td>
                      <svg width={124} height={12} aria-hidden>
                        <Bar data-part="user-detail-share" x={0} y={2} height={8} width={Math.max(ratio > 0 ? 1 : 0, share(ratio))} />
                      </svg>{' '}
                      {format.percent(ratio)}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
});
UserDetailModels.displayName = 'UserDetail.Models';
