'use client';
import { useControllableState } from './useControllableState.js';
import { useEffect, useState } from 'react';
import { COLUMN_BY_ID, type ColumnId } from '../components/UserList/columns.js';

const PREFIX = 'userlens:columns:';

/** Reads kept columns, dropping ids this version does not know; null when nothing usable is kept. */
function readStored(storageKey: string | undefined): ColumnId[] | null {
  if (!storageKey || typeof localStorage === 'undefined') return null;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + storageKey) ?? 'null');
    if (!Array.isArray(parsed)) return null;
    // Profile columns are the provider's to declare; one it no longer declares is left out when shown.
    const known = parsed.filter((id): id is ColumnId => typeof id === 'string' && (COLUMN_BY_ID.has(id as ColumnId) || id.startsWith('profile.')));
    return known.includes('userId') ? known : null;
  } catch {
    return null;
  }
}

/**
 * The visible columns, in order: controlled or not, and when `storageKey` is given, kept in
 * localStorage across visits (read once on mount, written on every change).
 */
export function useStoredColumns(options: {
  storageKey: string | undefined;
  value: ColumnId[] | undefined;
  defaultValue: ColumnId[];
  onChange: ((columns: ColumnId[]) => void) | undefined;
}): [ColumnId[], (columns: ColumnId[]) => void] {
  const [initial] = useState(() => readStored(options.storageKey) ?? options.defaultValue);
  const [columns, setColumns] = useControllableState({
    prop: options.value,
    defaultProp: initial,
    onChange: options.onChange,
  });
  useEffect(() => {
    if (!options.storageKey || typeof localStorage === 'undefined') return;
    try {
      localStorage.setItem(PREFIX + options.storageKey, JSON.stringify(columns));
    } catch {
      // Storage full or denied: the choice still holds for this visit.
    }
  }, [columns, options.storageKey]);
  return [columns, setColumns];
}
