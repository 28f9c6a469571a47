'use client';
import { forwardRef, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { NUMERIC_USER_FIGURES } from '../../client/figures.js';
import type { DistributionBin, NumericUserFigure } from '../../client/types.js';
import { useUserDistribution } from '../../hooks/useUserDistribution.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { bandScale } from '../charts/bandScale.js';
import { linearScale } from '../charts/linearScale.js';
import { Skeleton } from '../Status/Status.js';
import { figureTextKey } from './columns.js';
import { useUserListContext } from './UserListRoot.js';


export interface UserListDistributionProps extends ComponentPropsWithoutRef<'section'> {
  /** @defaultValue 24 */
  bins?: number;
  /** @defaultValue 640 */
  width?: number;
  /** @defaultValue 120 */
  height?: number;
}

/**
 * A histogram of the matching users by the current sort figure — cost, traces,
 * tokens… — with a log scale switch. Each bar is a button: it filters the list to its band.
 *
 * @selector [data-part="user-list-distribution"] [data-part="user-list-bin"][data-active]
 */
export const UserListDistribution = forwardRef<HTMLElement, UserListDistributionProps>(({ bins = 24, width = 640, height = 120, ...props }, ref) => {
  const { client, format, labels } = useUserTrackingContext('UserListDistribution');
  const { query, sorting, band, setBand } = useUserListContext('UserListDistribution');
  const field: NumericUserFigure = NUMERIC_USER_FIGURES.includes(sorting.field as NumericUserFigure) ? (sorting.field as NumericUserFigure) : 'totalCost';
  const [log, setLog] = useState(true);
  const [hovered, setHovered] = useState<number | null>(null);
  // One tab stop for the whole chart; arrow keys move between bars (roving tabindex).
  const [current, setCurrent] = useState(0);
  const chart = useRef<SVGSVGElement>(null);
  const focusBin = (i: number) => {
    setCurrent(i);
    chart.current?.querySelectorAll<SVGElement>('[data-part="user-list-bin"]')[i]?.focus();
  };
  // The chart shows the users the list shows, but not cut down to its own band on this figure
  // (a band on another figure, set before the sort changed, still narrows the users).
  const bands = query.bands?.filter((b) => !(b === band && b.field === field));
  const distribution = useUserDistribution(
    {
      field,
      bins,
      scale: log ? 'log' : 'linear',
      ...(query.range ? { range: query.range } : {}),
      ...(query.search ? { search: query.search } : {}),
      ...(query.filters ? { filters: query.filters } : {}),
      ...(bands?.length ? { bands } : {}),
    },
  );
  if (!client.capabilities.distribution) return null;

  const columnName = labels[figureTextKey(field)];
  const valueOf = (figure: NumericUserFigure) => (n: number) =>
    figure === 'totalCost'
      ? format.cost(n)
      : figure === 'latencyP50' || figure === 'latencyP95'
        ? format.duration(n)
        : figure === 'errorRate'
          ? format.percent(n)
          : format.compact(n);
  const value = valueOf(field);
  const data = distribution.data;
  const x = bandScale({ domain: data?.bins.map((_, i) => i) ?? [], range: [0, width], padding: 0.1 });
  const maxCount = Math.max(1, ...(data?.bins.map((b) => b.count) ?? [1]));
  const y = linearScale({ domain: [0, maxCount], range: [height - 4, 4] });
  const describe = (bin: DistributionBin) =>
    formatLabel(bin.count === 1 ? labels.distributionBinOne : labels.distributionBin, {
      count: format.number(bin.count),
      column: columnName,
      from: value(bin.from),
      to: value(bin.to),
    });
  const isActive = (bin: DistributionBin) => band?.field === field && band.gte === bin.from;

  return (
    <section aria-label={formatLabel(labels.distributionTitle, { column: columnName })} data-part="user-list-distribution" {...props} ref={ref}>
      <header data-part="user-list-distribution-header">
        <h2 data-part="user-list-distribution-title">{formatLabel(labels.distributionTitle, { column: columnName })}</h2>
        <label>
          <input type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} />
          {labels.distributionLog}
        </label>
        {band && (
          <button type="button" data-part="button" onClick={() => setBand(null)}>
            {formatLabel(labels.clearBand, {
              band: formatLabel(labels.distributionBand, {
                column: labels[figureTextKey(band.field)],
                from: valueOf(band.field)(band.gte ?? 0),
                to: valueOf(band.field)(band.lt ?? band.lte ?? 0),
              }),
            })}
          </button>
        )}
      </header>
      {distribution.isPending ? (
        <Skeleton width={width} style={{ height }} />
      ) : !data || data.bins.length === 0 ? (
        <p>{labels.distributionEmpty}</p>
      ) : (
        <div data-part="user-list-distribution-chart" style={{ position: 'relative', width: '100%', maxWidth: width }}>
          <svg ref={chart} viewBox={`0 0 ${width} ${height}`} width="100%" role="group" aria-label={formatLabel(labels.distributionTitle, { column: columnName })}>
            <g>
              {data.bins.map((bin, i) => {
                const last = i === data.bins.length - 1;
                const barHeight = bin.count === 0 ? 0 : Math.max(2, height - 4 - y(bin.count));
                return (
                  <rect
                    key={i}
                    data-part="user-list-bin"
                    data-active={isActive(bin) ? '' : undefined}
                    x={x(i)}
                    y={height - 4 - barHeight}
                    width={x.bandwidth()}
                    height={Math.max(barHeight, 1)}
                    role="button"
                    tabIndex={i === Math.min(current, data.bins.length - 1) ? 0 : -1}
                    aria-label={describe(bin)}
                    aria-pressed={isActive(bin)}
                    aria-disabled={bin.count === 0 || undefined}
                    onMouseEnter={() => setHovered(i)}
                    onMouseLeave={() => setHovered(null)}
                    onFocus={() => {
                      setHovered(i);
                      setCurrent(i);
                    }}
                    onBlur={() => setHovered(null)}
                    onClick={() => bin.count > 0 && setBand(isActive(bin) ? null : { field, gte: bin.from, ...(last ? { lte: bin.to } : { lt: bin.to }) })}
                    onKeyDown={(event) => {
                      const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
                      if (step !== undefined || event.key === 'Home' || event.key === 'End') {
                        event.preventDefault();
                        const last = data.bins.length - 1;
                        focusBin(event.key === 'Home' ? 0 : event.key === 'End' ? last : Math.max(0, Math.min(last, i + step!)));
                        return;
                      }
                      if ((event.key === 'Enter' || event.key === ' ') && bin.count > 0) {
                        event.preventDefault();
                        setBand(isActive(bin) ? null : { field, gte: bin.from, ...(last ? { lte: bin.to } : { lt: bin.to }) });
                      }
                    }}
                  />
                );
              })}
            </g>
          </svg>
          <div data-part="user-list-distribution-axis" aria-hidden>
            <span>{value(data.bins[0]!.from)}</span>
            <span>{value(data.bins[data.bins.length - 1]!.to)}</span>
          </div>
          {hovered !== null && data.bins[hovered] && (
            <div data-part="user-list-distribution-tooltip" aria-hidden style={{ left: `${((x(hovered) ?? 0) / width) * 100}%` }}>
              {describe(data.bins[hovered]!)}
            </div>
          )}
        </div>
      )}
    </section>
  );
});
UserListDistribution.displayName = 'UserListDistribution';
