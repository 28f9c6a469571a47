import axe from 'axe-core';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserDetail, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

// The stories' demo data and clock: the page a typical user's traces tab shows there.
const END = Date.parse('2026-11-30T14:00:00.000Z');
const NOW = END + 20 * 60_000;
const client = createMemoryClient(generateDemoDataset({ seed: 42, users: 150, days: 60, end: END }), { id: 'payloads' });
const typical = (await client.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, page: 10, pageSize: 1 })).items[0]!.userId;
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

async function renderTraces(width: number) {
  await page.viewport(width, 800);
  root.render(
    <UserTrackingProvider client={client} now={() => NOW}>
      <UserDetail userId={typical} getTraceHref={(id) => `/traces/${id}`} />
    </UserTrackingProvider>,
  );
  await expect.poll(() => host.querySelectorAll('[role="tabpanel"] tbody tr [data-part="user-detail-payload"]').length).toBeGreaterThan(10);
  return [...host.querySelectorAll<HTMLTableRowElement>('[role="tabpanel"] tbody tr')];
}

/** How tall a row may be for `lines` lines of its text: the cells' line height and padding. */
function rowBudget(row: HTMLTableRowElement, lines: number) {
  const cell = getComputedStyle(row.cells[0]!);
  return lines * parseFloat(cell.lineHeight) + parseFloat(cell.paddingTop) + parseFloat(cell.paddingBottom) + 2;
}

/** Places where a line breaks between two letters of one word, in every text of `element`. */
function midWordBreaks(element: Element) {
  const breaks: string[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!;
    let lastTop: number | undefined;
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const top = range.getClientRects()[0]?.top;
      if (top === undefined) continue;
      if (lastTop !== undefined && top > lastTop + 1 && /\S/.test(text[i - 1]!) && /\S/.test(text[i]!)) breaks.push(`${text.slice(Math.max(0, i - 10), i)}|${text.slice(i, i + 10)}`);
      lastTop = top;
    }
  }
  return breaks;
}

describe('the traces tab’s payloads, as Chromium lays them out', () => {
  it.each([1280, 390])('keeps every trace row one line tall, in the text font, nothing broken mid-word (%i px)', async (width) => {
    const rows = await renderTraces(width);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.getBoundingClientRect().height).toBeLessThanOrEqual(rowBudget(row, 1));
      expect(midWordBreaks(row)).toEqual([]);
    }
    const text = rows[0]!.querySelector('[data-part="user-detail-payload-text"]')!;
    // The demo's inputs are chat messages: the line reads the user's words, not JSON.
    expect(text.textContent).not.toMatch(/^[[{]/);
    expect(getComputedStyle(text).fontFamily).toBe(getComputedStyle(rows[0]!.cells[0]!).fontFamily);
  });

  it('opens a payload pretty-printed in its row, and closes it back to one line', async () => {
    const rows = await renderTraces(1280);
    const row = rows[0]!;
    const oneLine = row.getBoundingClientRect().height;
    await userEvent.click(page.getByRole('button', { name: /^Show full input of / }).first());
    const region = page.getByRole('region', { name: /^Show full input of / });
    await expect.element(region).toBeVisible();
    const lines = region.element().textContent!.split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[1]).toMatch(/^ {2}"/);
    // Its lines are laid out as lines, not collapsed into the one-line cell.
    expect(row.getBoundingClientRect().height).toBeGreaterThan(lines.length * parseFloat(getComputedStyle(region.element()).lineHeight));
    expect(midWordBreaks(region.element())).toEqual([]);
    // The open disclosure (button, region named by it, focusable scroller) passes axe.
    const { violations } = await axe.run(host.querySelector('[role="tabpanel"]')!);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await userEvent.click(page.getByRole('button', { name: /^Show full input of / }).first());
    await expect.element(region).not.toBeInTheDocument();
    expect(row.getBoundingClientRect().height).toBe(oneLine);
  });
});
