import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserDetail, UserTrackingProvider, createMemoryClient, type Dictionary } from '../../src/index.ts';
import { de } from '../../src/i18n/locales/de.ts';
import { zhCN } from '../../src/i18n/locales/zh-CN.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';
import { clippedWithoutEllipsis, renderListInPanel, shown } from './layout.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 8, users: 120, end: END });
const client = createMemoryClient(dataset, { id: 'languages' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

const busiest = (await client.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1, range: {} })).items[0]!.userId;

/** Every word the data itself holds (ids, names, tags, models, score names and comments): not text to translate. */
const DATA_WORDS = new Set<string>();
(function collect(value: unknown, key = ''): void {
  if (key === 'input' || key === 'output') return; // payloads show only in their own cells, skipped below
  if (typeof value === 'string') for (const word of value.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) DATA_WORDS.add(word);
  else if (Array.isArray(value)) value.forEach((item) => collect(item));
  else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) collect(item, name);
})(dataset);
/** Latin words a Chinese product shows as they are; “input” and “output” are usage keys the figure help quotes. */
const KEPT = new Set(['Token', 'API', 'ID', 'CSV', 'JSON', 'P50', 'P95', 'UTC', 'US', 'input', 'output']);

/** The Latin words on screen, in text and in what a screen reader reads, that are neither data nor kept terms. */
function untranslated(): string[] {
  const texts: string[] = [];
  // The whole page, for menus open in a layer of their own; the host's sidebar and payloads aside.
  const skipped = (element: Element | null) => Boolean(element?.closest('[data-part^="user-detail-payload"], nav:not([data-part]), style, script'));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!skipped(node.parentElement)) texts.push(node.textContent ?? '');
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (skipped(element)) continue;
    for (const name of ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) ?? '');
  }
  const words = texts.flatMap((text) => text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []);
  return [...new Set(words.filter((word) => !DATA_WORDS.has(word) && !KEPT.has(word)))];
}

const renderList = (locale: string, viewport: [number, number], dictionary?: Dictionary) =>
  renderListInPanel(root, host, { viewport, sidebar: viewport[0] > 600 ? 240 : 0, provider: { client, now: () => END, locale, dictionary, timeZone: 'UTC' } });

async function renderDetail(locale: string, viewport: [number, number]) {
  await page.viewport(...viewport);
  document.body.style.margin = '0';
  root.render(
    <main style={{ padding: 20 }}>
      <UserTrackingProvider client={client} now={() => END} locale={locale} timeZone="UTC">
        <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} listHref="/users" getTraceHref={(id) => `/traces/${id}`} />
      </UserTrackingProvider>
    </main>,
  );
  await expect.poll(() => host.querySelectorAll('[data-part="user-detail-stat"]').length).toBeGreaterThan(5);
  await expect.poll(() => host.querySelectorAll('[data-part="user-detail-stats"] [data-part="skeleton"]').length).toBe(0);
  await expect.poll(() => host.querySelectorAll('[role="tabpanel"] tbody tr').length).toBeGreaterThan(1);
}

describe('the list and the user page in Chinese', () => {
  it('leave no English on the list, its menus and its chart', async () => {
    await renderList('zh-CN', [1280, 900]);
    expect(host.querySelector('[data-part="user-list-table"] th')?.textContent).not.toMatch(/User/);
    for (const part of ['user-list-filters', 'user-list-columns']) {
      const button = host.querySelector<HTMLElement>(`[data-part="${part}"] button, button[data-part="${part}"]`)!;
      await userEvent.click(button);
      expect(untranslated()).toEqual([]);
      await userEvent.keyboard('{Escape}');
    }
    expect(untranslated()).toEqual([]);
  });

  it('leave no English on the user page, tab by tab', async () => {
    await renderDetail('zh-Hans-CN', [1280, 900]);
    expect(untranslated()).toEqual([]);
    const tabs = [...host.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent)).toEqual([zhCN.tabTraces, zhCN.tabSessions, zhCN.tabScores]);
    for (const tab of tabs.slice(1)) {
      await userEvent.click(tab);
      await expect.poll(() => host.querySelectorAll('[role="tabpanel"] tbody tr').length).toBeGreaterThan(1);
      expect(untranslated()).toEqual([]);
    }
  });
});

describe.each([
  ['German', 'de-DE', de],
  ['Chinese', 'zh-CN', zhCN],
])('the layout in %s', (_, locale, texts) => {
  it('keeps the default columns within 1000 px beside a sidebar, cutting text only with an ellipsis', async () => {
    await renderList(locale, [1280, 800], texts);
    expect(host.querySelector('[data-part="user-list-table"] thead')!.textContent).toContain(texts.columnCost);
    const scroll = host.querySelector<HTMLElement>('[data-part="user-list-scroll"]')!;
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    const cells = [...host.querySelectorAll('[data-part="user-list-scroll"] :is(th, td), [data-part="user-list-toolbar"], [data-part="user-list-pagination"]')];
    expect(cells.flatMap(clippedWithoutEllipsis).map((element) => element.textContent)).toEqual([]);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(1280);
  });

  it('fits a 390 px phone: no sideways scroll, the pager on one line', async () => {
    await renderList(locale, [390, 844], texts);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    const pager = host.querySelector('[data-part="user-list-pagination"]')!;
    const boxes = [...pager.children].filter(shown).map((child) => child.getBoundingClientRect());
    expect(Math.max(...boxes.map((box) => box.bottom)) - Math.min(...boxes.map((box) => box.top))).toBeLessThan(48);
    expect(host.querySelectorAll('[data-part="user-list-scroll"] :is(th, td)').length).toBeGreaterThan(100);
    expect([...host.querySelectorAll('[data-part="user-list-scroll"] :is(th, td)')].flatMap(clippedWithoutEllipsis).map((element) => element.textContent)).toEqual([]);
  });

  it('fits the user page at 1280 and 390 px, its figures and tabs whole', async () => {
    for (const viewport of [
      [1280, 900],
      [390, 844],
    ] as const) {
      root.render(null);
      await renderDetail(locale, [...viewport]);
      expect(host.querySelector('[data-part="user-detail-stats"]')!.textContent).toContain(texts.statCost);
      // The charts take their width from a resize observer, a frame after the render.
      await expect.poll(() => document.documentElement.scrollWidth).toBeLessThanOrEqual(viewport[0]);
      const parts = [...host.querySelectorAll('[data-part="user-detail-stat"], [role="tab"], [data-part="user-detail-header"], [data-part="user-detail-controls"]')];
      expect(parts.flatMap(clippedWithoutEllipsis).map((element) => element.textContent)).toEqual([]);
    }
  });
});
