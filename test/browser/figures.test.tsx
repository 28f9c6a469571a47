import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { UserDetail, UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 8, users: 40, end: END });
const client = createMemoryClient(dataset, { id: 'figures' });
const traceCounts = new Map<string, number>();
for (const trace of dataset.traces) if (trace.userId) traceCounts.set(trace.userId, (traceCounts.get(trace.userId) ?? 0) + 1);
const busiest = [...traceCounts].sort((a, b) => b[1] - a[1])[0]![0];
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

/** Every cell marked as a figure, with how it is laid out. */
const figureCells = (within: Element) =>
  [...within.querySelectorAll<HTMLElement>('td[data-numeric], th[data-numeric]')].map((cell) => getComputedStyle(cell));

describe('figures in tables, as the browser lays them out', () => {
  it('align to the end with tabular digits in the user page’s tables', async () => {
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} />
      </UserTrackingProvider>,
    );
    await expect.element(page.getByRole('tabpanel').getByRole('row').nth(3)).toBeInTheDocument();
    const cells = figureCells(host.querySelector('[data-part="user-detail"]')!);
    expect(cells.length).toBeGreaterThan(20);
    expect(new Set(cells.map((style) => style.textAlign))).toEqual(new Set(['end']));
    expect(cells.every((style) => style.fontVariantNumeric.includes('tabular-nums'))).toBe(true);
  });

  it('align to the end in the user list', async () => {
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserList defaultRange={{ preset: 'all' }} showDistribution={false} />
      </UserTrackingProvider>,
    );
    await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBeGreaterThan(5);
    const cells = figureCells(host.querySelector('[role="grid"]')!);
    expect(cells.length).toBeGreaterThan(20);
    expect(new Set(cells.map((style) => style.textAlign))).toEqual(new Set(['end']));
  });

  it('draws the user page’s links in the theme’s accent, not the browser’s default blue', async () => {
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} listHref="/users" getTraceHref={(id) => `/traces/${id}`} />
      </UserTrackingProvider>,
    );
    await expect.element(page.getByRole('tabpanel').getByRole('row').nth(3)).toBeInTheDocument();
    const detail = host.querySelector<HTMLElement>('[data-part="user-detail"]')!;
    const probe = detail.appendChild(document.createElement('span'));
    probe.style.color = 'var(--ul-color-accent)';
    const accent = getComputedStyle(probe).color;
    const links = [...detail.querySelectorAll('a')].map((link) => getComputedStyle(link).color);
    expect(links.length).toBeGreaterThan(5);
    expect(new Set(links)).toEqual(new Set([accent]));
  });
});
