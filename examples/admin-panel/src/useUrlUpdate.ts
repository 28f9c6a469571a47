import { useCallback, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Changes the query string. One interaction may change several pieces at once (a new sort also
 * goes back to page 1), and React Router's functional `setSearchParams` does not queue like
 * `setState`: the changes of one event are gathered and written as one history entry.
 */
export function useUrlUpdate() {
  const [params, setParams] = useSearchParams();
  const pending = useRef<{ changes: ((params: URLSearchParams) => void)[]; replace: boolean }>({ changes: [], replace: true });
  const update = useCallback(
    (change: (params: URLSearchParams) => void, options: { replace?: boolean } = {}) => {
      const batch = pending.current;
      batch.changes.push(change);
      // Typing in a search box replaces the entry; anything else makes a step Back can undo.
      batch.replace &&= options.replace ?? false;
      if (batch.changes.length > 1) return;
      queueMicrotask(() => {
        const { changes, replace } = pending.current;
        pending.current = { changes: [], replace: true };
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            for (const apply of changes) apply(next);
            return next;
          },
          { replace },
        );
      });
    },
    [setParams],
  );
  return [params, update] as const;
}
