'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ReactNode, RefObject } from 'react';
import { SpacerRow } from './SpacerRow.js';

export interface VirtualRowsProps {
  count: number;
  /** The scroll box the rows live in. */
  scrollRef: RefObject<HTMLElement | null>;
  estimatedRowHeight: number;
  /** Columns, for the spacer rows' `colSpan`. */
  columnCount: number;
  /** Renders row `index`; `measure` goes on the row's `ref` (with `data-index`) so a row taller than estimated, as in the stacked layout, keeps its place. */
  renderRow: (index: number, measure: (row: Element | null) => void) => ReactNode;
}

/**
 * The rows of a long page that are in view (TanStack Virtual), between two spacer rows that
 * keep the scroll height. Its own module, loaded only when a page passes the threshold, so a
 * host whose pages stay short never downloads the virtualiser.
 */
export default function VirtualRows({ count, scrollRef, estimatedRowHeight, columnCount, renderRow }: VirtualRowsProps) {
  // TanStack Virtual hands back fresh measurements through stable functions, so this component
  // must re-render as a whole (it is not memoised by the React Compiler).
  // eslint-disable-next-line react-hooks/incompatible-library -- re-rendered whole, as said above
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    // Mounted after the first rows stood in: start where the reader may have scrolled to already.
    initialOffset: () => scrollRef.current?.scrollTop ?? 0,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <>
      {padTop > 0 && <SpacerRow height={padTop} columnCount={columnCount} />}
      {items.map((item) => renderRow(item.index, virtualizer.measureElement))}
      {padBottom > 0 && <SpacerRow height={padBottom} columnCount={columnCount} />}
    </>
  );
}
