/*
 * Axis ticks by hand, as `linearScale` is: d3-array's `ticks` and d3-scale's `nice` are a few
 * lines each, and the same arithmetic, so axes read as they would with d3.
 */

/**
 * About `count` round values (steps of 1, 2 or 5 times a power of ten) from at or below `min` to
 * at or above `max`: the ticks of d3's `scaleLinear().domain([min, max]).nice(count)`, so the
 * first and last are where an axis over these values starts and ends. Equal ends give that one.
 *
 * @example
 * niceTicks(0, 12, 4); // [0, 2, 4, 6, 8, 10, 12]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min) || !Number.isFinite(max - min)) return [min];
  let [start, stop, step] = [min, max, 0];
  // As d3's nice(): widen the ends to the step until the step stops changing.
  for (let i = 0; i < 10; i++) {
    const raw = (stop - start) / count;
    const power = 10 ** Math.floor(Math.log10(raw));
    const error = raw / power;
    // d3's thresholds: √50, √10, √2.
    const next = power * (error >= 7.0710678 ? 10 : error >= 3.1622777 ? 5 : error >= 1.4142136 ? 2 : 1);
    if (next === step) break;
    step = next;
    start = Math.floor(start / step) * step;
    stop = Math.ceil(stop / step) * step;
  }
  const ticks: number[] = [];
  // Rounded to 12 digits, so 3 × 0.1 reads 0.3, not 0.30000000000000004.
  for (let i = Math.round(start / step); i <= Math.round(stop / step); i++) ticks.push(+(i * step).toPrecision(12));
  return ticks;
}

/** Round strides through hours, days and weeks: 3 hours, a week, a quarter (13 weeks)…. */
export const STRIDES = { hour: [1, 2, 3, 6, 12, 24], day: [1, 2, 7, 14, 28], week: [1, 2, 4, 13, 26, 52] } as const;

/**
 * Every k-th of `items` so at most `max` remain, k the first of `strides` that is enough, else
 * the last doubled until it is: labels along a time axis that fit without overlapping.
 *
 * @example
 * thin(days, plotWidth / labelWidth, STRIDES.day); // every day, every 2nd, every 7th…
 */
export function thin<T>(items: readonly T[], max: number, strides: readonly number[] = STRIDES.hour): T[] {
  const fits = (stride: number) => Math.ceil(items.length / stride) <= Math.max(1, Math.floor(max));
  let stride = strides.find(fits) ?? strides.at(-1)!;
  while (!fits(stride)) stride *= 2;
  return items.filter((_, i) => i % stride === 0);
}

/**
 * A text's width in pixels at the axes' small type, estimated from its length: enough to keep
 * labels apart and inside the drawing without measuring them in the DOM.
 */
export const textWidth = (text: string) => text.length * 7 + 4;

/** The room a y axis's labels take beside the plot: the widest label and a gap. */
export const axisWidth = (labels: readonly string[]) => Math.max(0, ...labels.map(textWidth)) + 6;

/** Where a readout of `text` centred on `x` starts, kept inside a chart `width` wide. */
export const tipLeft = (x: number, text: string, width: number) => Math.max(0, Math.min(width - textWidth(text) - 16, x - textWidth(text) / 2 - 8));
