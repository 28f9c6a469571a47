'use client';
import type { FormEvent } from 'react';
import type { TraceFilters } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { metadataFilterEnUS } from '../../i18n/metadataFilter.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

// Inline: the stylesheet's budget is spent, and these load only with the menu.
const ROW = { display: 'flex', gap: '0.25rem', flexWrap: 'wrap' } as const;
const FIELD = { flex: '1 1 0', minWidth: 0 } as const;

/**
 * The Filters menu's conditions on fields: each `key = value` on (a metadata key, or a release a
 * segment opened the list with) is a button that removes it, and where the source filters by
 * metadata (`typed`), a key and a value typed in add one. Typed, not picked: metadata keys are
 * the host's own, and no source lists them.
 */
export default function MetadataFilterFields({ filters, setFilters, typed }: { filters: TraceFilters; setFilters: (filters: TraceFilters) => void; typed: boolean }) {
  const text = { ...metadataFilterEnUS, ...useUserTrackingContext('UserListFilters').labels };
  const metadata = filters.metadata ?? {};
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const key = field('key').trim();
    // `__proto__` would not survive as a key of the query's hash: no condition, rather than a wrong one.
    if (!key || key === '__proto__') return;
    setFilters({ ...filters, metadata: { ...metadata, [key]: field('value').trim() } });
    form.reset();
  };
  const chip = (key: string, value: string, remove: () => void) => (
    <button key={`${key}\u0000${value}`} type="button" data-part="button" aria-label={formatLabel(text.metadataRemove, { key, value })} onClick={remove}>
      <bdi>{key}</bdi> = <bdi>{value}</bdi> ✕
    </button>
  );
  const chips = [
    ...(filters.releases ?? []).map((release) => chip('release', release, () => setFilters({ ...filters, releases: filters.releases!.filter((r) => r !== release) }))),
    ...Object.entries(metadata).map(([key, value]) =>
      chip(key, value, () => {
        const { [key]: _removed, ...rest } = metadata;
        setFilters({ ...filters, metadata: rest });
      }),
    ),
  ];
  if (!typed) return <div style={ROW}>{chips}</div>;
  return (
    <form onSubmit={add}>
      <fieldset data-part="user-list-filter-group">
        <legend>{text.metadataLabel}</legend>
        {chips}
        <span style={ROW}>
          <input name="key" aria-label={text.metadataKey} placeholder={text.metadataKey} size={8} style={FIELD} />
          <input name="value" aria-label={text.metadataValue} placeholder={text.metadataValue} size={8} style={FIELD} />
          <button type="submit" data-part="button">
            {text.metadataAdd}
          </button>
        </span>
      </fieldset>
    </form>
  );
}
