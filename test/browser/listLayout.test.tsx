import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';
import { clippedWithoutEllipsis, renderListInPanel, shown } from './layout.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 8, users: 120, end: END }), { id: 'list-layout' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

const renderInPanel = (viewport: [number, number], sidebar: number) =>
  renderListInPanel(root, host, { viewport, sidebar, provider: { client, now: () => END } });

describe('the user list at 1280 px beside a 240 px sidebar', () => {
  it('fits its default columns in the content area, and cuts long text only with an ellipsis', async () => {
    await renderInPanel([1280, 800], 240);
    const scroll = host.querySelector<HTMLElement>('[data-part="user-list-scroll"]')!;
    expect(scroll.clientWidth).toBeLessThanOrEqual(1000);
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    const cells = [...host.querySelectorAll('[data-part="user-list-scroll"] :is(th, td)')];
    expect(cells.length).toBeGreaterThan(300);
    expect(cells.flatMap(clippedWithoutEllipsis).map((element) => element.textContent)).toEqual([]);
    // Long ids and several scores are cut: the ellipsis is really in use.
    const cut = cells.flatMap((cell) => [...cell.querySelectorAll('*')]).filter((element) => element.scrollWidth > element.clientWidth + 1);
    expect(cut.length).toBeGreaterThan(0);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(1280);
  });

  it('shows an edge where the table goes on sideways, and at the start once scrolled', async () => {
    await renderInPanel([1280, 800], 560);
    const frame = host.querySelector<HTMLElement>('[data-part="user-list-scroll-frame"]')!;
    const scroll = host.querySelector<HTMLElement>('[data-part="user-list-scroll"]')!;
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
    await expect.poll(() => frame.dataset.overflow).toBe('end');
    await expect.poll(() => getComputedStyle(frame, '::after').opacity).toBe('1');
    scroll.scrollLeft = scroll.scrollWidth;
    await expect.poll(() => frame.dataset.overflow).toBe('start');
    await expect.poll(() => getComputedStyle(frame, '::after').opacity).toBe('0');
  });
});

describe('the user list on a 390 px phone', () => {
  it('stacks each user: the id on one line, the sorted figure and two more under headers that line up', async () => {
    await renderInPanel([390, 844], 0);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    const scroll = host.querySelector<HTMLElement>('[data-part="user-list-scroll"]')!;
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    const header = [...host.querySelectorAll('[data-part="user-list-scroll"] thead th')].filter(shown).map((th) => (th as HTMLElement).dataset.column);
    expect(header).toEqual(['userId', 'lastEvent', 'traceCount', 'totalCost']);
    for (const row of [...host.querySelectorAll('[data-part="user-list-row"]')].slice(0, 10)) {
      const cells = [...row.children].filter(shown);
      expect(cells.map((cell) => (cell as HTMLElement).dataset.column)).toEqual(header);
      const [id, ...figures] = cells.map((cell) => cell.getBoundingClientRect());
      // The id spans the card; the figures sit side by side beneath it, in their headers' columns.
      expect(figures.every((box) => box.top >= id!.bottom - 1)).toBe(true);
      expect(new Set(figures.map((box) => Math.round(box.top))).size).toBe(1);
    }
    const headerBoxes = [...host.querySelectorAll('[data-part="user-list-scroll"] thead th')].filter(shown).slice(1).map((th) => th.getBoundingClientRect().left);
    const cellBoxes = [...host.querySelector('[data-part="user-list-row"]')!.children].filter(shown).slice(1).map((td) => td.getBoundingClientRect().left);
    expect(cellBoxes.map(Math.round)).toEqual(headerBoxes.map(Math.round));
  });

  it('keeps the figure sorted by among the three', async () => {
    await page.viewport(390, 844);
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserList
          defaultRange={{ preset: 'all' }}
          defaultColumns={['userId', 'lastEvent', 'traceCount', 'totalCost', 'latencyP95']}
          defaultSorting={{ field: 'latencyP95', direction: 'desc' }}
        />
      </UserTrackingProvider>,
    );
    await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(50);
    const header = [...host.querySelectorAll('[data-part="user-list-scroll"] thead th')].filter(shown).map((th) => (th as HTMLElement).dataset.column);
    expect(header).toEqual(['userId', 'lastEvent', 'totalCost', 'latencyP95']);
  });

  it('folds the toolbar behind one button and keeps the pager on one line', async () => {
    await renderInPanel([390, 844], 0);
    const toolbar = host.querySelector('[data-part="user-list-toolbar"]')!;
    const controls = () => [...toolbar.children].filter(shown).map((child) => child.getAttribute('data-part'));
    expect(controls()).toEqual(['user-list-search', 'user-list-toolbar-toggle']);
    const toggle = page.getByRole('button', { name: 'Options' });
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(controls()).toContain('date-range');
    expect(controls()).toContain('user-list-refresh');
    await expect.element(page.getByRole('combobox', { name: 'Date range' })).toBeVisible();

    const pager = host.querySelector('[data-part="user-list-pagination"]')!;
    const tops = [...pager.children].filter(shown).map((child) => child.getBoundingClientRect());
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...tops.map((box) => box.bottom)) - Math.min(...tops.map((box) => box.top))).toBeLessThan(48);
    expect(Math.max(...tops.map((box) => box.right))).toBeLessThanOrEqual(pager.getBoundingClientRect().right + 0.5);
  });

  it('gives the wide layout back when the container is wide again, whatever the viewport', async () => {
    await renderInPanel([390, 844], 0);
    expect([...host.querySelectorAll('[data-part="user-list-scroll"] thead th')].filter(shown)).toHaveLength(4);
    host.querySelector<HTMLElement>('main')!.style.minWidth = '1100px';
    await expect.poll(() => [...host.querySelectorAll('[data-part="user-list-scroll"] thead th')].filter(shown).length).toBe(8);
    host.querySelector<HTMLElement>('main')!.style.minWidth = '0';
  });
});
