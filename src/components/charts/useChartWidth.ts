'use client';
import { useEffect, useLayoutEffect, useState } from 'react';

// Measured before the browser paints, so a narrow container never shows the fallback width (a
// 720 px chart sliding a phone's page sideways); a server has no layout and skips it.
const useBeforePaint = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * The width in pixels of the element given to the returned ref, followed as it resizes; `fallback`
 * until it is measured (on the server, without `ResizeObserver`, or while hidden). Charts draw at
 * their real size, so labels keep their type size and dots stay round in any container.
 *
 * @example
 * const [width, measure] = useChartWidth(640);
 * <div ref={measure}><svg width={width} height={160}>…</svg></div>
 */
export function useChartWidth(fallback: number): [number, (element: HTMLElement | null) => void] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useBeforePaint(() => {
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [width || fallback, setElement];
}
