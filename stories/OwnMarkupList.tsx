import { useFormatters, useUserListData, useUserListState, type UserListStateOptions, type UserSortField } from '../src/index.ts';

/** The figures this table shows, and the first direction a click sorts each by. */
const COLUMNS: { field: UserSortField; label: string; first: 'asc' | 'desc'; show: (value: unknown) => string }[] = [
  { field: 'userId', label: 'User', first: 'asc', show: String },
  { field: 'traceCount', label: 'Traces', first: 'desc', show: String },
  { field: 'totalTokens', label: 'Tokens', first: 'desc', show: String },
  { field: 'totalCost', label: 'Cost', first: 'desc', show: (value) => (typeof value === 'number' ? value.toFixed(2) : '—') },
];

/**
 * A user list in a host's own markup — plain HTML, no userlens part — from the two exported
 * hooks: `useUserListState` for the view state, `useUserListData` for the queries.
 */
export function OwnMarkupList(props: UserListStateOptions) {
  const state = useUserListState(props);
  const { users } = useUserListData(state);
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
                    onClick={() =>
                      setSorting({ field: column.field, direction: active ? (sorting.direction === 'asc' ? 'desc' : 'asc') : column.first })
                    }
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
