import { scaleLinear } from '@visx/scale';
import { AreaClosed, LinePath } from '@visx/shape';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { areaPath, linePath, type Point } from '../../../src/components/charts/paths.ts';

/** The `d` visx draws for a line, and for an area closed down to `baseline`, through `points`. */
function visxPaths(points: readonly Point[], baseline: number) {
  const yScale = scaleLinear<number>({ domain: [0, 1], range: [baseline, 0] });
  const markup = renderToStaticMarkup(
    <svg>
      <LinePath data={[...points]} x={(p) => p[0]} y={(p) => p[1]} />
      <AreaClosed data={[...points]} x={(p) => p[0]} y={(p) => p[1]} yScale={yScale} />
    </svg>,
  );
  const [line, area] = [...markup.matchAll(/ d="([^"]*)"/g)].map((match) => match[1]);
  return { line, area };
}

/** The points a sparkline of `values` draws, 96 × 24 as in the list. */
const sparkline = (values: number[]): Point[] => {
  const max = Math.max(1, ...values);
  return values.map((v, i) => [1 + (i * 94) / Math.max(1, values.length - 1), 22 - (v / max) * 20]);
};

describe('linePath and areaPath', () => {
  it('draw the same paths as visx’s LinePath and AreaClosed for a sparkline', () => {
    for (const values of [[3, 0, 7, 12, 12, 4, 0, 1, 9, 2], [5, 5], [0, 0, 0], [42]]) {
      const points = sparkline(values);
      expect({ line: linePath(points), area: areaPath(points, 22) }).toEqual(visxPaths(points, 22));
    }
  });

  it('draw the same paths as visx for any points', () => {
    const coordinate = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 30 }), coordinate, (points, baseline) => {
        expect({ line: linePath(points), area: areaPath(points, baseline) }).toEqual(visxPaths(points, baseline));
      }),
    );
  });

  it('draw nothing for no points', () => {
    expect(linePath([])).toBe('');
    expect(areaPath([], 10)).toBe('');
  });
});
