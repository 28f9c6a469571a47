'use client';
import { useCallback, useEffect, useRef } from 'react';
import { movesRange, type RangeValue } from '../format/dateRangePresets.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import { userTrackingQueries } from './queries.js';

/**
 * "Refresh" for a view whose relative range is resolved against `anchor`. A relative range that
 * moves with the clock makes new keys: those fetch by themselves, and invalidating as well would
 * fetch the old keys a second time — so it moves the anchor. A range that stays where it is
 * (fixed, or a clock that has not moved a second) refetches its keys instead.
 *
 * The returned function is stable across re-renders with an equal range (it reads them through
 * a ref), so a live-refresh timer is not restarted by an inline `range={{ preset: '30d' }}`.
 */
export function useRangeRefresh(range: RangeValue, anchor: number, setAnchor: (at: number) => void): () => void {
  const { client, queryClient, now } = useUserTrackingContext('useRangeRefresh');
  const shown = useRef({ range, anchor });
  useEffect(() => {
    shown.current = { range, anchor };
  });
  return useCallback(() => {
    client.invalidate?.();
    const next = now();
    if (movesRange(shown.current.range, shown.current.anchor, next)) setAnchor(next);
    else void queryClient.invalidateQueries({ queryKey: userTrackingQueries.scope(client) });
  }, [client, queryClient, now, setAnchor]);
}
