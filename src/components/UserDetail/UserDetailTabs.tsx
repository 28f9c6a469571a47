'use client';
import * as Tabs from '@radix-ui/react-tabs';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { forwardRef, useMemo, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Page, ScoreRow, SessionRow, TraceRow } from '../../client/types.js';
import type { Formatters } from '../../format/createFormatters.js';
import { previewValue } from '../../format/previewValue.js';
import { formatLabel, type LabelKey, type Labels } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { ErrorState, Skeleton } from '../Status/Status.js';
import { useUserDetailContext, type TableState, type UserDetailTab } from './UserDetailRoot.js';

const PREVIEW_CHARS = 120;
/** The expanded cell shows this much; a 1 MB payload never reaches layout whole. */
const FULL_CHARS = 20_000;

interface Column<Row, Field extends string> {
  id: string;
  label: LabelKey;
  sortField?: Field;
  numeric?: boolean;
  render: (row: Row) => ReactNode;
}

/**
 * Traces, sessions and scores of the user (Radix Tabs: arrow keys move between tabs), each a
 * sortable, paged table. Only the open tab's rows are fetched.
 *
 * @selector [data-part="user-detail-tabs"]
 */
export const UserDetailTabs = forwardRef<HTMLDivElement, Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue' | 'dir'>>((props, ref) => {
  const { client, labels, format } = useUserTrackingContext('UserDetail.Tabs');
  const context = useUserDetailContext('UserDetail.Tabs');
  const { tab, setTab, user, getTraceHref, getSessionHref } = context;
  if (user.data === null || (user.isError && user.data === undefined)) return null;
  const has = (figure: 'totalCost' | 'totalTokens') => client.capabilities.detailFigures.includes(figure);
  const traceLink = (id: string) =>
    getTraceHref ? (
      <a href={getTraceHref(id)}>
        <bdi>{id}</bdi>
      </a>
    ) : (
      <bdi>{id}</bdi>
    );

  const traceColumns: Column<TraceRow, 'timestamp' | 'name' | 'latency' | 'totalTokens' | 'totalCost' | 'observationCount'>[] = [
    { id: 'timestamp', label: 'traceTimestamp', sortField: 'timestamp', render: (t) => <time dateTime={t.timestamp}>{format.dateTime(t.timestamp)}</time> },
    {
      id: 'name',
      label: 'traceName',
      sortField: 'name',
      render: (t) =>
        getTraceHref ? (
          <a href={getTraceHref(t.id)}>
            <bdi>{t.name ?? t.id}</bdi>
          </a>
        ) : (
          <bdi>{t.name ?? labels.noValueShort}</bdi>
        ),
    },
    { id: 'input', label: 'traceInput', render: (t) => <PayloadCell value={t.input} labels={labels} format={format} /> },
    { id: 'output', label: 'traceOutput', render: (t) => <PayloadCell value={t.output} labels={labels} format={format} /> },
    {
      id: 'level',
      label: 'traceLevel',
      render: (t) =>
        t.level ? (
          <span data-part="user-detail-level" data-level={t.level}>
            {labels[`level${t.level}`]}
          </span>
        ) : (
          labels.noValueShort
        ),
    },
    { id: 'latency', label: 'traceLatency', sortField: 'latency', numeric: true, render: (t) => (t.latency === null ? labels.noValueShort : format.duration(t.latency)) },
    ...(has('totalTokens')
      ? [{ id: 'tokens', label: 'traceTokens', sortField: 'totalTokens', numeric: true, render: (t: TraceRow) => format.number(t.totalTokens) } as const]
      : []),
    ...(has('totalCost') ? [{ id: 'cost', label: 'traceCost', sortField: 'totalCost', numeric: true, render: (t: TraceRow) => format.cost(t.totalCost) } as const] : []),
    { id: 'tags', label: 'traceTags', render: (t) => <bdi>{format.list(t.tags)}</bdi> },
    {
      id: 'scores',
      label: 'traceScores',
      render: (t) => (
        <bdi>{format.list(t.scores.map((score) => formatLabel(labels.traceScore, { name: score.name, value: scoreText(score, labels, format) })))}</bdi>
      ),
    },
  ];
  const sessionColumns: Column<SessionRow, 'createdAt' | 'lastActivity' | 'durationMs' | 'traceCount' | 'totalTokens' | 'totalCost'>[] = [
    {
      id: 'session',
      label: 'sessionId',
      render: (s) =>
        getSessionHref ? (
          <a href={getSessionHref(s.sessionId)}>
            <bdi>{s.sessionId}</bdi>
          </a>
        ) : (
          <bdi>{s.sessionId}</bdi>
        ),
    },
    { id: 'created', label: 'sessionCreated', sortField: 'createdAt', render: (s) => format.dateTime(s.createdAt) },
    { id: 'last', label: 'sessionLastActivity', sortField: 'lastActivity', render: (s) => format.dateTime(s.lastActivity) },
    { id: 'duration', label: 'sessionDuration', sortField: 'durationMs', numeric: true, render: (s) => format.duration(s.durationMs) },
    { id: 'traces', label: 'statTraces', sortField: 'traceCount', numeric: true, render: (s) => format.number(s.traceCount) },
    ...(has('totalTokens')
      ? [{ id: 'tokens', label: 'traceTokens', sortField: 'totalTokens', numeric: true, render: (s: SessionRow) => format.number(s.totalTokens) } as const]
      : []),
    ...(has('totalCost') ? [{ id: 'cost', label: 'traceCost', sortField: 'totalCost', numeric: true, render: (s: SessionRow) => format.cost(s.totalCost) } as const] : []),
  ];
  const scoreColumns: Column<ScoreRow, 'timestamp' | 'name' | 'value'>[] = [
    { id: 'timestamp', label: 'scoreTimestamp', sortField: 'timestamp', render: (s) => format.dateTime(s.timestamp) },
    { id: 'name', label: 'scoreName', sortField: 'name', render: (s) => <bdi>{s.name}</bdi> },
    { id: 'value', label: 'scoreValue', sortField: 'value', render: (s) => <bdi>{scoreText(s, labels, format)}</bdi> },
    { id: 'source', label: 'scoreSource', render: (s) => labels[`source${s.source}`] },
    { id: 'comment', label: 'scoreComment', render: (s) => <bdi>{s.comment ?? ''}</bdi> },
    { id: 'trace', label: 'scoreTrace', render: (s) => traceLink(s.traceId) },
  ];

  return (
    <Tabs.Root
      value={tab}
      onValueChange={(value) => setTab(value as UserDetailTab)}
      data-part="user-detail-tabs"
      activationMode="automatic"
      {...props}
      ref={ref}
    >
      <Tabs.List aria-label={labels.tabsLabel} data-part="user-detail-tab-list">
        <Tabs.Trigger value="traces">{labels.tabTraces}</Tabs.Trigger>
        <Tabs.Trigger value="sessions">{labels.tabSessions}</Tabs.Trigger>
        <Tabs.Trigger value="scores">{labels.tabScores}</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="traces" data-part="user-detail-tab">
        <HistoryTable result={context.traces} columns={traceColumns} state={context.tracesState} setState={context.setTracesState} empty={labels.noTraces} rowKey={(t) => t.id} subject={labels.subjectTraces} />
      </Tabs.Content>
      <Tabs.Content value="sessions" data-part="user-detail-tab">
        <HistoryTable result={context.sessions} columns={sessionColumns} state={context.sessionsState} setState={context.setSessionsState} empty={labels.noSessions} rowKey={(s) => s.sessionId} subject={labels.subjectSessions} />
      </Tabs.Content>
      <Tabs.Content value="scores" data-part="user-detail-tab">
        <ScoreChart />
        <HistoryTable result={context.scores} columns={scoreColumns} state={context.scoresState} setState={context.setScoresState} empty={labels.noScores} rowKey={(s) => s.id} subject={labels.subjectScores} />
      </Tabs.Content>
    </Tabs.Root>
  );
});
UserDetailTabs.displayName = 'UserDetail.Tabs';

function scoreText(score: { dataType: string; value: number | null; stringValue: string | null }, labels: Labels, format: Formatters): string {
  if (score.dataType === 'BOOLEAN') return score.value === 1 ? labels.scoreYes : score.value === 0 ? labels.scoreNo : labels.noValueShort;
  if (score.dataType === 'NUMERIC') return score.value === null ? labels.noValueShort : format.decimal(score.value);
  return score.stringValue ?? (score.value === null ? labels.noValueShort : format.decimal(score.value));
}

/** A preview of a payload as plain text; the full value (up to a bound) one click away. */
function PayloadCell({ value, labels, format }: { value: unknown; labels: Labels; format: Formatters }) {
  const preview = useMemo(() => previewValue(value, PREVIEW_CHARS), [value]);
  if (!preview.truncated) return <span data-part="user-detail-payload">{preview.text}</span>;
  return <ExpandablePayload preview={preview.text} value={value} labels={labels} format={format} />;
}

/** The longer text is built only once opened: a closed cell holds the preview alone. */
function ExpandablePayload({ preview, value, labels, format }: { preview: string; value: unknown; labels: Labels; format: Formatters }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-part="user-detail-payload" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {preview}… <span data-part="user-detail-show-full">{labels.showFull}</span>
      </summary>
      {open && <FullPayload value={value} labels={labels} format={format} />}
    </details>
  );
}

function FullPayload({ value, labels, format }: { value: unknown; labels: Labels; format: Formatters }) {
  const full = previewValue(value, FULL_CHARS);
  return (
    <>
      <pre>{full.text}</pre>
      {full.truncated && <p data-part="user-detail-truncated">{formatLabel(labels.truncatedNote, { count: format.number(FULL_CHARS) })}</p>}
    </>
  );
}

function HistoryTable<Row, Field extends string>(props: {
  result: { data?: Page<Row>; isPending: boolean; isError: boolean; error: Error | null; isFetching: boolean; isPlaceholderData: boolean; refetch: () => unknown };
  columns: Column<Row, Field>[];
  state: TableState<Field>;
  setState: (state: TableState<Field>) => void;
  rowKey: (row: Row) => string;
  empty: string;
  subject: string;
}) {
  const { format, labels } = useUserTrackingContext('UserDetail.Tabs');
  const { result, columns, state, setState } = props;
  if (result.isError) return <ErrorState error={result.error} subject={props.subject} onRetry={() => void result.refetch()} retrying={result.isFetching} />;
  const page = result.data;
  if (page && page.total === 0) return <p data-part="user-detail-empty-tab">{props.empty}</p>;
  // The summary describes the answered page; without a total there is no page count to give.
  const from = page ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? from + page.items.length - 1 : 0;
  const pages = page?.total ? Math.ceil(page.total / page.pageSize) : null;
  const atStart = state.page <= 1;
  const atEnd = !page?.hasMore;
  return (
    <div data-part="user-detail-history" data-stale={result.isPlaceholderData ? '' : undefined}>
      <div data-part="user-detail-scroll" tabIndex={0} role="region" aria-label={props.subject}>
        <table aria-busy={result.isFetching || undefined}>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = column.sortField !== undefined && state.sort.field === column.sortField;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    data-numeric={column.numeric ? '' : undefined}
                    aria-sort={active ? (state.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {column.sortField ? (
                      <button
                        type="button"
                        data-part="user-list-sort"
                        onClick={() =>
                          setState({
                            page: 1,
                            sort: { field: column.sortField!, direction: active && state.sort.direction === 'desc' ? 'asc' : 'desc' },
                          })
                        }
                      >
                        {labels[column.label]}
                        <span aria-hidden data-part="user-list-sort-icon">
                          {active ? (state.sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      labels[column.label]
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {result.isPending
              ? Array.from({ length: 5 }, (_, i) => (
                  <tr key={i} aria-hidden>
                    {columns.map((column) => (
                      <td key={column.id}>
                        <Skeleton width="70%" />
                      </td>
                    ))}
                  </tr>
                ))
              : page!.items.map((row) => (
                  <tr key={props.rowKey(row)}>
                    {columns.map((column) => (
                      <td key={column.id} data-numeric={column.numeric ? '' : undefined}>
                        {column.render(row)}
                      </td>
                    ))}
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
      {page && (
        <nav aria-label={labels.paginationLabel} data-part="user-list-pagination">
          <span data-part="user-list-page-summary">
            {page.total === null
              ? formatLabel(labels.rangeOfUnknown, { from: format.number(from), to: format.number(to) })
              : formatLabel(labels.rangeOfTotal, { from: format.number(from), to: format.number(to), total: format.number(page.total) })}
          </span>
          <button
            type="button"
            data-part="button"
            aria-label={labels.previousPage}
            aria-disabled={atStart || undefined}
            onClick={() => !atStart && setState({ ...state, page: state.page - 1 })}
          >
            <span aria-hidden>‹</span>
          </button>
          <span>{pages === null ? format.number(page.page) : formatLabel(labels.pageOf, { page: format.number(page.page), pages: format.number(pages) })}</span>
          <button
            type="button"
            data-part="button"
            aria-label={labels.nextPage}
            aria-disabled={atEnd || undefined}
            onClick={() => !atEnd && setState({ ...state, page: state.page + 1 })}
          >
            <span aria-hidden>›</span>
          </button>
        </nav>
      )}
    </div>
  );
}

const CHART_WIDTH = 640;
const CHART_HEIGHT = 120;
const SERIES_COLORS = 4;

/**
 * Numeric scores over time per name (visx lines with a mark per score), and counts of boolean
 * and categorical values, over the newest scores the root fetched (and says so when that is not all).
 */
function ScoreChart() {
  const { format, labels } = useUserTrackingContext('UserDetail.Tabs');
  const { scoreSeries } = useUserDetailContext('UserDetail.Tabs');
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
  if (scoreSeries.isPending) return <Skeleton width="100%" style={{ height: CHART_HEIGHT }} />;
  if (scoreSeries.isError) return <ErrorState error={scoreSeries.error} subject={labels.subjectScores} onRetry={() => void scoreSeries.refetch()} />;
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
  const x = scaleLinear<number>({ domain: [minTime, Math.max(maxTime, minTime + 1)], range: [6, CHART_WIDTH - 6] });
  const y = scaleLinear<number>({ domain: [minValue, maxValue === minValue ? minValue + 1 : maxValue], range: [CHART_HEIGHT - 6, 6] });
  const names = [...numeric.keys()];
  const color = (i: number) => `var(--ul-series-${(i % SERIES_COLORS) + 1}, var(--ul-color-accent))`;
  return (
    <div data-part="user-detail-score-chart">
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
                  <LinePath data={list} x={(row) => x(Date.parse(row.timestamp))} y={(row) => y(row.value!)} stroke={color(i)} strokeWidth={1.5} fill="none" />
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
}
