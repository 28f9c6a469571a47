'use client';
import { forwardRef, useMemo, useState, type ComponentPropsWithoutRef, type KeyboardEvent, type PointerEvent } from 'react';
import { bucketBoundaries, pickGranularity } from '../../client/calendar.js';
import type { ScoreRow } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { Axis } from '../charts/Axis.js';
import { ChartTable } from '../charts/ChartTable.js';
import { linearScale } from '../charts/linearScale.js';
import { linePath, type Point } from '../charts/paths.js';
import { STRIDES, axisWidth, niceTicks, textWidth, thin, tipLeft } from '../charts/ticks.js';
import { useChartWidth } from '../charts/useChartWidth.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { scoreText } from './scoreText.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailScoreChart
 * -----------------------------------------------------------------------------------------*/

const SCORE_CHART_NAME = 'UserDetailScoreChart';
const CHART_WIDTH = 640;
const CHART_HEIGHT = 180;
const TOP = 24;
const BOTTOM = 24;
const SERIES_COLORS = 4;
/** Scores closer than this many pixels share one point of their line: a burst of scores is a column of dots, not a vertical zigzag. */
const MERGE = 8;

export type UserDetailScoreChartProps = ComponentPropsWithoutRef<'div'>;

/** A numeric score where the chart draws it. */
interface Mark {
  row: ScoreRow;
  series: number;
  x: number;
  y: number;
}

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
export const UserDetailScoreChart = forwardRef<HTMLDivElement, UserDetailScoreChartProps>((props, ref) => {
  const { format, labels } = useUserDetailTexts(SCORE_CHART_NAME);
  const { scoreSeries } = useUserDetailContext(SCORE_CHART_NAME);
  const [width, measure] = useChartWidth(CHART_WIDTH);
  const [active, setActive] = useState<number | null>(null);
  const grouped = useMemo(() => {
    const rows = [...(scoreSeries.data?.items ?? [])].reverse(); // fetched newest first; drawn oldest first
    const numeric = new Map<string, ScoreRow[]>();
    const counted = new Map<string, Map<string, number>>();
    for (const row of rows) {
      if (row.dataType === 'NUMERIC' && row.value !== null && Number.isFinite(row.value)) {
        const list = numeric.get(row.name);
        if (list) list.push(row);
        else numeric.set(row.name, [row]);
      } else if (row.dataType === 'BOOLEAN' || row.dataType === 'CATEGORICAL') {
        const label = scoreText(row, labels, format);
        const counts = counted.get(row.name) ?? new Map<string, number>();
        counts.set(label, (counts.get(label) ?? 0) + 1);
        counted.set(row.name, counts);
      }
    }
    return { rows, numeric, counted };
  }, [scoreSeries.data, labels, format]);
  if (scoreSeries.isPending) {
    return (
      <div data-part="user-detail-score-chart" aria-busy {...props} ref={ref}>
        <Skeleton width="100%" style={{ height: CHART_HEIGHT }} />
      </div>
    );
  }
  if (scoreSeries.isError) {
    return (
      <div data-part="user-detail-score-chart" {...props} ref={ref}>
        <ErrorState error={scoreSeries.error} subject={labels.subjectScores} onRetry={() => void scoreSeries.refetch()} />
      </div>
    );
  }
  const { rows, numeric, counted } = grouped;
  if (rows.length === 0) return null;
  const total = scoreSeries.data?.total ?? null;
  const names = [...numeric.keys()];
  const all = names.flatMap((name) => numeric.get(name)!);
  const times = all.map((row) => Date.parse(row.timestamp));
  const values = all.map((row) => row.value!);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // The axis runs over whole hours, days or weeks of the viewer's calendar around the scores, so
  // one score, or a burst within a minute, sits inside a labelled hour rather than at an edge.
  const granularity = pickGranularity(last - first);
  const boundaries = all.length ? bucketBoundaries(first, last + 1, granularity, format.timeZone, SCORE_CHART_NAME) : [];
  const dateLabel = (t: number) => (granularity === 'hour' ? format.dateTime(t) : format.date(t));
  const scale = niceTicks(Math.min(0, ...values), Math.max(1, ...values), 4);
  const left = axisWidth(scale.map(format.decimal));
  const plotWidth = Math.max(1, width - left - 12);
  const plotHeight = CHART_HEIGHT - TOP - BOTTOM;
  const x = linearScale({ domain: [boundaries[0]!, boundaries.at(-1)!], range: [0, plotWidth] });
  const y = linearScale({ domain: [Math.min(scale[0]!, ...values), Math.max(scale.at(-1)!, ...values)], range: [plotHeight, 0] });
  const color = (i: number) => `var(--ul-series-${(i % SERIES_COLORS) + 1})`;
  const marks: Mark[] = names.flatMap((name, series) => numeric.get(name)!.map((row) => ({ row, series, x: x(Date.parse(row.timestamp)), y: y(row.value!) })));
  // Keys and the pointer walk the scores in time order, whatever their series.
  const order = [...marks].sort((a, b) => a.x - b.x);
  /** A series' line: through the mean of each run of scores within `MERGE` pixels of its first. */
  const line = (series: number) => {
    const points: Point[] = [];
    let run: Mark[] = [];
    const flush = () => run.length && points.push([run.reduce((s, m) => s + m.x, 0) / run.length, run.reduce((s, m) => s + m.y, 0) / run.length]);
    for (const mark of marks) {
      if (mark.series !== series) continue;
      if (run.length && mark.x - run[0]!.x > MERGE) {
        flush();
        run = [];
      }
      run.push(mark);
    }
    flush();
    return points;
  };
  const describe = (mark: Mark) => formatLabel(labels.activityPoint, { start: format.dateTime(mark.row.timestamp), figure: mark.row.name, value: format.decimal(mark.row.value!) });
  const onKeyDown = (event: KeyboardEvent) => {
    const at = active ?? -1;
    const target = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: order.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    setActive(Math.max(0, Math.min(order.length - 1, target)));
  };
  // The pointer reads the nearest score.
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const [px, py] = [event.clientX - box.left - left, event.clientY - box.top - TOP];
    let nearest = 0;
    order.forEach((mark, i) => {
      if (Math.hypot(mark.x - px, mark.y - py) < Math.hypot(order[nearest]!.x - px, order[nearest]!.y - py)) nearest = i;
    });
    setActive(nearest);
  };
  const current = active !== null ? order[active] : undefined;
  const tip = current ? describe(current) : '';
  return (
    <div data-part="user-detail-score-chart" {...props} ref={ref}>
      {total !== null && total > rows.length && (
        <p data-part="user-detail-truncated">{formatLabel(labels.scoreChartPartial, { shown: format.number(rows.length), total: format.number(total) })}</p>
      )}
      {names.length > 0 && (
        <figure>
          <div ref={measure} data-part="user-detail-chart" style={{ position: 'relative' }}>
            <svg
              width={width}
              height={CHART_HEIGHT}
              role="img"
              aria-label={labels.scoresOverTime}
              tabIndex={0}
              onKeyDown={onKeyDown}
              onFocus={() => setActive((i) => i ?? 0)}
              onBlur={() => setActive(null)}
              onPointerMove={onPointerMove}
              onPointerLeave={() => setActive(null)}
            >
              <Axis axis="y" ticks={scale.map((v) => ({ at: y(v), label: format.decimal(v) }))} size={plotWidth} title={labels.scoreValue} transform={`translate(${left},${TOP})`} />
              <Axis
                axis="x"
                ticks={thin(boundaries, plotWidth / (textWidth(dateLabel(first)) + 16), STRIDES[granularity]).map((t) => ({ at: x(t), label: dateLabel(t) }))}
                size={plotWidth}
                transform={`translate(${left},${TOP + plotHeight})`}
              />
              <g transform={`translate(${left},${TOP})`}>
                {names.map((name, i) => (
                  <g key={name} data-series={i % SERIES_COLORS} stroke={color(i)} fill={color(i)}>
                    <path d={linePath(line(i))} strokeWidth={1.5} fill="none" strokeLinecap="round" />
                    {numeric.get(name)!.length <= 200 && marks.map((mark) => mark.series === i && <circle key={mark.row.id} cx={mark.x} cy={mark.y} r={3} stroke="none" />)}
                  </g>
                ))}
                {current && <circle data-part="user-detail-chart-focus" cx={current.x} cy={current.y} r={6} fill="none" stroke="var(--ul-color-fg)" strokeWidth={2} />}
              </g>
            </svg>
            {/* Read out as keys move through the scores; the chart itself is one image to a screen reader. */}
            <div aria-live="polite">
              {current && (
                <div data-part="user-detail-chart-tooltip" style={{ left: tipLeft(left + current.x, tip, width), top: TOP + current.y + (current.y > 40 ? -40 : 12) }}>
                  {tip}
                </div>
              )}
            </div>
          </div>
          <figcaption>
            {labels.scoresOverTime}:{' '}
            {names.map((name, i) => {
              const list = numeric.get(name)!;
              const mean = list.reduce((sum, row) => sum + row.value!, 0) / list.length;
              return (
                <span key={name} data-part="user-detail-legend" data-series={i % SERIES_COLORS} style={{ ['--ul-legend-color' as string]: color(i) }}>
                  <bdi>{formatLabel(labels.scoreLegend, { name, count: format.number(list.length), mean: format.decimal(mean) })}</bdi>
                </span>
              );
            })}
          </figcaption>
        </figure>
      )}
      {names.length > 0 && (
        <ChartTable
          data-part="user-detail-chart-table"
          summary={labels.activityTable}
          caption={labels.scoresOverTime}
          columns={[labels.scoreName, labels.scoreTimestamp, labels.scoreValue]}
          // Formatted only when opened: a thousand dates cost the tab's first paint ~10 ms.
          rows={() => order.map((mark) => [mark.row.name, format.dateTime(mark.row.timestamp), format.decimal(mark.row.value!)])}
        />
      )}
      <ul data-part="user-detail-score-counts">
        {[...counted.entries()].map(([name, counts]) => (
          <li key={name}>
            <bdi>
              {formatLabel(labels.scoresDistribution, {
                name,
                counts: format.list([...counts.entries()].map(([label, count]) => `${label} ${format.number(count)}`)),
              })}
            </bdi>
          </li>
        ))}
      </ul>
    </div>
  );
});
UserDetailScoreChart.displayName = SCORE_CHART_NAME;

export default UserDetailScoreChart;
