'use client';
import { useEffect, useState, type RefObject } from 'react';

/**
 * Marks a scroll box's frame with the sides it can still scroll to, `data-overflow="start end"`,
 * so the stylesheet draws a shadow edge there: a table wider than its box shows that it goes on.
 * Script rather than CSS scroll-driven animations, which not every browser the package supports
 * has yet. Written to the DOM, not to state: a scroll must not re-render the table.
 */
export function useScrollEdges(scrollRef: RefObject<HTMLElement | null>): (frame: HTMLElement | null) => void {
  const [frame, setFrame] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const box = scrollRef.current;
    if (!frame || !box) return;
    const update = () => {
      // scrollLeft is negative right-to-left: what lies before the start is its absolute value.
      const before = Math.abs(box.scrollLeft);
      const after = box.scrollWidth - box.clientWidth - before;
      const edges = [before > 1 && 'start', after > 1 && 'end'].filter(Boolean).join(' ');
      if (edges) frame.setAttribute('data-overflow', edges);
      else frame.removeAttribute('data-overflow');
    };
    update();
    box.addEventListener('scroll', update, { passive: true });
    // Absent in jsdom, where a host's own tests may render the list.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    resize?.observe(box);
    if (box.firstElementChild) resize?.observe(box.firstElementChild);
    return () => {
      box.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [frame, scrollRef]);
  return setFrame;
}
