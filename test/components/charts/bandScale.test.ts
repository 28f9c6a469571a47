import { scaleBand } from '@visx/scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandScale } from '../../../src/components/charts/bandScale.ts';

describe('bandScale', () => {
  it('places the charts’ bands exactly as visx’s scaleBand', () => {
    const cases = [
      { bands: 24, range: [0, 640], padding: 0.1 },
      { bands: 30, range: [0, 720], padding: 0.15 },
      { bands: 1, range: [0, 640], padding: 0.1 },
      { bands: 7, range: [300, 0], padding: 0.2 },
    ] as const;
    for (const { bands, range, padding } of cases) {
      const domain = Array.from({ length: bands }, (_, i) => i);
      const ours = bandScale({ domain, range, padding });
      const visx = scaleBand<number>({ domain, range: [...range], padding });
      expect(ours.bandwidth()).toBe(visx.bandwidth());
      expect(ours.step()).toBe(visx.step());
      for (const i of domain) expect(ours(i)).toBe(visx(i));
    }
  });

  it('agrees with visx for any count, range and padding', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 60 }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (domain, r0, r1, padding) => {
          const ours = bandScale({ domain, range: [r0, r1], padding });
          const visx = scaleBand<string>({ domain, range: [r0, r1], padding });
          expect(ours.bandwidth()).toBe(visx.bandwidth());
          for (const value of domain) expect(ours(value)).toBe(visx(value));
        },
      ),
    );
  });

  it('has no place for a value outside its domain', () => {
    expect(bandScale({ domain: [0, 1, 2], range: [0, 90] })(3)).toBeUndefined();
  });
});
