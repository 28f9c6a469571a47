'use client';
import { forwardRef, useMemo, type ComponentPropsWithoutRef } from 'react';
import type { ScoreRow } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { linearScale } from '../charts/linearScale.js';
import { linePath, type Point } from '../charts/paths.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { scoreText } from './scoreText.js';
import { useUserDetailContext } from './UserDetailRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailScoreChart
 * -----------------------------------------------------------------------------------------*/

const SCORE_CHART_NAME = 'UserDetailScoreChart';
const CHART_WIDTH = 640;
const CHART_HEIGHT = 120;
const SERIES_COLORS = 4;

export type UserDetailScoreChartProps = ComponentPropsWithoutRef<'div'>;

/**
 * Numeric scores over time per name (lines with a mark per score), and counts of boolean
 * and categorical values, over the newest scores the root fetched (and says so when that is not
 * all). Asked for while the scores tab is open; renders nothing when the range holds no score.
 *
 * @example
 * <UserDetailRoot userId={id} defaultTab="scores"><UserDetailScoreChart /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-score-chart"] [data-part="user-detail-legend"] [data-part="user-detail-score-counts"]
 */
export const UserDetailScoreChart = forwardRef<HTMLDivElement, UserDetailScoreChartProps>((props, ref) => {
  const { format, labels } = useUserTrackingContext(SCORE_CHART_NAME);
  const { scoreSeries } = useUserDetailContext(SCORE_CHART_NAME);
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
  let minTime = Infinity;
  let maxTime = -Infinity;
  let maxValue = 1;
  let minValue = 0;
  for (const row of rows) {
    const t = Date.parse(row.timestamp);
    if (t < minTime) minTime = t;
    if (t > maxTime) maxTime = t;
  }
  for (const list of numeric.values()) {
    for (const row of list) {
      if (row.value! > maxValue) maxValue = row.value!;
      if (row.value! < minValue) minValue = row.value!;
    }
  }
  // One instant (or one score) still gets a visible place: the domain is never empty.
  const x = linearScale({ domain: [minTime, Math.max(maxTime, minTime + 1)], range: [6, CHART_WIDTH - 6] });
  const y = linearScale({ domain: [minValue, maxValue === minValue ? minValue + 1 : maxValue], range: [CHART_HEIGHT - 6, 6] });
  const names = [...numeric.keys()];
  const color = (i: number) => `var(--ul-series-${(i % SERIES_COLORS) + 1}, var(--ul-color-accent))`;
  return (
    <div data-part="user-detail-score-chart" {...props} ref={ref}>
      {total !== null && total > rows.length && (
        <p data-part="user-detail-truncated">{formatLabel(labels.scoreChartPartial, { shown: format.number(rows.length), total: format.number(total) })}</p>
      )}
      {names.length > 0 && (
        <figure>
          <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} width="100%" role="img" aria-label={labels.scoresOverTime}>
            {names.map((name, i) => {
              const list = numeric.get(name)!;
              return (
                <g key={name} data-series={i % SERIES_COLORS}>
                  <path
                    d={linePath(list.map((row): Point => [x(Date.parse(row.timestamp)), y(row.value!)]))}
                    stroke={color(i)}
                    strokeWidth={1.5}
                    fill="none"
                    strokeLinecap="round"
                  />
                  {list.length <= 200 &&
                    list.map((row) => <circle key={row.id} cx={x(Date.parse(row.timestamp))} cy={y(row.value!)} r={2.5} fill={color(i)} />)}
                </g>
              );
            })}
          </svg>
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
