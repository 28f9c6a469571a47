import { scaleLinear } from '@visx/scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../../src/components/charts/linearScale.ts';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('linearScale', () => {
  it('maps the charts’ domains exactly as visx’s scaleLinear', () => {
    const cases = [
      { domain: [0, 9], range: [1, 95], values: [0, 1, 4.5, 9] },
      { domain: [0, 37], range: [22, 2], values: [0, 3, 17, 37] },
      { domain: [0, 1], range: [116, 4], values: [0, 0.25, 1] },
      { domain: [1_767_225_600_000, 1_769_904_000_000], range: [6, 714], values: [1_767_225_600_000, 1_768_000_000_000, 1_769_904_000_000] },
    ] as const;
    for (const { domain, range, values } of cases) {
      const ours = linearScale({ domain, range });
      const visx = scaleLinear<number>({ domain: [...domain], range: [...range] });
      for (const value of values) expect(ours(value)).toBe(visx(value));
    }
  });

  it('agrees with visx inside any domain, either way round', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, fc.double({ min: 0, max: 1, noNaN: true }), (d0, d1, r0, r1, t) => {
        fc.pre(d0 !== d1);
        const value = Math.min(d0, d1) + Math.abs(d1 - d0) * t;
        const visx = scaleLinear<number>({ domain: [d0, d1], range: [r0, r1], clamp: true });
        expect(linearScale({ domain: [d0, d1], range: [r0, r1] })(value)).toBe(visx(value));
      }),
    );
  });

  it('clamps values outside the domain to the ends of the range', () => {
    const y = linearScale({ domain: [0, 10], range: [100, 0] });
    expect(y(-5)).toBe(100);
    expect(y(25)).toBe(0);
  });

  it('puts everything in the middle of the range when the domain is one value', () => {
    expect(linearScale({ domain: [3, 3], range: [0, 40] })(3)).toBe(20);
    expect(linearScale({ domain: [3, 3], range: [0, 40] })(3)).toBe(scaleLinear<number>({ domain: [3, 3], range: [0, 40] })(3));
  });
});
