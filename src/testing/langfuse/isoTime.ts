import { parseIsoDate } from '../../client/parseIsoDate.js';

/**
 * Times leave the fake as `toISOString()` strings (UTC, milliseconds, `Z`), as Langfuse's API
 * writes them, whatever ISO form the dataset used.
 */

/** ISO string of epoch ms; null when not a finite time. */
export function isoFromMs(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** An optional dataset time, normalized; null when absent; left as written when it does not parse. */
export function isoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return isoFromMs(parseIsoDate(value)) ?? value;
}

/** A required dataset time (already parsed to `ms`), normalized, else as written. */
export function isoOrRaw(ms: number, raw: unknown): string {
  return isoFromMs(ms) ?? String(raw);
}
