import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  ErrorState,
  Skeleton,
  useFormatters,
  useLabels,
  useRootAttributes,
  useUser,
  useUserActivity,
  useUsers,
  useUserScores,
  useUserSessions,
  useUserTraces,
  type Formatters,
} from '../src/index.ts';

/**
 * Shows each hook's live result on the provider's client: what a host that renders with its
 * own design system gets from the headless layer.
 */
export function HooksInspector({ pageSize = 5 }: { pageSize?: number }) {
  const root = useRootAttributes('HooksInspector');
  const format = useFormatters();
  const users = useUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize });
  const topUserId = users.data?.items[0]?.userId;
  const enabled = topUserId !== undefined;
  const userId = topUserId ?? '';
  const user = useUser(userId, {}, { enabled });
  const traces = useUserTraces({ userId, pageSize: 3 }, { enabled });
  const sessions = useUserSessions({ userId, pageSize: 3 }, { enabled });
  const scores = useUserScores({ userId, pageSize: 3 }, { enabled });
  const activity = useUserActivity({ userId, granularity: 'day' }, { enabled });
  const labels = useLabels();

  return (
    <div {...root} style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
      <HookPanel title="useUsers — top by cost" result={users} subject={labels.subjectUsers}>
        {(page) => (
          <table>
            <caption>
              {page.total === null ? '' : `${format.number(page.total)} users`}
            </caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Traces</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((row) => (
                <tr key={row.userId}>
                  <td>{row.userId}</td>
                  <td>{format.number(row.traceCount)}</td>
                  <td>{format.cost(row.totalCost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </HookPanel>
      <HookPanel title="useUser — the top user" result={user} subject={labels.subjectUser} waiting={!enabled}>
        {(stats) =>
          stats === null ? (
            <p>No such user</p>
          ) : (
            <dl>
              <Figure term="User">{stats.userId}</Figure>
              <Figure term="Traces">{format.number(stats.traceCount)}</Figure>
              <Figure term="Observations">{format.number(stats.observationCount)}</Figure>
              <Figure term="Sessions">{format.number(stats.sessionCount)}</Figure>
              <Figure term="Tokens">{format.compact(stats.totalTokens)}</Figure>
              <Figure term="Cost">{format.cost(stats.totalCost)}</Figure>
              <Figure term="Errors">
                {format.number(stats.errorCount)} ({stats.errorRate === null ? '—' : format.percent(stats.errorRate)})
              </Figure>
              <Figure term="Latency p50 / p95">{latency(format, stats.latencyP50)} / {latency(format, stats.latencyP95)}</Figure>
              <Figure term="Models">{stats.models.map((m) => m.model ?? '(none)').join(', ')}</Figure>
            </dl>
          )
        }
      </HookPanel>
      <HookPanel title="useUserTraces" result={traces} subject={labels.subjectTraces} waiting={!enabled}>
        {(page) => (
          <ul>
            {page.items.map((trace) => (
              <li key={trace.id}>
                {format.dateTime(trace.timestamp)} · {trace.name} · {format.cost(trace.totalCost)}
              </li>
            ))}
          </ul>
        )}
      </HookPanel>
      <HookPanel title="useUserSessions" result={sessions} subject={labels.subjectSessions} waiting={!enabled}>
        {(page) => (
          <ul>
            {page.items.map((session) => (
              <li key={session.sessionId}>
                {session.sessionId} · {format.number(session.traceCount)} traces · {format.duration(session.durationMs)}
              </li>
            ))}
          </ul>
        )}
      </HookPanel>
      <HookPanel title="useUserScores" result={scores} subject={labels.subjectScores} waiting={!enabled}>
        {(page) => (
          <ul>
            {page.items.map((score) => (
              <li key={score.id}>
                {score.name} = {score.stringValue ?? score.value} ({score.source})
              </li>
            ))}
          </ul>
        )}
      </HookPanel>
      <HookPanel title="useUserActivity — daily" result={activity} subject={labels.subjectActivity} waiting={!enabled}>
        {(series) => (
          <p>
            {series.points.length} {series.granularity} buckets ·{' '}
            {format.number(series.points.reduce((sum, point) => sum + point.traceCount, 0))} traces
          </p>
        )}
      </HookPanel>
    </div>
  );
}

function latency(format: Formatters, ms: number | null) {
  return ms === null ? '—' : format.duration(ms);
}

function Figure({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <dt style={{ fontWeight: 600 }}>{term}</dt>
      <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{children}</dd>
    </div>
  );
}

function HookPanel<Data>(props: {
  title: string;
  subject: string;
  result: UseQueryResult<Data, Error>;
  /** The hook is held (`enabled: false`) until another one answers. */
  waiting?: boolean;
  children: (data: Data) => ReactNode;
}) {
  const { result, title } = props;
  const loading = result.isPending;
  return (
    <section
      data-part="panel"
      aria-label={title}
      aria-busy={loading || undefined}
      data-stale={result.isPlaceholderData || undefined}
    >
      <h2 style={{ fontSize: 14, margin: '0 0 8px' }}>{title}</h2>
      <p style={{ margin: '0 0 8px', fontSize: 12 }}>
        status: <code>{props.waiting ? 'waiting' : result.status}</code> · fetching:{' '}
        <code>{String(result.isFetching)}</code>
      </p>
      {result.isError ? (
        <ErrorState
          error={result.error}
          subject={props.subject}
          onRetry={() => void result.refetch()}
          retrying={result.isFetching}
        />
      ) : loading ? (
        <div style={{ display: 'grid', gap: 6 }}>
          <Skeleton width="80%" />
          <Skeleton width="60%" />
          <Skeleton width="70%" />
        </div>
      ) : (
        props.children(result.data)
      )}
    </section>
  );
}
