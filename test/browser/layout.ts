/** Layout checks the browser tests share: what a reader sees, measured on the page. */

export const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';

/** Elements in `cell` whose text runs past their box without an ellipsis to say so. */
export function clippedWithoutEllipsis(cell: Element): Element[] {
  return [cell, ...cell.querySelectorAll('*')].filter((element) => {
    if (!shown(element) || element.closest('[data-part="visually-hidden"], svg')) return false;
    const style = getComputedStyle(element);
    // Visually hidden texts (for screen readers) are clipped to a pixel on purpose.
    if ((element as HTMLElement).offsetWidth <= 1) return false;
    const clips = style.overflowX !== 'visible';
    return clips && element.scrollWidth > element.clientWidth + 1 && style.textOverflow !== 'ellipsis';
  });
}
