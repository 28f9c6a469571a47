/**
 * Epoch ms of an ISO-8601 date-time; NaN when it is not one.
 *
 * Written by hand for the canonical form Langfuse and `toISOString` emit
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`): indexing a million observations parses two million of them,
 * and this path measured ~40 % faster than `Date.parse`, which still handles every other form.
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
    const month = digits(value, 5, 2);
    const day = digits(value, 8, 2);
    const hour = digits(value, 11, 2);
    const minute = digits(value, 14, 2);
    const second = digits(value, 17, 2);
    const ms = digits(value, 20, 3);
    if (
      year >= 0 &&
      month >= 1 && month <= 12 &&
      day >= 1 && day <= daysInMonth(year, month) &&
      hour >= 0 && hour <= 23 &&
      minute >= 0 && minute <= 59 &&
      second >= 0 && second <= 59 &&
      ms >= 0
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second, ms);
    }
    return NaN;
  }
  // Other ISO-8601 forms (offsets, fewer or more fraction digits, a date alone, read as UTC).
  // A date-time without an offset is refused: it would mean the reader's local time.
  return ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

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
