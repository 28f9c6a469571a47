/*
 * Written by hand in place of `@visx/scale`'s `scaleLinear`: the charts need a straight map from
 * two numbers to two numbers, and d3-scale brings d3-interpolate, d3-color, d3-format and d3-time
 * with it (over 10 kB gzip for a host). The arithmetic is d3's, so points land where they did.
 */

export interface LinearScaleOptions {
  /** The two input values mapped to the ends of `range`; either order. */
  domain: readonly [number, number];
  /** The two output values, e.g. pixels; `[height, 0]` for an upward y axis. */
  range: readonly [number, number];
}

/** Maps a value of `domain` to `range`. */
export type LinearScale = (value: number) => number;

/**
 * A linear scale from `domain` to `range`, clamped: values outside the domain map to the nearer
 * end of the range. An empty domain (both ends equal) maps everything to the middle of the range.
 *
 * @example
 * const y = linearScale({ domain: [0, max], range: [height, 0] });
 * y(max); // 0
 */
export function linearScale({ domain: [d0, d1], range: [r0, r1] }: LinearScaleOptions): LinearScale {
  // As d3's bimap: normalise over the ascending domain, interpolate between the matching range ends.
  const [from, to, start, end] = d1 < d0 ? [d1, d0, r1, r0] : [d0, d1, r0, r1];
  const span = to - from;
  return (value) => {
    const t = span ? Math.max(0, Math.min(1, (value - from) / span)) : Number.isNaN(span) ? NaN : 0.5;
    return start * (1 - t) + end * t;
  };
}
