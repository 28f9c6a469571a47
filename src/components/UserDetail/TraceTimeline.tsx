'use client';
import type { DateRange, ObservationRow } from '../../client/types.js';
import { parseIsoDate } from '../../client/parseIsoDate.js';
import { useTraceObservations } from '../../hooks/useTraceObservations.js';
import { formatLabel } from '../../i18n/en-US.js';
import { tracesTabEnUS, tracesTabText } from '../../i18n/tracesTab.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { pluralText } from '../../i18n/plural.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/** Steps drawn at most; a trace with more says how many are left out. */
const MAX_STEPS = 200;

export interface TraceTimelineProps {
  userId: string;
  traceId: string;
  range: DateRange | undefined;
  /** Names the table: the trace's name and time, as its row reads. */
  title: string;
}

/**
 * One trace's steps (its observations) on a timeline: when each started after the first, a bar
 * of its span within the trace, type, model, level, tokens, cost and the status message of a
 * failure or warning — enough to see why a request failed without leaving the page. Loaded on
 * first use: a page of traces never pays for it until a row is opened.
 */
export default function TraceTimeline({ userId, traceId, range, title }: TraceTimelineProps) {
  const { format, labels, lang } = useUserDetailTexts('TraceTimeline');
  const steps = useTraceObservations({ userId, traceId, ...(range ? { range } : {}) });
  if (steps.isPending) return <Skeleton width="60%" />;
  if (steps.isError) return <ErrorState error={steps.error} subject={tracesTabText(labels, 'subjectSteps')} onRetry={() => void steps.refetch()} retrying={steps.isFetching} />;
  const rows = steps.data;
  if (rows.length === 0) return <p data-part="user-detail-steps-empty">{tracesTabText(labels, 'noSteps')}</p>;

  // The trace's span: first start to last end, so each bar sits where its step ran.
  const start = Math.min(...rows.map((row) => parseIsoDate(row.startTime)));
  const end = Math.max(...rows.map((row) => parseIsoDate(row.startTime) + (row.durationMs ?? 0)));
  const span = Math.max(end - start, 1);
  const shown = rows.slice(0, MAX_STEPS);
  return (
    <div data-part="user-detail-chart-table">
      <table data-part="user-detail-steps">
        <caption>{formatLabel(tracesTabText(labels, 'stepsOf'), { trace: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{tracesTabText(labels, 'stepStart')}</th>
            <th scope="col">{tracesTabText(labels, 'stepDuration')}</th>
            <th scope="col">{tracesTabText(labels, 'stepName')}</th>
            <th scope="col">{labels.traceLevel}</th>
            <th scope="col">{tracesTabText(labels, 'stepModel')}</th>
            <th scope="col" data-numeric="">
              {labels.traceTokens}
            </th>
            <th scope="col" data-numeric="">
              {labels.traceCost}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const offset = parseIsoDate(row.startTime) - start;
            return (
              <tr key={row.id} data-level={row.level}>
                <td>
                  <time dateTime={row.startTime} title={format.dateTime(row.startTime)}>
                    +{format.duration(offset)}
                  </time>
                </td>
                <td>
                  <StepBar row={row} offset={offset} span={span} />
                  {row.durationMs === null ? labels.noValueShort : format.duration(row.durationMs)}
                </td>
                <th scope="row">
                  {row.name ?? row.type ?? row.id}
                  {row.type && row.name && <span data-part="label"> {row.type}</span>}
                  {/* The reason of a failure or warning, as recorded: text, never markup. */}
                  {row.statusMessage && (row.level === 'ERROR' || row.level === 'WARNING') && (
                    <span data-part="user-detail-step-message" style={{ display: 'block', whiteSpace: 'normal' }}>
                      {row.statusMessage}
                    </span>
                  )}
                </th>
                <td>
                  <span data-part="user-detail-level" data-level={row.level}>
                    {labels[`level${row.level}`]}
                  </span>
                </td>
                <td>{row.model ?? labels.noValueShort}</td>
                <td data-numeric="">{format.number(row.totalTokens)}</td>
                <td data-numeric="">{format.cost(row.totalCost)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > MAX_STEPS && <p>{formatLabel(pluralText({ ...tracesTabEnUS, ...labels }, 'moreSteps', rows.length - MAX_STEPS, lang ?? format.locale), { count: format.number(rows.length - MAX_STEPS) })}</p>}
    </div>
  );
}

/**
 * Where the step ran within the trace, as a bar on a track (drawn with inline sizes: the
 * positions are data). The text beside it says the same for readers, so the bar is hidden.
 */
function StepBar({ row, offset, span }: { row: ObservationRow; offset: number; span: number }) {
  const left = (offset / span) * 100;
  const width = Math.max(((row.durationMs ?? 0) / span) * 100, 0.5);
  const colour = row.level === 'ERROR' ? 'var(--ul-color-danger)' : row.level === 'WARNING' ? 'var(--ul-color-warning)' : 'var(--ul-series-1)';
  return (
    <span aria-hidden style={{ display: 'inline-block', position: 'relative', width: 96, height: 8, marginInlineEnd: 8, borderRadius: 2, background: 'var(--ul-color-bg-muted)', verticalAlign: 'middle' }}>
      <span style={{ position: 'absolute', insetBlock: 0, insetInlineStart: `${Math.min(left, 99.5)}%`, width: `${Math.min(width, 100 - Math.min(left, 99.5))}%`, borderRadius: 2, background: colour }} />
    </span>
  );
}
