'use client';
import * as Popover from '@radix-ui/react-popover';
import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import type { UserSummary } from '../../client/types.js';
import { csvLine, CSV_BOM } from '../../format/toCsv.js';
import { useFilterOptions } from '../../hooks/useFilterOptions.js';
import { formatLabel } from '../../i18n/en-US.js';
import { DateRangePicker } from '../shared/DateRangePicker.js';
import { useNowEvery } from '../shared/useNowEvery.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { COLUMNS, COLUMN_BY_ID, columnAvailable, DEFAULT_VISIBLE_COLUMNS, type ColumnId } from './columns.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserList.Toolbar
 * -----------------------------------------------------------------------------------------*/

export type UserListToolbarProps = ComponentPropsWithoutRef<'div'>;

/**
 * Groups the list's controls. Without children it renders them all.
 *
 * @selector [data-part="user-list-toolbar"]
 */
export const UserListToolbar = forwardRef<HTMLDivElement, UserListToolbarProps>(({ children, ...props }, ref) => {
  const { labels } = useUserTrackingContext('UserList.Toolbar');
  const { budget } = useUserListContext('UserList.Toolbar');
  return (
    <div role="toolbar" aria-label={labels.toolbarLabel} data-part="user-list-toolbar" {...props} ref={ref}>
      {children ?? (
        <>
          <UserListSearch />
          <UserListDateRange />
          <UserListFilters />
          {budget && <UserListBudgetToggle />}
          <UserListColumns />
          <UserListExport />
          <UserListRefresh />
        </>
      )}
    </div>
  );
});
UserListToolbar.displayName = 'UserList.Toolbar';

/* -------------------------------------------------------------------------------------------
 * UserList.Search
 * -----------------------------------------------------------------------------------------*/

/**
 * Search by user id (any case). Queries run once typing pauses; Escape clears.
 *
 * @selector [data-part="user-list-search"]
 */
export function UserListSearch() {
  const { labels } = useUserTrackingContext('UserList.Search');
  const { search, setSearch } = useUserListContext('UserList.Search');
  const input = useRef<HTMLInputElement>(null);
  return (
    <span data-part="user-list-search">
      <input
        ref={input}
        type="search"
        aria-label={labels.searchLabel}
        placeholder={labels.searchPlaceholder}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && search) {
            event.preventDefault();
            setSearch('');
          }
        }}
      />
      {search && (
        <button
          type="button"
          data-part="button"
          aria-label={labels.clearSearch}
          onClick={() => {
            setSearch('');
            // The button goes away with the text: focus goes back to the box.
            input.current?.focus();
          }}
        >
          <span aria-hidden>×</span>
        </button>
      )}
    </span>
  );
}

/* -------------------------------------------------------------------------------------------
 * UserList.DateRange
 * -----------------------------------------------------------------------------------------*/

/**
 * Presets from 30 minutes to 90 days, all time, or a custom from–to, bound to the list.
 *
 * @selector [data-part="date-range"]
 */
export function UserListDateRange() {
  const { range, setRange } = useUserListContext('UserList.DateRange');
  return <DateRangePicker value={range} onValueChange={setRange} />;
}

/* -------------------------------------------------------------------------------------------
 * UserList.Filters
 * -----------------------------------------------------------------------------------------*/

/**
 * Environment and tag filters, offering what the source has in the range.
 *
 * @selector [data-part="user-list-filters"]
 */
export function UserListFilters() {
  const { client, labels } = useUserTrackingContext('UserList.Filters');
  const root = useRootAttributes('UserList.Filters');
  const { filters, setFilters, query } = useUserListContext('UserList.Filters');
  const filterable = client.capabilities.filterableFields;
  const options = useFilterOptions(query.range ? { range: query.range } : {});
  if (filterable.length === 0) return null;
  const active = (filters.environments?.length ?? 0) + (filters.tags?.length ?? 0);
  const toggle = (key: 'environments' | 'tags', value: string) => {
    const current = filters[key] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    setFilters({ ...filters, [key]: next });
  };
  const group = (key: 'environments' | 'tags', title: string, values: readonly string[]) =>
    values.length > 0 && (
      <fieldset data-part="user-list-filter-group">
        <legend>{title}</legend>
        {values.map((value) => (
          <label key={value}>
            <input type="checkbox" checked={filters[key]?.includes(value) ?? false} onChange={() => toggle(key, value)} />
            {value}
          </label>
        ))}
      </fieldset>
    );
  const environments = filterable.includes('environment') ? (options.data?.environments ?? []) : [];
  const tags = filterable.includes('tags') ? (options.data?.tags ?? []) : [];
  return (
    <Popover.Root>
      <Popover.Trigger data-part="button" data-active={active > 0 ? '' : undefined}>
        {active > 0 ? formatLabel(labels.filtersActive, { count: active }) : labels.filtersLabel}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content {...root} data-part="popover" align="start" sideOffset={4} aria-label={labels.filtersLabel}>
          {environments.length === 0 && tags.length === 0 ? (
            <p>{options.isPending && client.capabilities.filterOptions ? labels.loading : labels.noFilterOptions}</p>
          ) : (
            <>
              {group('environments', labels.environmentsLabel, environments)}
              {group('tags', labels.tagsLabel, tags)}
            </>
          )}
          {active > 0 && (
            <button type="button" data-part="button" onClick={() => setFilters({})}>
              {labels.clearFilters}
            </button>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/* -------------------------------------------------------------------------------------------
 * UserList.BudgetToggle
 * -----------------------------------------------------------------------------------------*/

/** "Only over budget", for a list with a `budget` on a source that filters by it. @selector [data-part="user-list-budget-toggle"] */
export function UserListBudgetToggle() {
  const { labels } = useUserTrackingContext('UserList.BudgetToggle');
  const { budgetFilterable, overBudgetOnly, setOverBudgetOnly } = useUserListContext('UserList.BudgetToggle');
  if (!budgetFilterable) return null;
  return (
    <label data-part="user-list-budget-toggle">
      <input type="checkbox" checked={overBudgetOnly} onChange={(event) => setOverBudgetOnly(event.target.checked)} />
      {labels.overBudgetOnly}
    </label>
  );
}

/* -------------------------------------------------------------------------------------------
 * UserList.Columns
 * -----------------------------------------------------------------------------------------*/

/**
 * Show, hide and reorder columns. Kept per `storageKey` when the root has one.
 *
 * @selector [data-part="user-list-columns"]
 */
export function UserListColumns() {
  const { labels } = useUserTrackingContext('UserList.Columns');
  const root = useRootAttributes('UserList.Columns');
  const { columns, setColumns } = useUserListContext('UserList.Columns');
  const hidden = COLUMNS.map((column) => column.id).filter((id) => !columns.includes(id));
  const ordered: ColumnId[] = [...columns, ...hidden];
  const list = useRef<HTMLUListElement>(null);
  const move = (id: ColumnId, by: -1 | 1) => {
    const index = columns.indexOf(id);
    const target = index + by;
    if (index < 0 || target < 1 || target >= columns.length) return;
    const next = [...columns];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setColumns(next);
    // The row moves in the DOM, which drops focus: put it back on the same button.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-column="${id}"] [data-move="${by}"]`)?.focus());
  };
  return (
    <Popover.Root>
      <Popover.Trigger data-part="button">{labels.columnsLabel}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content {...root} data-part="popover" align="end" sideOffset={4} aria-label={labels.columnsLabel}>
          <ul data-part="user-list-columns" ref={list}>
            {ordered.map((id) => {
              const column = COLUMN_BY_ID.get(id)!;
              const name = labels[column.label];
              const visible = columns.includes(id);
              const index = columns.indexOf(id);
              return (
                <li key={id} data-column={id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={visible}
                      // The user id is the row's name: it always stays.
                      disabled={id === 'userId'}
                      onChange={() => setColumns(visible ? columns.filter((c) => c !== id) : [...columns, id])}
                    />
                    {name}
                  </label>
                  {visible && id !== 'userId' && (
                    <>
                      <button
                        type="button"
                        data-part="button"
                        data-move="-1"
                        aria-label={formatLabel(labels.moveColumnUp, { column: name })}
                        aria-disabled={index <= 1 || undefined}
                        onClick={() => move(id, -1)}
                      >
                        <span aria-hidden>↑</span>
                      </button>
                      <button
                        type="button"
                        data-part="button"
                        data-move="1"
                        aria-label={formatLabel(labels.moveColumnDown, { column: name })}
                        aria-disabled={index >= columns.length - 1 || undefined}
                        onClick={() => move(id, 1)}
                      >
                        <span aria-hidden>↓</span>
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <button type="button" data-part="button" onClick={() => setColumns(DEFAULT_VISIBLE_COLUMNS)}>
            {labels.resetColumns}
          </button>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/* -------------------------------------------------------------------------------------------
 * UserList.Export
 * -----------------------------------------------------------------------------------------*/

export interface UserListExportProps {
  /** @defaultValue 'users.csv' */
  fileName?: string;
  /** Receives the finished CSV instead of a download (e.g. to upload it). */
  onExport?: (csv: string, fileName: string) => void;
}

type ExportState = { status: 'idle' } | { status: 'running'; done: number; total: number | null } | { status: 'done'; count: number } | { status: 'failed'; message: string };

/**
 * Exports every row of the current query — all pages, the visible columns in order, raw values —
 * as CSV (RFC 4180, UTF-8 with BOM, formula-guarded), with progress and cancel.
 *
 * @selector [data-part="user-list-export"] [data-state="idle|running|done|failed"]
 */
export function UserListExport({ fileName = 'users.csv', onExport }: UserListExportProps) {
  const { client, format, labels } = useUserTrackingContext('UserList.Export');
  const { query, columns } = useUserListContext('UserList.Export');
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => () => controller.current?.abort(), []);
  // Export and Cancel swap places: keep keyboard focus on whichever is shown.
  const running = state.status === 'running';
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current) button.current?.focus();
  }, [running]);

  async function run() {
    const abort = new AbortController();
    controller.current = abort;
    const specs = columns.map((id) => COLUMN_BY_ID.get(id)!).filter((column) => columnAvailable(column, client.capabilities));
    const fields = specs.flatMap((column) => column.csv);
    const parts = [CSV_BOM, csvLine(fields.map((field) => labels[field.label]))];
    const pageSize = Math.min(client.capabilities.maxPageSize, 1000);
    setState({ status: 'running', done: 0, total: null });
    try {
      let done = 0;
      for (let page = 1; ; page++) {
        const result = await client.listUsers({ ...query, page, pageSize }, { signal: abort.signal });
        // A source may not honour the signal: cancelling must still stop here.
        abort.signal.throwIfAborted();
        let rows: UserSummary[] = result.items;
        if (client.capabilities.deferredFigures.length > 0 && client.getUserFigures && rows.length > 0) {
          const more = await client.getUserFigures(
            { userIds: rows.map((row) => row.userId), ...(query.range ? { range: query.range } : {}), ...(query.filters ? { filters: query.filters } : {}) },
            { signal: abort.signal },
          );
          abort.signal.throwIfAborted();
          const byUser = new Map(more.map((row) => [row.userId, row]));
          rows = rows.map((row) => ({ ...row, ...byUser.get(row.userId) }));
        }
        for (const row of rows) parts.push(csvLine(fields.map((field) => field.value(row))));
        done += rows.length;
        setState({ status: 'running', done, total: result.total });
        if (!result.hasMore || rows.length === 0) break;
      }
      abort.signal.throwIfAborted();
      const csv = parts.join('');
      if (onExport) onExport(csv, fileName);
      else download(csv, fileName);
      setState({ status: 'done', count: done });
    } catch (error) {
      if (abort.signal.aborted) setState({ status: 'idle' });
      else setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      controller.current = null;
    }
  }

  return (
    <span data-part="user-list-export" data-state={state.status}>
      {state.status === 'running' ? (
        <>
          <progress
            value={state.total ? state.done : undefined}
            max={state.total ?? undefined}
            aria-label={labels.exportLabel}
          />
          <button
            type="button"
            data-part="button"
            ref={button}
            onClick={() => {
              hadFocus.current = true;
              controller.current?.abort();
            }}
          >
            {labels.exportCancel}
          </button>
        </>
      ) : (
        <button
          type="button"
          data-part="button"
          ref={button}
          onClick={(event) => {
            hadFocus.current = event.currentTarget === document.activeElement;
            void run();
          }}
        >
          {labels.exportLabel}
        </button>
      )}
      <span role="status" data-part="user-list-export-status">
        {state.status === 'running' &&
          formatLabel(labels.exportProgress, { done: format.number(state.done), total: state.total === null ? '…' : format.number(state.total) })}
        {state.status === 'done' && formatLabel(state.count === 1 ? labels.exportDoneOne : labels.exportDone, { count: format.number(state.count) })}
        {state.status === 'failed' && formatLabel(labels.exportFailed, { message: state.message })}
      </span>
    </span>
  );
}

function download(csv: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/* -------------------------------------------------------------------------------------------
 * UserList.Refresh
 * -----------------------------------------------------------------------------------------*/

const LIVE_INTERVALS = [10_000, 30_000, 60_000, 300_000] as const;

/**
 * Refreshes now, optionally every few seconds, and says how old the data is.
 *
 * @selector [data-part="user-list-refresh"] [data-fetching]
 */
export function UserListRefresh() {
  const { format, labels } = useUserTrackingContext('UserList.Refresh');
  const { refresh, users, refreshInterval, setRefreshInterval } = useUserListContext('UserList.Refresh');
  const id = useId();
  const now = useNowEvery(1000);
  // The age is measured on the provider's clock: when new data arrives, note that clock's time.
  const [updated, setUpdated] = useState({ at: users.dataUpdatedAt, clock: now });
  if (updated.at !== users.dataUpdatedAt) setUpdated({ at: users.dataUpdatedAt, clock: now });
  const updatedAt = users.dataUpdatedAt > 0 ? updated.clock : 0;
  return (
    <span data-part="user-list-refresh" data-fetching={users.isFetching ? '' : undefined}>
      <button type="button" data-part="button" onClick={() => !users.isFetching && refresh()} aria-disabled={users.isFetching || undefined}>
        {users.isFetching ? labels.refreshing : labels.refreshLabel}
      </button>
      <label htmlFor={`${id}-live`} data-part="label">
        {labels.liveLabel}
      </label>
      <select
        id={`${id}-live`}
        value={refreshInterval === false ? 'off' : String(refreshInterval)}
        onChange={(event) => setRefreshInterval(event.target.value === 'off' ? false : Number(event.target.value))}
      >
        <option value="off">{labels.liveOff}</option>
        {LIVE_INTERVALS.map((ms) => (
          <option key={ms} value={ms}>
            {format.duration(ms)}
          </option>
        ))}
      </select>
      {updatedAt > 0 && (
        <span data-part="user-list-updated">
          {formatLabel(labels.updatedAgo, { time: format.relative(Math.min(updatedAt, now), now) })}
        </span>
      )}
    </span>
  );
}
