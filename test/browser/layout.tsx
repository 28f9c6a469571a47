import type { Root } from 'react-dom/client';
import { expect } from 'vitest';
import { page } from 'vitest/browser';
import { UserList, UserTrackingProvider, type UserTrackingProviderProps } from '../../src/index.ts';

/** Layout checks the browser tests share: what a reader sees, measured on the page. */

/**
 * The list in an admin page at `viewport`: a `sidebar` px wide (none at 0) and a content area
 * that takes the rest, in a flex row. Resolves once the first page's rows and their trend
 * sparklines (the figures that load after the rows) are in.
 */
export async function renderListInPanel(
  root: Root,
  host: HTMLElement,
  options: { viewport: [number, number]; sidebar: number; provider: Omit<UserTrackingProviderProps, 'children'> },
) {
  await page.viewport(...options.viewport);
  document.body.style.margin = '0';
  root.render(
    <div style={{ display: 'flex' }}>
      {options.sidebar > 0 && <nav style={{ width: options.sidebar, flex: 'none' }}>Admin</nav>}
      <main style={{ flex: 1, minWidth: 0, padding: 20 }}>
        <UserTrackingProvider {...options.provider}>
          <UserList defaultRange={{ preset: 'all' }} getUserHref={(id) => `/users/${id}`} />
        </UserTrackingProvider>
      </main>
    </div>,
  );
  await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(50);
  await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"] svg').length).toBeGreaterThan(10);
}

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
