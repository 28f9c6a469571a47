'use client';
import type { FormEvent } from 'react';
import type { TraceFilters } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { metadataFilterEnUS } from '../../i18n/metadataFilter.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/**
 * The Filters menu's metadata conditions: each `key = value` on is a button that removes it,
 * and a key and a value typed in add one. Typed, not picked: metadata keys are the host's own,
 * and no source lists them.
 */
export default function MetadataFilterFields({ filters, setFilters }: { filters: TraceFilters; setFilters: (filters: TraceFilters) => void }) {
  const text = { ...metadataFilterEnUS, ...useUserTrackingContext('UserListFilters').labels };
  const metadata = filters.metadata ?? {};
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const key = field('key').trim();
    if (!key) return;
    setFilters({ ...filters, metadata: { ...metadata, [key]: field('value') } });
    form.reset();
  };
  const remove = (key: string) => {
    const { [key]: _removed, ...rest } = metadata;
    setFilters({ ...filters, metadata: rest });
  };
  return (
    <form onSubmit={add}>
      <fieldset data-part="user-list-filter-group">
        <legend>{text.metadataLabel}</legend>
        {Object.entries(metadata).map(([key, value]) => (
          <button key={key} type="button" data-part="button" aria-label={formatLabel(text.metadataRemove, { key, value })} onClick={() => remove(key)}>
            <bdi>{key}</bdi> = <bdi>{value}</bdi> ✕
          </button>
        ))}
        {/* Inline: the stylesheet's budget is spent, and this row loads only with the menu. */}
        <span style={{ display: 'flex', gap: '0.25rem' }}>
          <input name="key" aria-label={text.metadataKey} placeholder={text.metadataKey} size={8} style={{ flex: '1 1 0', minWidth: 0 }} />
          <input name="value" aria-label={text.metadataValue} placeholder={text.metadataValue} size={8} style={{ flex: '1 1 0', minWidth: 0 }} />
          <button type="submit" data-part="button">
            {text.metadataAdd}
          </button>
        </span>
      </fieldset>
    </form>
  );
}
