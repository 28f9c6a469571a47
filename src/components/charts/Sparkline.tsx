'use client';
import { linearScale } from './linearScale.js';
import { areaPath, linePath, type Point } from './paths.js';

export interface SparklineProps {
  values: readonly number[];
  /** Accessible name, e.g. "Traces over time". */
  label: string;
  /** Text read after the name, e.g. totals. */
  description?: string;
  /** @defaultValue 96 */
  width?: number;
  /** @defaultValue 24 */
  height?: number;
}

/**
 * A small line of a series over time, scaled to its own maximum.
 *
 * @selector [data-part="sparkline"]
 */
export function Sparkline({ values, label, description, width = 96, height = 24 }: SparklineProps) {
  const max = Math.max(0, ...values);
  const x = linearScale({ domain: [0, Math.max(1, values.length - 1)], range: [1, width - 1] });
  const y = linearScale({ domain: [0, max || 1], range: [height - 2, 2] });
  const points = values.map((value, index): Point => [x(index), y(value)]);
  return (
    <svg data-part="sparkline" width={width} height={height} role="img" aria-label={description ? `${label}: ${description}` : label}>
      <path d={areaPath(points, height - 2)} fill="var(--ul-sparkline-fill, var(--ul-color-accent))" fillOpacity={0.15} />
      <path d={linePath(points)} stroke="var(--ul-sparkline-stroke, var(--ul-color-accent))" strokeWidth={1.5} strokeLinecap="round" fill="none" />
    </svg>
  );
}
