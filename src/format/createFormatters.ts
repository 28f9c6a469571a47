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
}

export interface Formatters {
  readonly locale: string;
  readonly currency: string;
  /** 12,345 */
  number(value: number): string;
  /** 12.3K */
  compact(value: number): string;
  /** 3.4% from a ratio 0.034 */
  percent(ratio: number): string;
  /**
   * A USD amount in the display currency. A positive amount never reads as zero: below one cent
   * it keeps two significant digits ($0.0042), below a millionth it reads "<$0.000001".
   */
  cost(usd: number): string;
  /** Nov 3, 2026, 2:05 PM */
  dateTime(iso: string | number): string;
  /** Nov 3, 2026 */
  date(iso: string | number): string;
  /** "3 hours ago", "in 2 days" relative to `now` (ms). */
  relative(iso: string | number, now?: number): string;
  /** 850 ms, 1.2 s, 3.5 min, 2.1 h */
  duration(ms: number): string;
}

const cache = new Map<string, Formatters>();

export function createFormatters(options: FormatOptions = {}): Formatters {
  const locale = options.locale ?? 'en-US';
  const currency = options.currency ?? 'USD';
  const rate = options.currencyRate ?? 1;
  const key = `${locale}\u0000${currency}\u0000${rate}`;
  let formatters = cache.get(key);
  if (!formatters) {
    formatters = build(locale, currency, rate);
    cache.set(key, formatters);
  }
  return formatters;
}

const TINY = 0.000001;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function build(locale: string, currency: string, rate: number): Formatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
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
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
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
    number: (value) => integer.format(value),
    compact: (value) => compact.format(value),
    percent: (ratio) => percent.format(ratio),
    cost(usd) {
      const value = usd * rate;
      const magnitude = Math.abs(value);
      if (value === 0 || magnitude >= smallestUnit) return money.format(value);
      if (magnitude >= TINY) return smallMoney.format(value);
      const sign = value < 0 ? '>' : '<';
      return `${sign}${tinyMoney.format(value < 0 ? -TINY : TINY)}`;
    },
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    relative(iso, now = Date.now()) {
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
      const magnitude = Math.abs(ms);
      if (magnitude < SECOND) return milliseconds.format(ms);
      if (magnitude < MINUTE) return seconds.format(ms / SECOND);
      if (magnitude < HOUR) return minutes.format(ms / MINUTE);
      if (magnitude < DAY) return hours.format(ms / HOUR);
      return days.format(ms / DAY);
    },
  };
}
