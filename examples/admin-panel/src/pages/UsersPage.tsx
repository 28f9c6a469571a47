import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { UserList, useUserTrackingClient } from 'userlens';
import type { HostTexts } from '../hostTexts.ts';
import { PageHeading } from '../PageHeading.tsx';
import { carriedQuery, readFilters, readPage, readPageSize, readRange, readUserSort, writeFilters, writeRange, writeSort } from '../urlState.ts';
import { useUrlUpdate } from '../useUrlUpdate.ts';

/** Where "back to users" returns to: the list as the admin left it. */
export const LIST_QUERY_KEY = 'example-list-query';

export function UsersPage({ texts }: { texts: HostTexts }) {
  const [params, update] = useUrlUpdate();
  const location = useLocation();
  const { capabilities } = useUserTrackingClient();
  useEffect(() => sessionStorage.setItem(LIST_QUERY_KEY, location.search), [location.search]);
  return (
    <>
      <PageHeading title={texts.usersTitle} appName={texts.appName}>
        <p>{texts.usersLead}</p>
      </PageHeading>
      <UserList
        range={readRange(params)}
        onRangeChange={(range) => update((next) => writeRange(next, range))}
        search={params.get('q') ?? ''}
        onSearchChange={(q) => update((next) => (q ? next.set('q', q) : next.delete('q')), { replace: true })}
        sorting={readUserSort(params, capabilities)}
        onSortingChange={(sort) => update((next) => writeSort(next, 'sort', sort))}
        pagination={{ page: readPage(params), pageSize: readPageSize(params) }}
        onPaginationChange={({ page, pageSize }) =>
          update((next) => {
            next.set('page', String(page));
            next.set('size', String(pageSize));
          })
        }
        filters={readFilters(params)}
        onFiltersChange={(filters) => update((next) => writeFilters(next, filters))}
        // What Langfuse counts per user in one ranked query; last event, errors, feedback and
        // trends per user are not in its metrics (see the README's table of what each source can do).
        defaultColumns={['userId', 'traceCount', 'observationCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost']}
        storageKey="example-users"
        getUserHref={(userId, view) => `/users/${encodeURIComponent(userId)}?${carriedQuery(view.range, view.filters)}`}
      />
    </>
  );
}
