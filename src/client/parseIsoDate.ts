/**
 * Epoch ms of an ISO-8601 date-time; NaN when it is not one (or names a day that does not
 * exist, such as February 30, or hour 24).
 *
 * Written by hand: indexing a million observations parses two million timestamps, and reading
 * the canonical form Langfuse and `toISOString` emit (`YYYY-MM-DDTHH:mm:ss.sssZ`) digit by digit
 * measured ~40 % faster than `Date.parse`. Other ISO forms are checked by pattern and field
 * ranges, then read by `Date.parse`, which alone would roll impossible dates over.
 */
export function parseIsoDate(value: string): number {
  if (
    value.length === 24 &&
    value.charCodeAt(4) === 45 && // -
    value.charCodeAt(7) === 45 &&
    value.charCodeAt(10) === 84 && // T
    value.charCodeAt(13) === 58 && // :
    value.charCodeAt(16) === 58 &&
    value.charCodeAt(19) === 46 && // .
    value.charCodeAt(23) === 90 // Z
  ) {
    const year = digits(value, 0, 4);
    const ms = digits(value, 20, 3);
    if (year >= 100 && ms >= 0) {
      const month = digits(value, 5, 2);
      const day = digits(value, 8, 2);
      const hour = digits(value, 11, 2);
      const minute = digits(value, 14, 2);
      const second = digits(value, 17, 2);
      return validFields(year, month, day, hour, minute, second)
        ? Date.UTC(year, month - 1, day, hour, minute, second, ms)
        : NaN;
    }
    // Years before 100 (Date.UTC reads them as 19xx) take the general path.
  }
  // Other ISO-8601 forms: offsets, fewer or more fraction digits, a date alone (read as UTC).
  // A date-time without an offset is refused: it would mean the reader's local time.
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return NaN;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  if (!validFields(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second))) return NaN;
  return Date.parse(value);
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

function validFields(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** The number written by `length` ASCII digits from `start`; -1 if any is not a digit. */
function digits(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}
