import { nextSort, useFormatters, useUserListData, useUserListState, type SortKind, type UserListStateOptions, type UserSortField, type UserSummary } from '../src/index.ts';

/** The figures this table shows, and how each sorts (userlens's `nextSort` turns a click into a sort). */
const COLUMNS: { field: UserSortField & keyof UserSummary; label: string; kind: SortKind; show: (value: unknown) => string }[] = [
  { field: 'userId', label: 'User', kind: 'text', show: String },
  { field: 'traceCount', label: 'Traces', kind: 'number', show: String },
  { field: 'totalTokens', label: 'Tokens', kind: 'number', show: String },
  { field: 'totalCost', label: 'Cost', kind: 'number', show: (value) => (typeof value === 'number' ? value.toFixed(2) : '—') },
];

/**
 * A user list in a host's own markup — plain HTML, no userlens part — from the two exported
 * hooks: `useUserListState` for the view state, `useUserListData` for the queries.
 */
export function OwnMarkupList(props: UserListStateOptions) {
  const state = useUserListState(props);
  // This table draws no sparkline: no trend series to ask for.
  const { users } = useUserListData(state, { trends: false });
  const format = useFormatters();
  const { sorting, setSorting, pagination, setPagination, search, setSearch } = state;
  const page = users.data;
  return (
    <section aria-label="Users (own markup)">
      <input type="search" aria-label="Find a user" value={search} onChange={(event) => setSearch(event.target.value)} />
      {users.isPending && <p>Loading…</p>}
      {users.isError && <p role="alert">{users.error.message}</p>}
      <table>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = sorting.field === column.field;
              return (
                <th key={column.field} scope="col" aria-sort={active ? (sorting.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button
                    type="button"
                    onClick={() => setSorting(nextSort(sorting, { field: column.field, kind: column.kind }))}
                  >
                    {column.label}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {page?.items.map((user) => (
            <tr key={user.userId}>
              {COLUMNS.map((column) => (
                <td key={column.field}>{column.show(user[column.field])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {page && page.total !== null ? `${format.number(page.total)} users` : null}
        <button type="button" disabled={pagination.page <= 1} onClick={() => setPagination({ ...pagination, page: pagination.page - 1 })}>
          Previous
        </button>
        <button type="button" disabled={!page?.hasMore} onClick={() => setPagination({ ...pagination, page: pagination.page + 1 })}>
          Next
        </button>
      </p>
    </section>
  );
}
