import { axisWidth, textWidth } from './ticks.js';

/** A labelled place on an axis: `at` in pixels from the axis's start (left, or top). */
export interface Tick {
  at: number;
  label: string;
}

export interface AxisProps {
  /** `x` runs along the bottom of the plot, labels below; `y` up its left, labels before it. */
  axis: 'x' | 'y';
  ticks: readonly Tick[];
  /** The plot's width: x keeps its end labels inside it, y draws its grid lines across it. */
  size: number;
  /** The unit, read above a y axis, e.g. "traces". */
  title?: string;
  /** Where the axis starts, e.g. `translate(40,12)`. */
  transform?: string;
}

/**
 * An axis of text labels with tick marks (x) or grid lines (y), hidden from screen readers: the
 * chart names its own parts and has a table beside it.
 *
 * @selector [data-part="chart-axis"][data-axis="x|y"] [data-part="chart-axis-title"]
 */
export function Axis({ axis, ticks, size, title, transform }: AxisProps) {
  const labelsWidth = axisWidth(ticks.map((tick) => tick.label));
  return (
    <g data-part="chart-axis" data-axis={axis} transform={transform} aria-hidden>
      {title && (
        <text data-part="chart-axis-title" x={-labelsWidth} y={-10}>
          {title}
        </text>
      )}
      {ticks.map(({ at, label }) => {
        if (axis === 'y') {
          return (
            <g key={at} transform={`translate(0,${at})`}>
              <line x2={size} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {label}
              </text>
            </g>
          );
        }
        // A label that would hang over either end of the plot starts or ends at its tick instead.
        const half = textWidth(label) / 2;
        return (
          <g key={at} transform={`translate(${at},0)`}>
            <line y2={4} />
            <text y={17} textAnchor={at < half ? 'start' : at > size - half ? 'end' : 'middle'}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
