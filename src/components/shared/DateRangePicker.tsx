'use client';
import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import { RANGE_PRESET_IDS, rangeKey, type RangeValue } from '../../format/dateRangePresets.js';
import { instantToWall, wallToInstant } from '../../client/calendar.js';
import { formatLabel, type LabelKey } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

const PRESET_LABEL: Record<(typeof RANGE_PRESET_IDS)[number], LabelKey> = {
  '30m': 'preset30m',
  '1h': 'preset1h',
  '6h': 'preset6h',
  '24h': 'preset24h',
  '7d': 'preset7d',
  '14d': 'preset14d',
  '30d': 'preset30d',
  '90d': 'preset90d',
  all: 'presetAll',
};

/**
 * `<input type="datetime-local">` speaks wall time without a zone; the query speaks ISO instants.
 * Wall times are read and written in the provider's zone, not the machine's.
 */
const toZoneInput = (iso: string | undefined, timeZone: string) => {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(instantToWall(ms, timeZone)).toISOString().slice(0, 16);
};
const fromZoneInput = (value: string, timeZone: string) => {
  const wall = value ? Date.parse(`${value}Z`) : NaN;
  return Number.isNaN(wall) ? undefined : new Date(wallToInstant(wall, timeZone)).toISOString();
};

export interface DateRangePickerProps extends Omit<ComponentPropsWithoutRef<'span'>, 'defaultValue'> {
  value: RangeValue;
  onValueChange: (range: RangeValue) => void;
}

/**
 * Presets from 30 minutes to 90 days, all time, or a custom from–to (entered and shown in the
 * provider's `timeZone`, applied as instants).
 *
 * @selector [data-part="date-range"] [data-part="date-range-custom"]
 */
export const DateRangePicker = forwardRef<HTMLSpanElement, DateRangePickerProps>(({ value: range, onValueChange: setRange, ...props }, ref) => {
  const { labels, timeZone } = useUserTrackingContext('DateRangePicker');
  const id = useId();
  const [customOpen, setCustomOpen] = useState(range.preset === 'custom');
  const [from, setFrom] = useState(range.preset === 'custom' ? toZoneInput(range.from, timeZone) : '');
  const [to, setTo] = useState(range.preset === 'custom' ? toZoneInput(range.to, timeZone) : '');
  // A new value from outside (the host's URL, "show all time") replaces what is being edited.
  const shownKey = `${rangeKey(range)}\u0000${timeZone}`;
  const [shown, setShown] = useState(shownKey);
  if (shown !== shownKey) {
    setShown(shownKey);
    setCustomOpen(range.preset === 'custom');
    setFrom(range.preset === 'custom' ? toZoneInput(range.from, timeZone) : '');
    setTo(range.preset === 'custom' ? toZoneInput(range.to, timeZone) : '');
  }
  const reversed = from !== '' && to !== '' && from > to;
  const selected = range.preset === 'custom' || customOpen ? 'custom' : range.preset;
  return (
    <span data-part="date-range" {...props} ref={ref}>
      <label htmlFor={`${id}-preset`} data-part="label">
        {labels.dateRangeLabel}
      </label>
      <select
        id={`${id}-preset`}
        value={selected}
        onChange={(event) => {
          const next = event.target.value;
          if (next === 'custom') setCustomOpen(true);
          else {
            setCustomOpen(false);
            setRange({ preset: next as (typeof RANGE_PRESET_IDS)[number] });
          }
        }}
      >
        {RANGE_PRESET_IDS.map((preset) => (
          <option key={preset} value={preset}>
            {labels[PRESET_LABEL[preset]]}
          </option>
        ))}
        <option value="custom">{labels.presetCustom}</option>
      </select>
      {selected === 'custom' && (
        <span data-part="date-range-custom">
          <label>
            {labels.rangeFrom}
            <input type="datetime-local" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            {labels.rangeTo}
            <input
              type="datetime-local"
              value={to}
              min={from || undefined}
              aria-invalid={reversed || undefined}
              onChange={(event) => setTo(event.target.value)}
            />
          </label>
          <span data-part="date-range-zone">{formatLabel(labels.rangeTimeZone, { zone: timeZone })}</span>
          {reversed && <span role="alert">{labels.rangeReversed}</span>}
          <button
            type="button"
            data-part="button"
            aria-disabled={(!from && !to) || reversed || undefined}
            onClick={() => {
              if ((from || to) && !reversed) setRange({ preset: 'custom', from: fromZoneInput(from, timeZone), to: fromZoneInput(to, timeZone) });
            }}
          >
            {labels.applyRange}
          </button>
        </span>
      )}
    </span>
  );
});
DateRangePicker.displayName = 'DateRangePicker';
