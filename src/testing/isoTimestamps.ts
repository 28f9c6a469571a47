const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The first whole ms `toISOString` writes with a six-digit year (+010000). */
const YEAR_10000 = 253_402_300_800_000;
const ZERO = 48; // '0'
const COLON = 58;
const DOT = 46;
const Z = 90;

/**
 * A formatter that gives exactly what `new Date(ms).toISOString()` gives, for whole ms between
 * years 1970 and 9999 (anything else is handed to `toISOString`).
 *
 * Written by hand because the demo generator formats millions of timestamps and `toISOString`
 * costs ~2 µs a call — most of the time a 100,000-user dataset took. The day's `YYYY-MM-DDT`
 * character codes come from a cache and one `String.fromCharCode` call writes the string.
 * That call matters: strings joined with `+` or a template literal are V8 "cons strings" that
 * the memory client flattens again while parsing them (slower overall than `toISOString`), and
 * `TextDecoder` costs more per call than `toISOString` in Chromium. Measured writing and then
 * parsing 1.6 million timestamps: Node 20 3.1 s → 1.3 s, Chromium 3.3 s → 1.2 s.
 */
export function createIsoTimestamps(): (ms: number) => string {
  const dayCodes = new Map<number, number[]>();
  return (ms) => {
    if (!(ms >= 0 && ms < YEAR_10000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
    const day = Math.floor(ms / DAY);
    let d = dayCodes.get(day);
    if (d === undefined) {
      const prefix = new Date(day * DAY).toISOString();
      d = Array.from({ length: 11 }, (_, i) => prefix.charCodeAt(i));
      dayCodes.set(day, d);
    }
    let rest = ms - day * DAY;
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.floor(rest / MINUTE);
    rest -= m * MINUTE;
    const s = Math.floor(rest / 1000);
    const f = rest - s * 1000;
    // prettier-ignore
    return String.fromCharCode(
      d[0]!, d[1]!, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!, d[7]!, d[8]!, d[9]!, d[10]!,
      ZERO + ((h / 10) | 0), ZERO + (h % 10), COLON,
      ZERO + ((m / 10) | 0), ZERO + (m % 10), COLON,
      ZERO + ((s / 10) | 0), ZERO + (s % 10), DOT,
      ZERO + ((f / 100) | 0), ZERO + (((f / 10) | 0) % 10), ZERO + (f % 10), Z,
    );
  };
}
