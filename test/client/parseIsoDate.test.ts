import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/client/parseIsoDate.ts';

describe('parseIsoDate', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', Date.UTC(2026, 0, 1)],
    ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.123456Z', Date.UTC(2026, 0, 1, 0, 0, 0, 123)],
    ['2026-01-01T02:00:00+02:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['0050-01-01T00:00:00.000Z', Date.parse('0050-01-01T00:00:00Z')],
    ['2026-01-01T00:00:00.1Z', Date.UTC(2026, 0, 1, 0, 0, 0, 100)],
    ['2026-01-01T00:00:00.98Z', Date.UTC(2026, 0, 1, 0, 0, 0, 980)],
    ['2026-01-01T00:00:00.123456789Z', Date.UTC(2026, 0, 1, 0, 0, 0, 123)],
    ['2026-03-01T05:29:59.999+05:30', Date.UTC(2026, 1, 28, 23, 59, 59, 999)],
    ['2025-12-31T11:15:00-12:45', Date.UTC(2026, 0, 1, 0, 0)],
    ['2026-01-01T00:00:00+0200', Date.UTC(2025, 11, 31, 22)],
    ['0000-03-01T00:00:00Z', Date.parse('0000-03-01T00:00:00Z')],
  ])('reads %s', (value, expected) => {
    expect(parseIsoDate(value)).toBe(expected);
  });

  it('reads years before 100 as themselves, not as 19xx', () => {
    expect(new Date(parseIsoDate('0050-01-01T00:00:00.000Z')).getUTCFullYear()).toBe(50);
  });

  it.each([
    '01/02/2026',
    '2026-01-01T00:00:00',
    '2026-02-30T00:00:00.000Z',
    '2026-02-30T00:00:00Z',
    '2026-02-30',
    '2025-02-29T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T24:00:00Z',
    '2026-13-01T00:00:00+01:00',
    'x026-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.Z',
    '2026-01-01T00:00:00.1234567890Z',
    '2026-01-01T00:00:00+24:00',
    '2026-01-01T00:00:00+02:60',
    '2026-01-01T00:00:00+02',
    '2026-01-01t00:00:00Z',
    '2026-01-0xT00:00:00Z',
    '',
  ])('refuses %j', (value) => {
    expect(parseIsoDate(value)).toBeNaN();
  });

  it('reads every date-time of an export form as Date.parse does: any year, 0–9 fraction digits, Z or an offset (property)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const form = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        fraction: fc.stringMatching(/^\d{0,9}$/),
        zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`)),
      })
      .map((f) => `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}:${two(f.second)}${f.fraction ? `.${f.fraction}` : ''}${f.zone}`);
    fc.assert(
      fc.property(form, (value) => {
        expect(parseIsoDate(value)).toBe(Date.parse(value));
      }),
    );
  });

  it('reads the last days of months and leap days exactly, and refuses the days after them', () => {
    for (const year of [1900, 1970, 2000, 2023, 2024, 2100]) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const day = (d: number) => `${year}-${String(month).padStart(2, '0')}-${d}T12:00:00.000Z`;
        expect(parseIsoDate(day(last))).toBe(Date.UTC(year, month - 1, last, 12));
        expect(parseIsoDate(day(last + 1))).toBeNaN();
      }
    }
  });
});
