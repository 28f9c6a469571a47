/*
 * Written by hand in place of `@visx/shape`'s `LinePath` and `AreaClosed`: straight segments
 * through a few points are one string each, and d3-shape with d3-path would be bundled for
 * them. The output is d3's (`M`, `L`, `Z`, numbers rounded to 3 decimals).
 */

/** A point in SVG user units: `[x, y]`. */
export type Point = readonly [x: number, y: number];

/**
 * The `d` of a polyline through `points`; a lone point is a closed dot, none is `''`.
 *
 * @example
 * <path d={linePath(values.map((v, i) => [x(i), y(v)]))} fill="none" strokeLinecap="round" />
 */
export function linePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`).join('') + (points.length === 1 ? 'Z' : '');
}

/**
 * The `d` of the area between the polyline through `points` and the horizontal line at
 * `baseline`, closed; none is `''`.
 *
 * @example
 * <path d={areaPath(points, height)} fillOpacity={0.15} />
 */
export function areaPath(points: readonly Point[], baseline: number): string {
  if (points.length === 0) return '';
  const top = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`).join('');
  const bottom = points.map(([x]) => `L${round(x)},${round(baseline)}`).reverse().join('');
  return `${top}${bottom}Z`;
}

/* -----------------------------------------------------------------------------------------*/

const round = (n: number) => Math.round(n * 1000) / 1000;
