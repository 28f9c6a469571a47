import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserDetail, UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 8, users: 60, end: END });
const client = createMemoryClient(dataset, { id: 'keyboard' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

const active = () => document.activeElement as HTMLElement;
const activeRow = () => active().closest('tr')!;

async function renderList(onSelectUser = vi.fn()) {
  await page.viewport(1280, 800);
  root.render(
    <UserTrackingProvider client={client} now={() => END}>
      <UserList defaultRange={{ preset: 'all' }} onSelectUser={onSelectUser} />
    </UserTrackingProvider>,
  );
  await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(50);
  return onSelectUser;
}

describe('the user list by keyboard', () => {
  it('is one tab stop: from the first header, the pager is one Tab away', async () => {
    await renderList();
    host.querySelector<HTMLElement>('thead button')!.focus();
    let presses = 0;
    while (!active().closest('[data-part="user-list-pagination"]') && presses < 20) {
      await userEvent.keyboard('{Tab}');
      presses += 1;
    }
    expect(active().closest('[data-part="user-list-pagination"]')).not.toBeNull();
    expect(presses).toBeLessThanOrEqual(5);
    // Only one control of the table takes Tab.
    const table = host.querySelector('[role="grid"]')!;
    expect([...table.querySelectorAll('a, button, th, td')].filter((element) => (element as HTMLElement).tabIndex === 0)).toHaveLength(1);
  });

  it('moves by arrows between header, rows and the controls in a row, and comes back where it was', async () => {
    await renderList();
    host.querySelector<HTMLElement>('thead button')!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(active().getAttribute('data-part')).toBe('user-list-user-link');
    expect(activeRow().getAttribute('aria-rowindex')).toBe('2');
    await userEvent.keyboard('{ArrowRight}');
    expect(active().getAttribute('data-part')).toBe('user-list-copy');
    await userEvent.keyboard('{ArrowRight}');
    expect(active().closest('td')!.dataset.column).toBe('lastEvent');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeRow().getAttribute('aria-rowindex')).toBe('4');
    expect(active().closest('td')!.dataset.column).toBe('lastEvent');
    await userEvent.keyboard('{PageDown}');
    expect(activeRow().getAttribute('aria-rowindex')).toBe('14');
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(activeRow().getAttribute('aria-rowindex')).toBe('51');
    await userEvent.keyboard('{Home}');
    expect(active().getAttribute('data-part')).toBe('user-list-user-link');
    // Out and back in: Tab returns to the same place.
    const place = active();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(host.querySelector('[role="grid"]')!.contains(active())).toBe(false);
    await userEvent.keyboard('{Tab}');
    expect(active()).toBe(place);
  });

  it('opens the user on Enter from any cell of the row, and sorts on Enter in the header', async () => {
    const onSelectUser = await renderList();
    host.querySelector<HTMLElement>('thead button')!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(active().tagName).toBe('TD');
    const userId = activeRow().querySelector('[data-part="user-list-user-id-text"]')!.textContent;
    await userEvent.keyboard('{Enter}');
    expect(onSelectUser).toHaveBeenCalledWith(userId, expect.objectContaining({ range: expect.anything() }));

    await userEvent.keyboard('{Control>}{Home}{/Control}{ArrowRight}');
    expect(active().closest('th')!.dataset.column).toBe('lastEvent');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => host.querySelector('th[data-column="lastEvent"]')!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows where focus is: the focused cell has a ring of the focus colour', async () => {
    await renderList();
    host.querySelector<HTMLElement>('thead button')!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}{ArrowRight}');
    const style = getComputedStyle(active());
    expect(style.outlineStyle).toBe('solid');
    expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
    const probe = host.querySelector('[data-part="user-list"]')!.appendChild(document.createElement('span'));
    probe.style.color = 'var(--ul-color-focus)';
    expect(style.outlineColor).toBe(getComputedStyle(probe).color);
    probe.remove();
  });
});

describe('the user page’s history tables by keyboard', () => {
  it('are one tab stop each: from the traces’ first header, the pager is one Tab away, rows by arrows', async () => {
    await page.viewport(1280, 800);
    const counts = new Map<string, number>();
    for (const trace of dataset.traces) if (trace.userId) counts.set(trace.userId, (counts.get(trace.userId) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} getTraceHref={(id) => `#${id}`} />
      </UserTrackingProvider>,
    );
    const grid = page.getByRole('grid', { name: 'traces' });
    await expect.poll(() => grid.element().querySelectorAll('tbody tr').length).toBeGreaterThan(10);
    grid.element().querySelector<HTMLElement>('thead button')!.focus();
    let presses = 0;
    while (!active().closest('[data-part="user-detail-pagination"]') && presses < 20) {
      await userEvent.keyboard('{Tab}');
      presses += 1;
    }
    expect(presses).toBeLessThanOrEqual(2);
    grid.element().querySelector<HTMLElement>('thead button')!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeRow().rowIndex).toBe(2);
  });
});

describe('the grid keeps a place for focus', () => {
  it('moves its stop to a shown cell when a narrow container hides the one it was on', async () => {
    await renderList();
    host.querySelector<HTMLElement>('thead button')!.focus();
    await userEvent.keyboard('{ArrowDown}{End}');
    expect(active().closest('td')!.dataset.column).toBe('trend');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    host.style.width = '390px';
    const grid = host.querySelector('[role="grid"]')!;
    await expect.poll(() => [...grid.querySelectorAll<HTMLElement>('[tabindex="0"]')].filter((element) => element.getClientRects().length > 0)).toHaveLength(1);
    await userEvent.keyboard('{Tab}');
    expect(grid.contains(active())).toBe(true);
    host.style.width = '';
  });

  it('moves its stop to a shown cell when a new sort stacks away the column it was on, in rows kept in place', async () => {
    await page.viewport(390, 800);
    const view = (field: 'lastEvent' | 'errorCount') => (
      <UserTrackingProvider client={client} now={() => END}>
        <UserList defaultRange={{ preset: 'all' }} sorting={{ field, direction: 'desc' }} onSortingChange={() => {}} showDistribution={false} />
      </UserTrackingProvider>
    );
    root.render(view('lastEvent'));
    await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(50);
    const grid = host.querySelector('[role="grid"]')!;
    // In a narrow container each row shows the user and three figures: here the traces are one of them.
    const traces = grid.querySelector<HTMLElement>('tbody tr[aria-rowindex="2"] td[data-column="traceCount"]')!;
    expect(traces.getClientRects().length).toBeGreaterThan(0);
    traces.tabIndex = -1;
    traces.focus();
    expect(traces.tabIndex).toBe(0);
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(grid.contains(active())).toBe(false);

    // Sorted by errors, the traces give their place to the errors: the same cell, hidden.
    root.render(view('errorCount'));
    await expect.poll(() => traces.hasAttribute('data-stack')).toBe(false);
    expect(traces.isConnected).toBe(true);
    expect(traces.getClientRects()).toHaveLength(0);
    await expect.poll(() => [...grid.querySelectorAll<HTMLElement>('[tabindex="0"]')].filter((element) => element.getClientRects().length > 0)).toHaveLength(1);
    await userEvent.keyboard('{Tab}');
    expect(grid.contains(active())).toBe(true);
    expect(active().getClientRects().length).toBeGreaterThan(0);
  });

  it('follows to the grid’s stop when the focused row is removed, instead of dropping to the page', async () => {
    const { rerender, userIds } = await renderSearchable();
    host.querySelector<HTMLElement>('thead button')!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowRight}{ArrowRight}');
    expect(activeRow().getAttribute('aria-rowindex')).toBe('4');
    rerender(userIds[0]!);
    await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(1);
    await expect.poll(() => host.querySelector('[role="grid"]')!.contains(active())).toBe(true);
  });
});

async function renderSearchable() {
  await page.viewport(1280, 800);
  const view = (search: string) => (
    <UserTrackingProvider client={client} now={() => END}>
      <UserList defaultRange={{ preset: 'all' }} search={search} onSearchChange={() => {}} showDistribution={false} />
    </UserTrackingProvider>
  );
  root.render(view(''));
  await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(50);
  const userIds = [...host.querySelectorAll('[data-part="user-list-user-id-text"]')].map((element) => element.textContent!);
  return { rerender: (search: string) => root.render(view(search)), userIds };
}
