'use client';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { ActivityPoint } from '../../client/types.js';
import { formatLabel, type LabelKey } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { Skeleton, VisuallyHidden } from '../Status/Status.js';
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
  const { format, labels } = useUserTrackingContext('UserDetail.Activity');
  const { activity, metric, setMetric, user } = useUserDetailContext('UserDetail.Activity');
  const [active, setActive] = useState<number | null>(null);
  const id = useId();
  if (user.data === null || user.isError) return null;
  const data = activity.data;
  const points = data?.points ?? [];
  const metricLabel = labels[METRICS.find((m) => m.id === metric)!.label];
  const show = (n: number) => (metric === 'totalCost' ? format.cost(n) : metric === 'totalTokens' ? format.compact(n) : format.number(n));
  const when = (point: ActivityPoint) => (data?.granularity === 'hour' ? format.dateTime(point.start) : format.date(point.start));
  const x = scaleBand<number>({ domain: points.map((_, i) => i), range: [0, width], padding: 0.15 });
  const max = Math.max(0, ...points.map((p) => p[metric]));
  const y = scaleLinear<number>({ domain: [0, max || 1], range: [height - 2, 4] });
  const title = data ? formatLabel(labels.activityChart, { metric: metricLabel, granularity: labels[GRANULARITY[data.granularity]!] }) : labels.activityTitle;
  const onKeyDown = (event: KeyboardEvent) => {
    if (points.length === 0) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const by = moves[event.key]!;
    const current = active ?? (by > 0 ? -1 : points.length);
    setActive(Math.max(0, Math.min(points.length - 1, Number.isFinite(by) ? current + by : by < 0 ? 0 : points.length - 1)));
  };
  return (
    <section data-part="user-detail-activity" aria-labelledby={`${id}-title`} {...props} ref={ref}>
      <header data-part="user-detail-section-header">
        <h3 id={`${id}-title`}>{labels.activityTitle}</h3>
        <label>
          {labels.activityMetric}{' '}
          <select value={metric} onChange={(event) => setMetric(event.target.value as ActivityMetric)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {labels[m.label]}
              </option>
            ))}
          </select>
        </label>
      </header>
      {activity.isPending ? (
        <Skeleton width="100%" style={{ height }} />
      ) : points.length === 0 ? (
        <p>{labels.noData}</p>
      ) : (
        <>
          <div
            data-part="user-detail-chart"
            role="img"
            tabIndex={0}
            aria-label={title}
            onKeyDown={onKeyDown}
            onBlur={() => setActive(null)}
            style={{ position: 'relative' }}
          >
            <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden>
              <Group>
                {points.map((point, i) => {
                  const barHeight = point[metric] === 0 ? 0 : Math.max(1, height - 2 - y(point[metric]));
                  return (
                    <Bar
                      key={point.start}
                      data-part="user-detail-bar"
                      data-active={active === i ? '' : undefined}
                      x={x(i)}
                      y={height - 2 - barHeight}
                      width={x.bandwidth()}
                      height={barHeight}
                      onMouseEnter={() => setActive(i)}
                      onMouseLeave={() => setActive(null)}
                    />
                  );
                })}
              </Group>
            </svg>
            {active !== null && points[active] && (
              <div data-part="user-detail-chart-tooltip" style={{ left: `${((x(active) ?? 0) / width) * 100}%` }}>
                {formatLabel(labels.activityPoint, { start: when(points[active]!), value: show(points[active]![metric]) })}
              </div>
            )}
          </div>
          <VisuallyHidden aria-live="polite">
            {active !== null && points[active] ? formatLabel(labels.activityPoint, { start: when(points[active]!), value: show(points[active]![metric]) }) : ''}
          </VisuallyHidden>
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
  const { format, labels } = useUserTrackingContext('UserDetail.Models');
  const { user } = useUserDetailContext('UserDetail.Models');
  const id = useId();
  const stats = user.data;
  if (stats === null || user.isError) return null;
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
              <th scope="col" data-numeric="">{labels.statTotalTokens}</th>
              <th scope="col" data-numeric="">{labels.statCost}</th>
              <th scope="col">{labels.modelShare}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => {
              const ratio = total > 0 ? model.totalCost / total : 0;
              return (
                <tr key={model.model ?? ''}>
                  <th scope="row">{model.model ?? labels.noModel}</th>
                  <td data-numeric="">{format.number(model.observationCount)}</td>
                  <td data-numeric="">{format.compact(model.totalTokens)}</td>
                  <td data-numeric="">{format.cost(model.totalCost)}</td>
                  <td>
                    <svg width={124} height={12} aria-hidden>
                      <Bar data-part="user-detail-share" x={0} y={2} height={8} width={Math.max(ratio > 0 ? 1 : 0, share(ratio))} />
                    </svg>{' '}
                    {format.percent(ratio)}
                  </td>
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
