import type { DateRange } from '../client/types.js';

/**
 * Date range choices as views offer them: relative presets ("last 24 hours"), all time, or a
 * custom from–to. A relative preset is resolved against an anchor instant the view keeps
 * (set when the preset is chosen or data refreshed), so query keys stay stable in between.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RANGE_PRESETS = {
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '14d': 14 * DAY,
  '30d': 30 * DAY,
  '90d': 90 * DAY,
} as const;

export type RelativePreset = keyof typeof RANGE_PRESETS;
export type RangePreset = RelativePreset | 'all';

export type RangeValue = { preset: RangePreset } | { preset: 'custom'; from?: string; to?: string };

export const RANGE_PRESET_IDS = [...(Object.keys(RANGE_PRESETS) as RelativePreset[]), 'all'] as const;

/** The query range of a choice: relative presets end open (new traces keep arriving). */
export function resolveRange(value: RangeValue, anchorMs: number): DateRange {
  if (value.preset === 'all') return {};
  if (value.preset === 'custom') {
    return { ...(value.from ? { from: value.from } : {}), ...(value.to ? { to: value.to } : {}) };
  }
  // Whole seconds keep keys identical between two resolutions in the same second.
  const from = Math.floor((anchorMs - RANGE_PRESETS[value.preset]) / 1000) * 1000;
  return { from: new Date(from).toISOString() };
}

/** A value key for a range choice: two objects with the same choice have the same key. */
export function rangeKey(value: RangeValue): string {
  return value.preset === 'custom' ? `custom:${value.from ?? ''}:${value.to ?? ''}` : value.preset;
}

/** Whether resolving `value` at `nextMs` asks for another range than at `anchorMs`. */
export function movesRange(value: RangeValue, anchorMs: number, nextMs: number): boolean {
  return JSON.stringify(resolveRange(value, anchorMs)) !== JSON.stringify(resolveRange(value, nextMs));
}
