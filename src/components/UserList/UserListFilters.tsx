'use client';
import { forwardRef, lazy, Suspense, type ComponentPropsWithoutRef } from 'react';
import { filterCount } from '../../client/hasTraceFilters.js';
import { useFilterOptions } from '../../hooks/useFilterOptions.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { Popover } from '../shared/Popover.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListFilters
 * -----------------------------------------------------------------------------------------*/

const FILTERS_NAME = 'UserListFilters';
const MetadataFilterFields = lazy(() => import('./MetadataFilterFields.js'));

export type UserListFiltersProps = ComponentPropsWithoutRef<'span'>;

/**
 * Environment and tag filters in a popover, offering what the source has in the range, and
 * metadata conditions (`key = value`) typed in where the source filters by them; renders
 * nothing on a source that cannot filter.
 *
 * @selector [data-part="user-list-filters"] [data-part="user-list-filter-group"]
 */
export const UserListFilters = forwardRef<HTMLSpanElement, UserListFiltersProps>((props, ref) => {
  const { client, labels } = useUserTrackingContext(FILTERS_NAME);
  const { filters, setFilters, query } = useUserListContext(FILTERS_NAME);
  const filterable = client.capabilities.filterableFields;
  const options = useFilterOptions(query.range ? { range: query.range } : {});
  if (filterable.length === 0) return null;
  const active = filterCount(filters);
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
    <span data-part="user-list-filters" {...props} ref={ref}>
      <Popover
        consumerName={FILTERS_NAME}
        label={labels.filtersLabel}
        align="start"
        data-active={active > 0 ? '' : undefined}
        trigger={active > 0 ? formatLabel(labels.filtersActive, { count: active }) : labels.filtersLabel}
      >
        {environments.length === 0 && tags.length === 0 ? (
          <p>{options.isPending && client.capabilities.filterOptions ? labels.loading : labels.noFilterOptions}</p>
        ) : (
          <>
            {group('environments', labels.environmentsLabel, environments)}
            {group('tags', labels.tagsLabel, tags)}
          </>
        )}
        {(filterable.includes('metadata') || !!filters.releases?.length) && (
          // Loaded when the menu first opens: a host that never filters by metadata never downloads it.
          <Suspense fallback={null}>
            <MetadataFilterFields filters={filters} setFilters={setFilters} typed={filterable.includes('metadata')} />
          </Suspense>
        )}
        {active > 0 && (
          <button type="button" data-part="button" onClick={() => setFilters({})}>
            {labels.clearFilters}
          </button>
        )}
      </Popover>
    </span>
  );
});
UserListFilters.displayName = FILTERS_NAME;
