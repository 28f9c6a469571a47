/*
 * Written by hand in place of `@visx/scale`'s `scaleBand`, which pulls d3-scale and its
 * dependencies into a host's bundle for what is a few lines of arithmetic (d3's, so bars sit
 * where they did).
 */

export interface BandScaleOptions<T> {
  /** One band per value, in order. */
  domain: readonly T[];
  /** Where the bands go, e.g. `[0, width]`. */
  range: readonly [number, number];
  /**
   * The share of each step left empty between bands and at both ends, 0 to 1.
   * @defaultValue 0
   */
  padding?: number;
}

/** The start of a value's band, or `undefined` for a value outside the domain. */
export interface BandScale<T> {
  (value: T): number | undefined;
  /** The width of every band. */
  bandwidth(): number;
  /** The distance from one band's start to the next. */
  step(): number;
}

/**
 * Equal bands for the values of `domain` across `range`, centred, with `padding` between them
 * and at the ends.
 *
 * @example
 * const x = bandScale({ domain: bins.map((_, i) => i), range: [0, width], padding: 0.1 });
 * <rect x={x(i)} width={x.bandwidth()} />
 */
export function bandScale<T>({ domain, range: [r0, r1], padding = 0 }: BandScaleOptions<T>): BandScale<T> {
  const index = new Map<T, number>();
  for (const value of domain) if (!index.has(value)) index.set(value, index.size);
  const n = index.size;
  const inner = Math.min(1, padding);
  const reverse = r1 < r0;
  const [low, high] = reverse ? [r1, r0] : [r0, r1];
  const step = (high - low) / Math.max(1, n - inner + padding * 2);
  const start = low + (high - low - step * (n - inner)) * 0.5;
  const bandwidth = step * (1 - inner);
  const scale = (value: T) => {
    const i = index.get(value);
    return i === undefined ? undefined : start + step * (reverse ? n - 1 - i : i);
  };
  return Object.assign(scale, { bandwidth: () => bandwidth, step: () => step });
}
