'use client';
import { Component, lazy, Suspense, useState, type ComponentType, type CSSProperties, type LazyExoticComponent, type ReactNode, type Ref } from 'react';
import { useLabels } from '../../provider/UserTrackingProvider.js';
import { ErrorState, Skeleton } from '../Status/Status.js';

type ChartModule<P> = () => Promise<{ default: ComponentType<P> }>;

// One lazy component per chart module; a retry after a failed load makes a fresh one, since a
// lazy component keeps the rejection it got.
const loaded = new Map<unknown, unknown>();
function lazyChart<P>(load: ChartModule<P>): LazyExoticComponent<ComponentType<P>> {
  if (!loaded.has(load)) loaded.set(load, lazy(load));
  return loaded.get(load) as LazyExoticComponent<ComponentType<P>>;
}

interface LazyChartProps<P> {
  load: ChartModule<P>;
  /** The part's name, on the placeholder and the error in its place. */
  part: string;
  props: P & { className?: string; style?: CSSProperties };
  chartRef: Ref<unknown>;
}

/**
 * A chart whose module loads on first render, beside the data it waits for: a placeholder with
 * the part's name, class and style meanwhile; if the module cannot load (offline, a deploy that
 * replaced it) or the chart fails to draw, an error with a retry in its place, not a blank page.
 */
export function LazyChart<P>({ load, part, props, chartRef }: LazyChartProps<P>) {
  const labels = useLabels();
  const [attempt, setAttempt] = useState(0);
  const Chart = lazyChart(load) as unknown as ComponentType<P & { ref: Ref<unknown> }>;
  return (
    <ChartBoundary
      key={attempt}
      fallback={(error, retry) => <ErrorState data-part={part} error={error} subject={labels.subjectChart} onRetry={retry} />}
      onRetry={() => {
        loaded.delete(load);
        setAttempt(attempt + 1);
      }}
    >
      <Suspense
        fallback={
          <div data-part={part} aria-busy="true" className={props.className} style={props.style}>
            <Skeleton width="100%" style={{ height: 120 }} />
          </div>
        }
      >
        <Chart {...props} ref={chartRef} />
      </Suspense>
    </ChartBoundary>
  );
}

interface BoundaryProps {
  fallback: (error: unknown, retry: () => void) => ReactNode;
  onRetry: () => void;
  children: ReactNode;
}

/** React catches render and load errors only in a class component. */
class ChartBoundary extends Component<BoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.props.onRetry) : this.props.children;
  }
}
