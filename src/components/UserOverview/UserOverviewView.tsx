'use client';
import { hasTraceFilters } from '../../client/hasTraceFilters.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { forwardRef, useMemo } from 'react';
import type { Mover, OverviewPoint } from '../../client/types.js';
import { rangeKey, resolveRange, type RangeValue } from '../../format/dateRangePresets.js';
import { useUserOverview } from '../../hooks/useUserOverview.js';
import { formatLabel } from '../../i18n/en-US.js';
import { overviewEnUS } from '../../i18n/overview.js';
import { useAnchor } from '../../hooks/useAnchor.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { Axis } from '../charts/Axis.js';
import { bandScale } from '../charts/bandScale.js';
import { ChartTable } from '../charts/ChartTable.js';
import { linearScale } from '../charts/linearScale.js';
import { STRIDES, axisWidth, niceTicks, textWidth, thin } from '../charts/ticks.js';
import { useChartWidth } from '../charts/useChartWidth.js';
import { DateRangePicker } from '../shared/DateRangePicker.js';
import { ErrorState, NotAvailable, Skeleton } from '../Status/Status.js';
import type { UserOverviewProps } from './UserOverview.js';

const TOP = 24;
const BOTTOM = 24;
const MAX_BAR = 40;
/** Grid children may shrink below their content (wide tables scroll inside them instead). */
const SHRINKS = { minWidth: 0 } as const;
const GRANULARITY = { hour: 'granularityHour', day: 'granularityDay', week: 'granularityWeek' } as const;

/** The overview itself, loaded by `UserOverview` on first render. */
const UserOverviewView = forwardRef<HTMLElement, UserOverviewProps>((props, ref) => {
  const { range: rangeProp, defaultRange, onRangeChange, filters, getUserHref, movers = 5, chartHeight = 180, ...sectionProps } = props;
  const { client, format, labels: hostLabels, now, timeZone, defaultRange: providerRange } = useUserTrackingContext('UserOverview');
  const root = useRootAttributes('UserOverview');
  // The host's overrides first, then this part's English.
  const labels = { ...overviewEnUS, ...hostLabels };
  const [range, setRange] = useControllableState<RangeValue>({ prop: rangeProp, defaultProp: defaultRange ?? providerRange, onChange: onRangeChange });
  // Relative ranges resolve against the instant they were picked, as the list's do.
  const [anchor] = useAnchor(rangeKey(range), now);
  // A relative range ends at that instant, so it has a previous period to compare with.
  const queryRange = useMemo(() => {
    const resolved = resolveRange(range, anchor);
    return range.preset !== 'all' && range.preset !== 'custom' ? { ...resolved, to: new Date(Math.floor(anchor / 1000) * 1000).toISOString() } : resolved;
  }, [range, anchor]);
  const overview = useUserOverview({
    range: queryRange,
    ...(hasTraceFilters(filters) ? { filters } : {}),
    granularity: 'auto',
    movers,
    ...(client.capabilities.timeZones ? { timeZone } : {}),
  });
  const [width, measure] = useChartWidth(720);
  const data = overview.data;
  const count = (n: number | null) => (n === null ? <NotAvailable /> : format.number(n));
  const perUser = (total: number, users: number | null) => (users ? total / users : null);

  return (
    <section {...root} data-part="user-overview" aria-label={labels.overviewTitle} {...sectionProps} ref={ref}>
      <header data-part="user-detail-section-header">
        <h2>{labels.overviewTitle}</h2>
        <DateRangePicker value={range} onValueChange={setRange} />
      </header>
      {!client.capabilities.overview ? (
        <p data-part="user-overview-unavailable">{labels.notAvailable}</p>
      ) : overview.isError && !data ? (
        <ErrorState error={overview.error} subject={labels.overviewSubject} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />
      ) : !data ? (
        <Skeleton width="100%" style={{ height: chartHeight }} />
      ) : (
        <>
          <dl data-part="user-detail-stats" aria-label={labels.overviewTitle}>
            {(
              [
                [labels.overviewActiveUsers, count(data.totals.activeUsers)],
                [labels.overviewNewUsers, count(data.totals.newUsers)],
                [labels.overviewReturningUsers, count(data.totals.returningUsers)],
                [labels.overviewTraces, count(data.totals.traceCount)],
                [labels.overviewCostPerUser, perUser(data.totals.totalCost, data.totals.activeUsers) === null ? <NotAvailable /> : format.cost(perUser(data.totals.totalCost, data.totals.activeUsers)!)],
                [labels.overviewTokensPerUser, perUser(data.totals.totalTokens, data.totals.activeUsers) === null ? <NotAvailable /> : format.compact(perUser(data.totals.totalTokens, data.totals.activeUsers)!)],
              ] as const
            ).map(([term, value]) => (
              <div key={term} data-part="user-detail-stat">
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {data.points.length === 0 ? (
            <p>{labels.overviewEmpty}</p>
          ) : (
            <div ref={measure} data-part="user-overview-chart" style={SHRINKS}>
              <ActiveUsersChart points={data.points} totals={data.totals} granularity={data.granularity} width={width} height={chartHeight} labels={labels} />
            </div>
          )}
          <div data-overview-movers="" style={SHRINKS}>
            <MoverTable title={labels.overviewMoversCost} movers={data.movers.totalCost} show={format.cost} previous={data.previous} getUserHref={getUserHref} labels={labels} />
            <MoverTable title={labels.overviewMoversErrors} movers={data.movers.errorRate} show={format.percent} previous={data.previous} getUserHref={getUserHref} labels={labels} />
          </div>
        </>
      )}
    </section>
  );
});
UserOverviewView.displayName = 'UserOverviewView';
export default UserOverviewView;

type Labels = ReturnType<typeof useUserTrackingContext>['labels'] & typeof overviewEnUS;

/**
 * Active users per bucket, new below returning, on a date axis and a count axis. The picture is
 * one image with a summary for screen readers; the table beside it has every number.
 */
function ActiveUsersChart(props: {
  points: OverviewPoint[];
  totals: { newUsers: number | null; returningUsers: number | null };
  granularity: 'hour' | 'day' | 'week';
  width: number;
  height: number;
  labels: Labels;
}) {
  const { points, totals, granularity, width, height, labels } = props;
  const { format } = useUserTrackingContext('UserOverview');
  const when = (point: OverviewPoint) => (granularity === 'hour' ? format.dateTime(point.start) : format.date(point.start));
  const plotHeight = height - TOP - BOTTOM;
  const max = Math.max(1, ...points.map((p) => p.activeUsers ?? 0));
  const values = niceTicks(0, max, Math.max(2, Math.floor(plotHeight / 30))).filter(Number.isInteger);
  const left = axisWidth(values.map((v) => format.number(v)));
  const plotWidth = Math.max(1, width - left - 8);
  const x = bandScale({ domain: points.map((_, i) => i), range: [0, plotWidth], padding: 0.2 });
  const barWidth = Math.min(MAX_BAR, x.bandwidth());
  const barX = (i: number) => (x(i) ?? 0) + (x.bandwidth() - barWidth) / 2;
  const y = linearScale({ domain: [0, values.at(-1)!], range: [plotHeight, 0] });
  const dateTicks = thin(points.map((point, i) => ({ at: barX(i) + barWidth / 2, label: when(point) })), plotWidth / (textWidth(when(points[0]!)) + 16), STRIDES[granularity]);
  const title = formatLabel(labels.overviewChart, { granularity: labels[GRANULARITY[granularity]] });
  return (
    <>
      <svg width={width} height={height} role="img" aria-label={`${title}: ${format.number(totals.newUsers ?? 0)} ${labels.overviewNewUsers}, ${format.number(totals.returningUsers ?? 0)} ${labels.overviewReturningUsers}`}>
        <Axis axis="y" ticks={values.map((v) => ({ at: y(v), label: format.number(v) }))} size={plotWidth} title={labels.overviewActiveUsers} transform={`translate(${left},${TOP})`} />
        <Axis axis="x" ticks={dateTicks} size={plotWidth} transform={`translate(${left},${TOP + plotHeight})`} />
        <g transform={`translate(${left},${TOP})`}>
          {points.map((point, i) => {
            const fresh = point.newUsers ?? 0;
            const all = point.activeUsers ?? 0;
            return (
              <g key={point.start}>
                <rect x={barX(i)} y={y(all)} width={barWidth} height={plotHeight - y(all)} fill="var(--ul-series-2)" />
                <rect x={barX(i)} y={y(fresh)} width={barWidth} height={plotHeight - y(fresh)} fill="var(--ul-series-1)" />
              </g>
            );
          })}
        </g>
      </svg>
      <p data-part="user-detail-chart-legend">
        {(
          [
            ['var(--ul-series-1)', labels.overviewNewUsers],
            ['var(--ul-series-2)', labels.overviewReturningUsers],
          ] as const
        ).map(([colour, name]) => (
          <span key={name}>
            <svg width={12} height={12} aria-hidden>
              <rect width={12} height={12} fill={colour} />
            </svg>
            {name}
          </span>
        ))}
      </p>
      <ChartTable
        data-part="user-detail-chart-table"
        summary={labels.overviewTable}
        caption={title}
        columns={[labels.overviewBucket, labels.overviewActiveUsers, labels.overviewNewUsers, labels.overviewReturningUsers, labels.overviewTraces]}
        rows={points.map((point) => [when(point), ...[point.activeUsers, point.newUsers, point.returningUsers, point.traceCount].map((n) => (n === null ? labels.notAvailableShort : format.number(n)))])}
      />
    </>
  );
}

function MoverTable(props: {
  title: string;
  movers: Mover[] | null;
  show: (n: number) => string;
  previous: { from?: string; to?: string } | null;
  getUserHref: ((userId: string) => string) | undefined;
  labels: Labels;
}) {
  const { format } = useUserTrackingContext('UserOverview');
  const { title, movers, show, previous, getUserHref, labels } = props;
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${show(Math.abs(n))}`;
  return (
    <section data-part="user-detail-models" aria-label={title}>
      <h3>{title}</h3>
      {previous === null ? (
        <p>{labels.overviewNoPrevious}</p>
      ) : movers === null ? (
        <NotAvailable />
      ) : movers.length === 0 ? (
        <p>{labels.overviewNoMovers}</p>
      ) : (
        // Scrolls sideways on a phone rather than pushing the page wider.
        <div data-part="user-detail-scroll" role="region" aria-label={`${title}: ${formatLabel(labels.overviewCompared, { from: format.dateTime(previous.from!), to: format.dateTime(previous.to!) })}`} tabIndex={0}>
        <table>
          <caption>{formatLabel(labels.overviewCompared, { from: format.dateTime(previous.from!), to: format.dateTime(previous.to!) })}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.overviewMoversUser}</th>
              <th scope="col" data-numeric="">
                {labels.overviewMoversPrevious}
              </th>
              <th scope="col" data-numeric="">
                {labels.overviewMoversCurrent}
              </th>
              <th scope="col" data-numeric="">
                {labels.overviewMoversChange}
              </th>
            </tr>
          </thead>
          <tbody>
            {movers.map((mover) => (
              <tr key={mover.userId}>
                <th scope="row">
                  <bdi>{getUserHref ? <a href={getUserHref(mover.userId)}>{mover.userId}</a> : mover.userId}</bdi>
                </th>
                <td data-numeric="">{show(mover.previous)}</td>
                <td data-numeric="">{show(mover.current)}</td>
                <td data-numeric="" data-danger={mover.change > 0 ? '' : undefined}>
                  {signed(mover.change)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
