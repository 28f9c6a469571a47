'use client';
import { useState } from 'react';

/**
 * The instant relative ranges are resolved against: `now()` when the view mounts, again each
 * time `key` changes (a new range, a new user — compared by value, so props written inline
 * re-render freely), and wherever the view calls `setAnchor` (refresh, live ticks). Never on a
 * mere re-render, so query keys hold still in between.
 */
export function useAnchor(key: string, now: () => number): [number, (at: number) => void] {
  const [anchor, setAnchor] = useState(now);
  const [anchoredFor, setAnchoredFor] = useState(key);
  if (anchoredFor !== key) {
    setAnchoredFor(key);
    setAnchor(now());
  }
  return [anchor, setAnchor];
}
