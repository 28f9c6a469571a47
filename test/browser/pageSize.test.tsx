import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { UserDetail, UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 8, users: 120, end: END });
const client = createMemoryClient(dataset, { id: 'page-size' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

describe('the page around the list', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('at %i px is no taller than the list and no wider than the viewport: nothing escapes the table’s scroll box', async (width, height) => {
    await page.viewport(width, height);
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserList defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 100 }} />
      </UserTrackingProvider>,
    );
    await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(100);
    const list = host.querySelector<HTMLElement>('[data-part="user-list"]')!;
    const bottom = list.getBoundingClientRect().bottom + window.scrollY;
    const document = window.document.documentElement;
    expect(document.scrollWidth).toBeLessThanOrEqual(width);
    expect(document.scrollHeight).toBeLessThanOrEqual(Math.ceil(bottom) + 40);
  });
});

describe('the page around one user’s page', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('at %i px is no wider than the viewport, and no taller than its content', async (width, height) => {
    await page.viewport(width, height);
    const counts = new Map<string, number>();
    for (const trace of dataset.traces) if (trace.userId) counts.set(trace.userId, (counts.get(trace.userId) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} />
      </UserTrackingProvider>,
    );
    await expect.poll(() => host.querySelectorAll('[role="grid"] tbody tr').length).toBeGreaterThan(10);
    await expect.poll(() => host.querySelectorAll('[data-part="chart-axis"]').length).toBeGreaterThan(1);
    const detail = host.querySelector<HTMLElement>('[data-part="user-detail"]')!;
    const bottom = detail.getBoundingClientRect().bottom + window.scrollY;
    const document = window.document.documentElement;
    expect(document.scrollWidth).toBeLessThanOrEqual(width);
    expect(document.scrollHeight).toBeLessThanOrEqual(Math.ceil(bottom) + 40);
    // The traces table, wider than its box on a phone, says so with an edge.
    const frame = host.querySelector<HTMLElement>('[data-part="user-detail-scroll-frame"]')!;
    const box = frame.firstElementChild!;
    await expect.poll(() => frame.dataset.overflow === 'end').toBe(box.scrollWidth > box.clientWidth);
    if (width === 390) expect(frame.dataset.overflow).toBe('end');
  });
});
