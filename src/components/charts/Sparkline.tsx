'use client';
import { scaleLinear } from '@visx/scale';
import { AreaClosed, LinePath } from '@visx/shape';

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
 * A small line of a series over time (visx), scaled to its own maximum.
 *
 * @selector [data-part="sparkline"]
 */
export function Sparkline({ values, label, description, width = 96, height = 24 }: SparklineProps) {
  const max = Math.max(0, ...values);
  const x = scaleLinear<number>({ domain: [0, Math.max(1, values.length - 1)], range: [1, width - 1] });
  const y = scaleLinear<number>({ domain: [0, max || 1], range: [height - 2, 2] });
  const points = values.map((value, index) => ({ index, value }));
  return (
    <svg data-part="sparkline" width={width} height={height} role="img" aria-label={description ? `${label}: ${description}` : label}>
      <AreaClosed
        data={points}
        x={(d) => x(d.index)}
        y={(d) => y(d.value)}
        yScale={y}
        fill="var(--ul-sparkline-fill, var(--ul-color-accent))"
        fillOpacity={0.15}
      />
      <LinePath
        data={points}
        x={(d) => x(d.index)}
        y={(d) => y(d.value)}
        stroke="var(--ul-sparkline-stroke, var(--ul-color-accent))"
        strokeWidth={1.5}
        fill="none"
      />
    </svg>
  );
}
