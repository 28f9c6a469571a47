import type { RangeMs } from '../query.js';
import type { MemoryIndex } from './buildIndex.js';

/** Where a user's traces sit in the index: the index keeps each user's traces contiguous, by timestamp. */

/** First position in `[lo, hi)` whose timestamp is ≥ `ms`. */
export function lowerBound(timestamp: Float64Array, ms: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamp[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The positions `[lo, hi)` of user `u`'s traces inside the range. */
export function userSlice(index: MemoryIndex, u: number, range: RangeMs): [number, number] {
  const start = index.userOffsets[u]!;
  const end = index.userOffsets[u + 1]!;
  const lo = range.fromMs === -Infinity ? start : lowerBound(index.timestamp, range.fromMs, start, end);
  const hi = range.toMs === Infinity ? end : lowerBound(index.timestamp, range.toMs, lo, end);
  return [lo, hi];
}

/** The user's number, or -1. Users are sorted, so this is a binary search. */
export function findUser(index: MemoryIndex, userId: string): number {
  let lo = 0;
  let hi = index.users.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.users[mid]! < userId) lo = mid + 1;
    else hi = mid;
  }
  return index.users[lo] === userId ? lo : -1;
}
