import { useParams } from 'react-router';
import { UserDetail, type UserDetailTableState } from 'userlens';
import type { SessionSortField, ScoreSortField, TraceSortField } from 'userlens/core';
import { carriedQuery, readFilters, readMetric, readPage, readRange, readSort, readTab, readTracesFilter, writeFilters, writeRange, writeSort, writeTracesFilter } from '../urlState.ts';
import { useUrlUpdate } from '../useUrlUpdate.ts';
import type { HostTexts } from '../hostTexts.ts';
import { PageHeading } from '../PageHeading.tsx';
import { LIST_QUERY_KEY } from './UsersPage.tsx';

const TRACE_SORT = /^(timestamp|name|latency|observationCount|totalTokens|totalCost)$/;
const SESSION_SORT = /^(createdAt|lastActivity|durationMs|traceCount|totalTokens|totalCost)$/;
const SCORE_SORT = /^(timestamp|name|value)$/;

/** The tables' pages: a new range or filter starts each on its first page, in the same history entry. */
const PAGE_KEYS = ['tpage', 'spage', 'cpage'];
const toFirstPages = (params: URLSearchParams) => PAGE_KEYS.forEach((key) => params.delete(key));

/** A table's sort and page in the URL under its own keys (`tsort`, `tpage` for traces…). */
function table<Field extends string>(params: URLSearchParams, prefix: string, valid: RegExp, fallback: Field): UserDetailTableState<Field> {
  return { sort: readSort<Field>(params, `${prefix}sort`, valid, { field: fallback, direction: 'desc' }), page: readPage(params, `${prefix}page`) };
}

export function UserPage({ texts }: { texts: HostTexts }) {
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
    <>
      <PageHeading title={texts.userTitle} documentTitle={userId} appName={texts.appName} />
      <UserDetail
        // A new page per user: nothing of the last user's tabs carries over.
        key={userId}
        userId={userId}
        range={range}
        onRangeChange={(next) =>
          update((p) => {
            writeRange(p, next);
            toFirstPages(p);
          })
        }
        filters={filters}
        onFiltersChange={(next) =>
          update((p) => {
            writeFilters(p, next);
            toFirstPages(p);
          })
        }
        tracesFilter={readTracesFilter(params)}
        onTracesFilterChange={(next) =>
          update(
            (p) => {
              writeTracesFilter(p, next);
              p.delete('tpage');
            },
            // Typing in the traces' search replaces the entry, as the list's search does.
            { replace: next.search !== (params.get('tq') ?? undefined) },
          )
        }
        metric={readMetric(params)}
        onMetricChange={(metric) => update((p) => p.set('metric', metric))}
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
    </>
  );
}
