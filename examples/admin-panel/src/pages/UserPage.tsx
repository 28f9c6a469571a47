import { useParams } from 'react-router';
import { UserDetail, type UserDetailTableState } from 'userlens';
import type { SessionSortField, ScoreSortField, TraceSortField } from 'userlens/core';
import { carriedQuery, readFilters, readPage, readRange, readSort, readTab, writeFilters, writeRange, writeSort } from '../urlState.ts';
import { useUrlUpdate } from '../useUrlUpdate.ts';
import { LIST_QUERY_KEY } from './UsersPage.tsx';

const TRACE_SORT = /^(timestamp|name|latency|observationCount|totalTokens|totalCost)$/;
const SESSION_SORT = /^(createdAt|lastActivity|durationMs|traceCount|totalTokens|totalCost)$/;
const SCORE_SORT = /^(timestamp|name|value)$/;

/** A table's sort and page in the URL under its own keys (`tsort`, `tpage` for traces…). */
function table<Field extends string>(params: URLSearchParams, prefix: string, valid: RegExp, fallback: Field): UserDetailTableState<Field> {
  return { sort: readSort<Field>(params, `${prefix}sort`, valid, { field: fallback, direction: 'desc' }), page: readPage(params, `${prefix}page`) };
}

export function UserPage() {
  const userId = useParams().userId ?? '';
  const [params, update] = useUrlUpdate();
  const writeTable = (prefix: string) => (state: UserDetailTableState<string>) =>
    update((next) => {
      writeSort(next, `${prefix}sort`, state.sort);
      next.set(`${prefix}page`, String(state.page));
    });
  const range = readRange(params);
  const filters = readFilters(params);
  return (
    <UserDetail
      // A new page per user: nothing of the last user's tabs carries over.
      key={userId}
      userId={userId}
      range={range}
      onRangeChange={(next) => update((p) => writeRange(p, next))}
      filters={filters}
      onFiltersChange={(next) => update((p) => writeFilters(p, next))}
      tab={readTab(params)}
      onTabChange={(tab) => update((p) => p.set('tab', tab))}
      tracesTable={table<TraceSortField>(params, 't', TRACE_SORT, 'timestamp')}
      onTracesTableChange={writeTable('t')}
      sessionsTable={table<SessionSortField>(params, 's', SESSION_SORT, 'lastActivity')}
      onSessionsTableChange={writeTable('s')}
      scoresTable={table<ScoreSortField>(params, 'c', SCORE_SORT, 'timestamp')}
      onScoresTableChange={writeTable('c')}
      listHref={`/users${sessionStorage.getItem(LIST_QUERY_KEY) ?? `?${carriedQuery(range, filters)}`}`}
      getUserHref={(id) => `/users/${encodeURIComponent(id)}?${carriedQuery(range, filters)}`}
    />
  );
}
