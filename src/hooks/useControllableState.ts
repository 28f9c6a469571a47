import { useCallback, useInsertionEffect, useRef, useState } from 'react';

/**
 * A value the host may control (`prop`) or leave to the component (`defaultProp`), with
 * `onChange` told of every change either way. Written here rather than taken from
 * @radix-ui/react-use-controllable-state, whose module brings its reducer variant and dev-only
 * warnings into a host's bundle (1 kB gzip of the list's 40 kB budget) for these few lines.
 */
export function useControllableState<T>(options: {
  prop: T | undefined;
  defaultProp: T;
  onChange?: ((value: T) => void) | undefined;
  /** The hook or part using it, for messages. */
  caller?: string;
}): [T, (next: T | ((previous: T) => T)) => void] {
  const [own, setOwn] = useState(options.defaultProp);
  const controlled = options.prop !== undefined;
  const value = controlled ? (options.prop as T) : own;
  // The latest value and callback, read by a setter that keeps its identity across renders.
  const latest = useRef({ value, onChange: options.onChange });
  // Before any layout effect or event of this commit can call the setter (Radix does the same).
  useInsertionEffect(() => {
    latest.current = { value, onChange: options.onChange };
  });
  const setValue = useCallback(
    (next: T | ((previous: T) => T)) => {
      const current = latest.current;
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(current.value) : next;
      if (Object.is(resolved, current.value)) return;
      // Seen at once by a second update in the same event, as React's own updater would.
      current.value = resolved;
      if (!controlled) setOwn(() => resolved);
      current.onChange?.(resolved);
    },
    [controlled],
  );
  return [value, setValue];
}
