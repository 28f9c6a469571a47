'use client';
import * as Tabs from '@radix-ui/react-tabs';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { forwardRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
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
  const { labels, format } = useUserTrackingContext('UserDetail.Tabs');
  const context = useUserDetailContext('UserDetail.Tabs');
  const { tab, setTab, user, getTraceHref, getSessionHref } = context;
  if (user.data === null || user.isError) return null;
  const traceLink = (id: string) => (getTraceHref ? <a href={getTraceHref(id)}>{id}</a> : <code>{id}</code>);

  const traceColumns: Column<TraceRow, 'timestamp' | 'name' | 'latency' | 'totalTokens' | 'totalCost' | 'observationCount'>[] = [
    { id: 'timestamp', label: 'traceTimestamp', sortField: 'timestamp', render: (t) => <time dateTime={t.timestamp}>{format.dateTime(t.timestamp)}</time> },
    { id: 'name', label: 'traceName', sortField: 'name', render: (t) => (getTraceHref ? <a href={getTraceHref(t.id)}>{t.name ?? t.id}</a> : t.name ?? '–') },
    { id: 'input', label: 'traceInput', render: (t) => <PayloadCell value={t.input} labels={labels} format={format} /> },
    { id: 'output', label: 'traceOutput', render: (t) => <PayloadCell value={t.output} labels={labels} format={format} /> },
    { id: 'level', label: 'traceLevel', render: (t) => (t.level ? <span data-part="user-detail-level" data-level={t.level}>{t.level}</span> : '–') },
    { id: 'latency', label: 'traceLatency', sortField: 'latency', numeric: true, render: (t) => (t.latency === null ? '–' : format.duration(t.latency)) },
    { id: 'tokens', label: 'traceTokens', sortField: 'totalTokens', numeric: true, render: (t) => format.number(t.totalTokens) },
    { id: 'cost', label: 'traceCost', sortField: 'totalCost', numeric: true, render: (t) => format.cost(t.totalCost) },
    { id: 'tags', label: 'traceTags', render: (t) => t.tags.join(', ') },
    {
      id: 'scores',
      label: 'traceScores',
      render: (t) => t.scores.map((s) => `${s.name}: ${scoreText(s, labels, format)}`).join(' · '),
    },
  ];
  const sessionColumns: Column<SessionRow, 'createdAt' | 'lastActivity' | 'durationMs' | 'traceCount' | 'totalTokens' | 'totalCost'>[] = [
    { id: 'session', label: 'sessionId', render: (s) => (getSessionHref ? <a href={getSessionHref(s.sessionId)}>{s.sessionId}</a> : s.sessionId) },
    { id: 'created', label: 'sessionCreated', sortField: 'createdAt', render: (s) => format.dateTime(s.createdAt) },
    { id: 'last', label: 'sessionLastActivity', sortField: 'lastActivity', render: (s) => format.dateTime(s.lastActivity) },
    { id: 'duration', label: 'sessionDuration', sortField: 'durationMs', numeric: true, render: (s) => format.duration(s.durationMs) },
    { id: 'traces', label: 'statTraces', sortField: 'traceCount', numeric: true, render: (s) => format.number(s.traceCount) },
    { id: 'tokens', label: 'traceTokens', sortField: 'totalTokens', numeric: true, render: (s) => format.number(s.totalTokens) },
    { id: 'cost', label: 'traceCost', sortField: 'totalCost', numeric: true, render: (s) => format.cost(s.totalCost) },
  ];
  const scoreColumns: Column<ScoreRow, 'timestamp' | 'name' | 'value'>[] = [
    { id: 'timestamp', label: 'scoreTimestamp', sortField: 'timestamp', render: (s) => format.dateTime(s.timestamp) },
    { id: 'name', label: 'scoreName', sortField: 'name', render: (s) => s.name },
    { id: 'value', label: 'scoreValue', sortField: 'value', render: (s) => scoreText(s, labels, format) },
    { id: 'source', label: 'scoreSource', render: (s) => s.source },
    { id: 'comment', label: 'scoreComment', render: (s) => s.comment ?? '' },
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
  if (score.dataType === 'BOOLEAN') return score.value === 1 ? labels.scoreYes : labels.scoreNo;
  if (score.dataType === 'NUMERIC') return score.value === null ? '–' : format.number(Math.round(score.value * 1000) / 1000);
  return score.stringValue ?? (score.value === null ? '–' : format.number(score.value));
}

/** A preview of a payload as plain text; the full value (up to a bound) one click away. */
function PayloadCell({ value, labels, format }: { value: unknown; labels: Labels; format: Formatters }) {
  const preview = previewValue(value, PREVIEW_CHARS);
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
  const from = page ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? from + page.items.length - 1 : 0;
  const pages = page?.total ? Math.ceil(page.total / page.pageSize) : 1;
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
            {formatLabel(labels.rangeOfTotal, { from: format.number(from), to: format.number(to), total: format.number(page.total ?? to) })}
          </span>
          <button type="button" data-part="button" aria-label={labels.previousPage} disabled={state.page <= 1} onClick={() => setState({ ...state, page: state.page - 1 })}>
            <span aria-hidden>‹</span>
          </button>
          <span>{formatLabel(labels.pageOf, { page: format.number(state.page), pages: format.number(pages) })}</span>
          <button type="button" data-part="button" aria-label={labels.nextPage} disabled={!page.hasMore} onClick={() => setState({ ...state, page: state.page + 1 })}>
            <span aria-hidden>›</span>
          </button>
        </nav>
      )}
    </div>
  );
}

const CHART_WIDTH = 640;
const CHART_HEIGHT = 120;

/** Numeric scores over time per name (visx lines), and counts of boolean and categorical values. */
function ScoreChart() {
  const { format, labels } = useUserTrackingContext('UserDetail.Tabs');
  const { scoreSeries } = useUserDetailContext('UserDetail.Tabs');
  const rows = scoreSeries.data?.items;
  if (!rows || rows.length === 0) return null;
  const numeric = new Map<string, ScoreRow[]>();
  const counted = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.dataType === 'NUMERIC' && row.value !== null) {
      numeric.set(row.name, [...(numeric.get(row.name) ?? []), row]);
    } else if (row.dataType === 'BOOLEAN' || row.dataType === 'CATEGORICAL') {
      const label = scoreText(row, labels, format);
      const counts = counted.get(row.name) ?? new Map<string, number>();
      counts.set(label, (counts.get(label) ?? 0) + 1);
      counted.set(row.name, counts);
    }
  }
  const times = rows.map((row) => Date.parse(row.timestamp));
  const x = scaleLinear<number>({ domain: [Math.min(...times), Math.max(...times) + 1], range: [4, CHART_WIDTH - 4] });
  const values = [...numeric.values()].flat().map((row) => row.value!);
  const y = scaleLinear<number>({ domain: [Math.min(0, ...values), Math.max(1, ...values)], range: [CHART_HEIGHT - 4, 4] });
  const names = [...numeric.keys()];
  return (
    <div data-part="user-detail-score-chart">
      {names.length > 0 && (
        <figure>
          <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} width="100%" role="img" aria-label={labels.scoresOverTime}>
            {names.map((name, i) => (
              <LinePath
                key={name}
                data={numeric.get(name)!}
                x={(row) => x(Date.parse(row.timestamp))}
                y={(row) => y(row.value!)}
                stroke={`var(--ul-series-${(i % 4) + 1}, var(--ul-color-accent))`}
                strokeWidth={1.5}
                fill="none"
              />
            ))}
          </svg>
          <figcaption>
            {labels.scoresOverTime}:{' '}
            {names.map((name, i) => {
              const list = numeric.get(name)!;
              const mean = list.reduce((sum, row) => sum + row.value!, 0) / list.length;
              return (
                <span key={name} data-part="user-detail-legend" style={{ ['--ul-legend-color' as string]: `var(--ul-series-${(i % 4) + 1}, var(--ul-color-accent))` }}>
                  {name} (n={format.number(list.length)}, ⌀ {format.number(Math.round(mean * 100) / 100)})
                </span>
              );
            })}
          </figcaption>
        </figure>
      )}
      <ul data-part="user-detail-score-counts">
        {[...counted.entries()].map(([name, counts]) => (
          <li key={name}>
            {formatLabel(labels.scoresDistribution, {
              name,
              counts: [...counts.entries()].map(([label, count]) => `${label} ${format.number(count)}`).join(', '),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
