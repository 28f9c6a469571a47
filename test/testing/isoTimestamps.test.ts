import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIsoTimestamps } from '../../src/testing/isoTimestamps.ts';

describe('createIsoTimestamps', () => {
  it('writes what toISOString writes for any whole ms from 1970 to 9999', () => {
    const iso = createIsoTimestamps();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(iso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it.each([0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 11, 31, 23, 59, 59, 990), 253_402_300_799_999])(
    'writes %d at the edges of a day, a leap day and the year 9999',
    (ms) => {
      const iso = createIsoTimestamps();
      // Twice: the second reads the day from the cache.
      expect(iso(ms)).toBe(new Date(ms).toISOString());
      expect(iso(ms)).toBe(new Date(ms).toISOString());
    },
  );

  it.each([-1, -86_400_001, 1.5, 253_402_300_800_000])('hands %d, which it does not write itself, to toISOString', (ms) => {
    expect(createIsoTimestamps()(ms)).toBe(new Date(ms).toISOString());
  });
});
