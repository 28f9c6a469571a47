'use client';
import { forwardRef, useMemo, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { NUMERIC_USER_FIGURES, isScoreFigure } from '../../client/figures.js';
import type { DistributionBin, FigureBand, NumericUserFigure } from '../../client/types.js';
import { edgeLabels } from '../../format/edgeLabels.js';
import { useUserDistribution } from '../../hooks/useUserDistribution.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { bandScale } from '../charts/bandScale.js';
import { linearScale } from '../charts/linearScale.js';
import { Skeleton } from '../Status/Status.js';
import { figureText } from './columns.js';
import { countTicks, edgeUnit, labelledEdges } from './distributionAxes.js';
import { useUserListContext } from './UserListRoot.js';
import { pluralText } from '../../i18n/plural.js';

export interface UserListDistributionProps extends ComponentPropsWithoutRef<'section'> {
  /** The most bars; the source picks round band edges, and as many bands as the data supports. @defaultValue 24 */
  bins?: number;
  /** The widest the chart grows, in CSS pixels; it shrinks to fit its container. @defaultValue 640 */
  width?: number;
  /** Height of the bars' area in CSS pixels. @defaultValue 120 */
  height?: number;
}

/**
 * A histogram of the matching users by the current sort figure — cost, traces, tokens… — with
 * a log scale switch, a count axis, band edges on the x axis and a table of the same numbers.
 * Each bar is a button: it filters the list to its band.
 *
 * @selector [data-part="user-list-distribution"] [data-part="user-list-bin"][data-active] [data-part="user-list-distribution-table"]
 */
export const UserListDistribution = forwardRef<HTMLElement, UserListDistributionProps>(({ bins = 24, width = 640, height = 120, ...props }, ref) => {
  const { client, format, labels, lang } = useUserTrackingContext('UserListDistribution');
  const { query, sorting, band, setBand } = useUserListContext('UserListDistribution');
  const field = NUMERIC_USER_FIGURES.includes(sorting.field as NumericUserFigure) || isScoreFigure(sorting.field) ? (sorting.field as FigureBand['field']) : 'totalCost';
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
      ...(query.searchUserIds ? { searchUserIds: query.searchUserIds } : {}),
      ...(query.userIds ? { userIds: query.userIds } : {}),
      ...(query.filters ? { filters: query.filters } : {}),
      ...(bands?.length ? { bands } : {}),
    },
  );
  const data = distribution.data;
  const edgeTexts = useMemo(
    () => (data?.bins.length ? edgeLabels([...data.bins.map((bin) => bin.from), data.bins[data.bins.length - 1]!.to], edgeUnit(data.field), format) : []),
    [data, format],
  );
  if (!client.capabilities.distribution) return null;

  const columnName = figureText(field, labels);
  const title = formatLabel(labels.distributionTitle, { column: columnName });
  const binList = data?.bins ?? [];
  const x = bandScale({ domain: binList.map((_, i) => i), range: [0, width], padding: 0.2 });
  // Edge i sits halfway between bars i − 1 and i, in % of the chart's width.
  const edgeAt = (i: number) => (((x(0) ?? 0) + x.step() * i - (x.step() - x.bandwidth()) / 2) / width) * 100;
  const ticks = countTicks(Math.max(0, ...binList.map((bin) => bin.count)));
  const y = linearScale({ domain: [0, ticks[ticks.length - 1]!], range: [height, 0] });
  const describe = (i: number) =>
    formatLabel(pluralText(labels, 'distributionBin', binList[i]!.count, lang ?? format.locale), {
      count: format.number(binList[i]!.count),
      column: columnName,
      from: edgeTexts[i]!,
      to: edgeTexts[i + 1]!,
    });
  const isActive = (bin: DistributionBin) => band?.field === field && band.gte === bin.from;
  const toggle = (bin: DistributionBin, i: number) =>
    setBand(isActive(bin) ? null : { field, gte: bin.from, ...(i === binList.length - 1 ? { lte: bin.to } : { lt: bin.to }) });
  // The chip reads a band as its bar does while the bar is drawn; a band set by the host, alone.
  const bandEdges = band && [band.gte ?? 0, band.lt ?? band.lte ?? 0];
  const bandIndex = bandEdges && band.field === data?.field ? binList.findIndex((bin) => bin.from === bandEdges[0] && bin.to === bandEdges[1]) : -1;
  const bandTexts = bandEdges && (bandIndex >= 0 ? edgeTexts.slice(bandIndex, bandIndex + 2) : edgeLabels(bandEdges, edgeUnit(band.field), format));

  return (
    <section aria-label={title} data-part="user-list-distribution" {...props} ref={ref}>
      <header data-part="user-list-distribution-header">
        <h2 data-part="user-list-distribution-title">{title}</h2>
        <label>
          <input type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} />
          {labels.distributionLog}
        </label>
        {band && bandTexts && (
          <button type="button" data-part="button" onClick={() => setBand(null)}>
            {formatLabel(labels.clearBand, {
              band: formatLabel(labels.distributionBand, { column: figureText(band.field, labels), from: bandTexts[0]!, to: bandTexts[1]! }),
            })}
          </button>
        )}
      </header>
      {distribution.isPending ? (
        <Skeleton style={{ height, maxWidth: width }} />
      ) : binList.length === 0 ? (
        <p>{labels.distributionEmpty}</p>
      ) : (
        <>
          <div data-part="user-list-distribution-chart" style={{ maxWidth: width }}>
            <span data-part="user-list-distribution-y-title" aria-hidden>
              {labels.distributionCountAxis}
            </span>
            <div data-part="user-list-distribution-y-axis" aria-hidden>
              {ticks.map((tick) => (
                <span key={tick}>{format.number(tick)}</span>
              ))}
            </div>
            <div data-part="user-list-distribution-plot" style={{ position: 'relative' }}>
              <svg ref={chart} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" width="100%" height={height} style={{ display: 'block', overflow: 'visible' }} role="group" aria-label={title}>
                {ticks.map((tick) => (
                  <line key={tick} data-part="user-list-distribution-grid" x1={0} x2={width} y1={y(tick)} y2={y(tick)} vectorEffect="non-scaling-stroke" />
                ))}
                {binList.map((bin, i) => (
                  <rect
                    key={i}
                    data-part="user-list-bin"
                    data-active={isActive(bin) ? '' : undefined}
                    x={x(i)}
                    y={y(bin.count)}
                    width={x.bandwidth()}
                    height={height - y(bin.count)}
                    role="button"
                    tabIndex={i === Math.min(current, binList.length - 1) ? 0 : -1}
                    aria-label={describe(i)}
                    aria-pressed={isActive(bin)}
                    aria-disabled={bin.count === 0 || undefined}
                    onMouseEnter={() => setHovered(i)}
                    onMouseLeave={() => setHovered(null)}
                    onFocus={() => {
                      setHovered(i);
                      setCurrent(i);
                    }}
                    onBlur={() => setHovered(null)}
                    onClick={() => bin.count > 0 && toggle(bin, i)}
                    onKeyDown={(event) => {
                      const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
                      if (step !== undefined || event.key === 'Home' || event.key === 'End') {
                        event.preventDefault();
                        const last = binList.length - 1;
                        focusBin(event.key === 'Home' ? 0 : event.key === 'End' ? last : Math.max(0, Math.min(last, i + step!)));
                        return;
                      }
                      if ((event.key === 'Enter' || event.key === ' ') && bin.count > 0) {
                        event.preventDefault();
                        toggle(bin, i);
                      }
                    }}
                  />
                ))}
              </svg>
              {hovered !== null && binList[hovered] && (
                // Above the bars; the point c% along it sits over the bar, c% along the chart, so it never leaves the chart.
                <div data-part="user-list-distribution-tooltip" aria-hidden style={tooltipAt((edgeAt(hovered) + edgeAt(hovered + 1)) / 2)}>
                  {describe(hovered)}
                </div>
              )}
            </div>
            <div data-part="user-list-distribution-x-axis" aria-hidden>
              {labelledEdges(binList.length).map((i) => (
                <span key={i} style={{ left: `${edgeAt(i)}%` }}>
                  {edgeTexts[i]}
                </span>
              ))}
            </div>
          </div>
          <details data-part="user-list-distribution-table" style={{ maxWidth: width }}>
            <summary>{labels.distributionTable}</summary>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.rangeFrom}</th>
                  <th scope="col">{labels.rangeTo}</th>
                  <th scope="col">{labels.distributionCountAxis}</th>
                </tr>
              </thead>
              <tbody>
                {binList.map((bin, i) => (
                  <tr key={i}>
                    <th scope="row">{edgeTexts[i]}</th>
                    <td>{edgeTexts[i + 1]}</td>
                    <td>{format.number(bin.count)}</td>
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
UserListDistribution.displayName = 'UserListDistribution';

const tooltipAt = (percent: number) => ({ top: 'auto', bottom: '100%', left: `${percent}%`, translate: `${-percent}%` });

export default UserListDistribution;
