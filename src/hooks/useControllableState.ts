import { useCallback, useEffect, useInsertionEffect, useRef, useState, type SetStateAction } from 'react';

/**
 * A value the host may control (`prop`) or leave to the component (`defaultProp`), with
 * `onChange` told of every change either way, as Radix's `useControllableState` does: at once
 * for a controlled value (the host decides), after the commit for an uncontrolled one (so a
 * change made while rendering never updates the host during that render). Written here rather
 * than taken from @radix-ui/react-use-controllable-state, whose module brings its reducer
 * variant and dev-only warnings into a host's bundle (1 kB gzip of the list's 40 kB budget).
 */
export function useControllableState<T>(options: {
  prop: T | undefined;
  defaultProp: T;
  onChange?: ((value: T) => void) | undefined;
}): [T, (next: SetStateAction<T>) => void] {
  const [own, setOwn] = useState(options.defaultProp);
  const controlled = options.prop !== undefined;
  const value = controlled ? (options.prop as T) : own;
  // The latest committed value and callback, read by a setter that keeps its identity.
  const latest = useRef({ value, onChange: options.onChange });
  useInsertionEffect(() => {
    latest.current = { value, onChange: options.onChange };
  });
  const told = useRef(own);
  useEffect(() => {
    if (Object.is(told.current, own)) return;
    told.current = own;
    latest.current.onChange?.(own);
  }, [own]);
  const setValue = useCallback(
    (next: SetStateAction<T>) => {
      if (!controlled) return setOwn(next);
      const { value: current, onChange } = latest.current;
      const resolved = typeof next === 'function' ? (next as (previous: T) => T)(current) : next;
      if (!Object.is(resolved, current)) onChange?.(resolved);
    },
    [controlled],
  );
  return [value, setValue];
}
