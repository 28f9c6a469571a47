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
    '',
  ])('refuses %j', (value) => {
    expect(parseIsoDate(value)).toBeNaN();
  });
});
