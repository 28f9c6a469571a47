'use client';
import { useEffect, useReducer } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/**
 * The provider's clock, read on each render and at least every `intervalMs`, for texts such as
 * "3 minutes ago". A frozen clock gives the same text on every render, server and browser alike.
 */
export function useNowEvery(intervalMs: number): number {
  const { now } = useUserTrackingContext('useNowEvery');
  const [, tick] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now();
}
