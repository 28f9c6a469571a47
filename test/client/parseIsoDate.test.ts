import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/client/parseIsoDate.ts';

describe('parseIsoDate', () => {
  it.each([
    '2026-01-01T00:00:00.000Z',
    '2024-02-29T23:59:59.999Z',
    '2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00.123456Z',
    '2026-01-01T02:00:00+02:00',
    '2026-01-01',
  ])('reads %s as Date.parse does', (value) => {
    expect(parseIsoDate(value)).toBe(Date.parse(value));
  });

  it.each(['01/02/2026', '2026-01-01T00:00:00', '2026-02-30T00:00:00.000Z', '2025-02-29T00:00:00.000Z', '2026-01-01T24:00:00.000Z', 'x026-01-01T00:00:00.000Z', ''])(
    'refuses %j',
    (value) => {
      expect(parseIsoDate(value)).toBeNaN();
    },
  );
});
