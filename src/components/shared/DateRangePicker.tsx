'use client';
import { useId, useState } from 'react';
import { RANGE_PRESET_IDS, rangeKey, type RangeValue } from '../../format/dateRangePresets.js';
import type { LabelKey } from '../../i18n/en-US.js';
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

/** `<input type="datetime-local">` speaks local time; the query speaks UTC ISO. */
const toLocalInput = (iso: string | undefined) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

export interface DateRangePickerProps {
  value: RangeValue;
  onValueChange: (range: RangeValue) => void;
}

/**
 * Presets from 30 minutes to 90 days, all time, or a custom from–to (in local time, applied as
 * UTC instants).
 *
 * @selector [data-part="date-range"] [data-part="date-range-custom"]
 */
export function DateRangePicker({ value: range, onValueChange: setRange }: DateRangePickerProps) {
  const { labels } = useUserTrackingContext('DateRangePicker');
  const id = useId();
  const [customOpen, setCustomOpen] = useState(range.preset === 'custom');
  const [from, setFrom] = useState(range.preset === 'custom' ? toLocalInput(range.from) : '');
  const [to, setTo] = useState(range.preset === 'custom' ? toLocalInput(range.to) : '');
  // A new value from outside (the host's URL, "show all time") replaces what is being edited.
  const [shown, setShown] = useState(() => rangeKey(range));
  if (shown !== rangeKey(range)) {
    setShown(rangeKey(range));
    setCustomOpen(range.preset === 'custom');
    setFrom(range.preset === 'custom' ? toLocalInput(range.from) : '');
    setTo(range.preset === 'custom' ? toLocalInput(range.to) : '');
  }
  const reversed = from !== '' && to !== '' && from > to;
  const selected = range.preset === 'custom' || customOpen ? 'custom' : range.preset;
  return (
    <span data-part="date-range">
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
          {reversed && <span role="alert">{labels.rangeReversed}</span>}
          <button
            type="button"
            data-part="button"
            aria-disabled={(!from && !to) || reversed || undefined}
            onClick={() => {
              if ((from || to) && !reversed) setRange({ preset: 'custom', from: fromLocalInput(from), to: fromLocalInput(to) });
            }}
          >
            {labels.applyRange}
          </button>
        </span>
      )}
    </span>
  );
}

