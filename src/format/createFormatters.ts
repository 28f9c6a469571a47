/**
 * Number, cost, date and duration formatting on `Intl`, cached per locale and currency so a
 * table of thousands of cells builds each `Intl` formatter once.
 */

export interface FormatOptions {
  /** BCP 47 tag. @defaultValue 'en-US' */
  locale?: string;
  /** ISO 4217 code costs are shown in. @defaultValue 'USD' */
  currency?: string;
  /** Units of `currency` per USD; costs are stored in USD. @defaultValue 1 */
  currencyRate?: number;
  /** IANA time zone dates are shown in. @defaultValue the runtime's own zone */
  timeZone?: string;
}

export interface Formatters {
  readonly locale: string;
  readonly currency: string;
  /** The IANA zone dates are shown in. */
  readonly timeZone: string;
  /** 12,345 */
  number(value: number): string;
  /** 12.3K */
  compact(value: number): string;
  /** 3.4% from a ratio 0.034 */
  percent(ratio: number): string;
  /** A measured value with three significant digits: 0.000412, 0.77, 12.3, 1,230. */
  decimal(value: number): string;
  /** "a, b and c" in the locale's words. */
  list(items: readonly string[]): string;
  /**
   * A USD amount in the display currency. A positive amount never reads as zero: below one cent
   * it keeps two significant digits ($0.0042), below a millionth it reads "<$0.000001".
   * A value that is not a finite number reads "—".
   */
  cost(usd: number): string;
  /** Nov 3, 2026, 2:05 PM; "—" for a missing or invalid date. */
  dateTime(iso: string | number | null | undefined): string;
  /** Nov 3, 2026 */
  date(iso: string | number | null | undefined): string;
  /** "3 hours ago", "in 2 days" relative to `now` (ms). */
  relative(iso: string | number | null | undefined, now?: number): string;
  /** 850 ms, 1.2 s, 3.5 min, 2.1 h */
  duration(ms: number): string;
}

const cache = new Map<string, Formatters>();

export function createFormatters(options: FormatOptions = {}): Formatters {
  const locale = options.locale ?? 'en-US';
  const currency = options.currency ?? 'USD';
  const rate = options.currencyRate ?? 1;
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new RangeError(`[userlens] currencyRate must be a finite number above 0 (units of ${currency} per USD), got ${String(rate)}.`);
  }
  const timeZone = options.timeZone ?? runtimeTimeZone();
  const key = `${locale}\u0000${currency}\u0000${rate}\u0000${timeZone}`;
  let formatters = cache.get(key);
  if (!formatters) {
    formatters = build(locale, currency, rate, timeZone);
    cache.set(key, formatters);
  }
  return formatters;
}

/** The zone the runtime runs in (the browser's, on a page). */
export function runtimeTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    // Some runtimes report a zone they cannot format in (`Etc/Unknown` when TZ is empty).
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone ?? 'UTC';
  } catch {
    return 'UTC';
  }
}

const TINY = 0.000001;
/** What a formatter returns for a value that is not a number or not a date: never an invented one. */
const MISSING = '—';

function isDate(value: string | number | null | undefined): value is string | number {
  return (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime());
}
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function build(locale: string, currency: string, rate: number, timeZone: string): Formatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'short' });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const smallMoney = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumSignificantDigits: 2,
  });
  const tinyMoney = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 6,
  });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const unit = (name: string, digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
  const milliseconds = unit('millisecond', 0);
  const seconds = unit('second', 2);
  const minutes = unit('minute', 1);
  const hours = unit('hour', 1);
  const days = unit('day', 1);
  // The smallest amount the currency format shows without rounding to zero (a cent, a yen).
  const smallestUnit = 10 ** -(money.resolvedOptions().maximumFractionDigits ?? 2);

  return {
    locale,
    currency,
    timeZone,
    number: (value) => integer.format(value),
    compact: (value) => compact.format(value),
    decimal: (value) => (Number.isFinite(value) ? decimal.format(value) : MISSING),
    list: (items) => list.format(items),
    percent(ratio) {
      if (!Number.isFinite(ratio)) return MISSING;
      // Like cost, a share above zero never reads as 0 %.
      if (ratio > 0 && ratio < 0.0005) return `<${percent.format(0.001)}`;
      return percent.format(ratio);
    },
    cost(usd) {
      if (!Number.isFinite(usd)) return MISSING;
      const value = usd * rate;
      const magnitude = Math.abs(value);
      if (value === 0) return money.format(0); // also turns -0 into 0
      if (magnitude >= smallestUnit) return money.format(value);
      if (magnitude >= TINY) return smallMoney.format(value);
      const sign = value < 0 ? '>' : '<';
      return `${sign}${tinyMoney.format(value < 0 ? -TINY : TINY)}`;
    },
    dateTime: (iso) => (isDate(iso) ? dateTime.format(new Date(iso)) : MISSING),
    date: (iso) => (isDate(iso) ? date.format(new Date(iso)) : MISSING),
    relative(iso, now = Date.now()) {
      if (!isDate(iso)) return MISSING;
      const diff = new Date(iso).getTime() - now;
      const magnitude = Math.abs(diff);
      if (magnitude < MINUTE) return relative.format(Math.round(diff / SECOND), 'second');
      if (magnitude < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute');
      if (magnitude < DAY) return relative.format(Math.round(diff / HOUR), 'hour');
      if (magnitude < 30 * DAY) return relative.format(Math.round(diff / DAY), 'day');
      if (magnitude < 365 * DAY) return relative.format(Math.round(diff / (30 * DAY)), 'month');
      return relative.format(Math.round(diff / (365 * DAY)), 'year');
    },
    duration(ms) {
      if (!Number.isFinite(ms)) return MISSING;
      // Pick the unit after rounding, so 59,999 ms reads "1 min", not "60 sec".
      const magnitude = Math.abs(ms);
      if (Math.round(magnitude) < SECOND) return milliseconds.format(ms);
      if (Math.round(magnitude / 10) * 10 < MINUTE) return seconds.format(ms / SECOND);
      if (Math.round(magnitude / 6_000) * 6_000 < HOUR) return minutes.format(ms / MINUTE);
      if (Math.round(magnitude / 360_000) * 360_000 < DAY) return hours.format(ms / HOUR);
      return days.format(ms / DAY);
    },
  };
}
