import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { UserDetail, UserTrackingProvider, createMemoryClient, figureHelpEnUS } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';
import { axNodeOf } from './accessibility.ts';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 8, users: 12, end: END }), { id: 'figure-help' });
const busiest = (await client.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, page: 1, pageSize: 1 })).items[0]!.userId;
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

const FIGURES = ['Traces', 'Observations', 'Sessions', 'Input tokens', 'Output tokens', 'Total tokens', 'Cost', 'Errors', 'Latency p50', 'Latency p95', 'Active period'];

async function renderPage() {
  root.render(
    <UserTrackingProvider client={client} now={() => END}>
      <UserDetail userId={busiest} defaultRange={{ preset: 'all' }} />
    </UserTrackingProvider>,
  );
  await expect.element(page.getByRole('button', { name: 'About Traces' })).toBeInTheDocument();
  await expect.poll(() => host.querySelector('[data-part="user-detail-stats"] [data-part="skeleton"]')).toBeNull();
}

const helpButton = (figure: string) => page.getByRole('button', { name: `About ${figure}`, exact: true });
/** The help a button is described by, found as a screen reader finds it. */
const helpOf = (figure: string) => document.getElementById(helpButton(figure).element().getAttribute('aria-describedby')!)!;
/** The figure's name (the `dt`), which holds its button and its help. */
const termOf = (figure: string) => helpButton(figure).element().closest('dt')!;
const openHelps = () => [...host.querySelectorAll<HTMLElement>('[role="tooltip"]')].filter((tip) => tip.checkVisibility());

/** A finger's tap at a point of `element` (its centre by default), through Chromium's own touch input. */
async function tap(element: Element, offset?: { x: number; y: number }) {
  const box = element.getBoundingClientRect();
  // The test page is an iframe, drawn scaled inside the runner's page, where CDP's points are.
  const frame = window.frameElement?.getBoundingClientRect() ?? { left: 0, top: 0, width: window.innerWidth };
  const scale = frame.width / window.innerWidth;
  const x = frame.left + (box.left + (offset?.x ?? box.width / 2)) * scale;
  const y = frame.top + (box.top + (offset?.y ?? box.height / 2)) * scale;
  await cdp().send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp().send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('UserDetail.Stats — figure help', () => {
  it('opens on a finger’s tap on the icon or on the figure’s name; a tap elsewhere closes it', async () => {
    await cdp().send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    try {
      await page.viewport(390, 844);
      await renderPage();
      const pointers: string[] = [];
      document.addEventListener('pointerdown', (event) => pointers.push(event.pointerType), { capture: true });

      await tap(helpButton('Input tokens').element());
      await expect.element(page.getByRole('tooltip')).toBeVisible();
      expect(helpOf('Input tokens').checkVisibility()).toBe(true);
      expect(pointers).toEqual(['touch']);

      // Off the icon, on the name: "Cost" itself opens Cost's help and closes the other.
      const cost = termOf('Cost');
      await tap(cost, { x: 4, y: cost.getBoundingClientRect().height / 2 });
      expect(document.elementFromPoint(cost.getBoundingClientRect().left + 4, cost.getBoundingClientRect().top + 8)).toBe(cost);
      await expect.poll(openHelps).toEqual([helpOf('Cost')]);

      await tap(page.getByRole('heading', { level: 2 }).element());
      await expect.poll(openHelps).toEqual([]);
      expect(pointers).toEqual(['touch', 'touch', 'touch']);
    } finally {
      await cdp().send('Emulation.setTouchEmulationEnabled', { enabled: false });
    }
  });

  it('gives the icon a target of at least 24 by 24 px, in the same room as before', async () => {
    await page.viewport(390, 844);
    await renderPage();
    const button = helpButton('Traces').element().getBoundingClientRect();
    const icon = helpButton('Traces').element().querySelector('svg')!.getBoundingClientRect();
    expect(Math.min(button.width, button.height)).toBeGreaterThanOrEqual(24);
    // The name's line is as tall as the icon's 14 px drawing needs: the padding is drawn outwards.
    const term = helpButton('Traces').element().closest('dt')!.getBoundingClientRect();
    expect(term.height).toBeLessThan(24);
    expect(icon.width).toBe(14);
  });

  it('opens on a click and stays while the pointer moves onto its text; Escape or a click elsewhere closes it', async () => {
    await page.viewport(1280, 800);
    await renderPage();
    await userEvent.click(helpButton('Cost'));
    await expect.poll(openHelps).toEqual([helpOf('Cost')]);
    await userEvent.hover(helpOf('Cost'));
    await expect.poll(openHelps).toEqual([helpOf('Cost')]);
    await userEvent.keyboard('{Escape}');
    await expect.poll(openHelps).toEqual([]);

    await userEvent.click(helpButton('Errors'));
    await expect.poll(openHelps).toEqual([helpOf('Errors')]);
    await userEvent.click(page.getByRole('heading', { level: 2 }));
    await expect.poll(openHelps).toEqual([]);
  });

  it('shows on mouse hover, stays while the pointer is on its text (WCAG 1.4.13), hides when it leaves', async () => {
    await page.viewport(1280, 800);
    await renderPage();
    // On the name's text, not the icon.
    await userEvent.hover(page.elementLocator(termOf('Latency p95')), { position: { x: 4, y: 8 } });
    await expect.poll(openHelps).toEqual([helpOf('Latency p95')]);
    await userEvent.hover(helpOf('Latency p95'));
    await expect.poll(openHelps).toEqual([helpOf('Latency p95')]);
    await userEvent.hover(page.getByRole('heading', { level: 2 }));
    await expect.poll(openHelps).toEqual([]);
  });

  it('keeps a help that runs past the viewport’s edge inside it', async () => {
    await page.viewport(390, 844);
    await renderPage();
    // On a phone the figures sit two a row: the second column's help is the one that would overflow.
    for (const figure of ['Sessions', 'Input tokens', 'Latency p95']) {
      await userEvent.click(helpButton(figure));
      const box = helpOf(figure).getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    }
  });

  it('costs one Tab across the eleven figures; arrow keys, Home and End move between them, each help shown on focus', async () => {
    await page.viewport(1280, 800);
    await renderPage();
    const stats = host.querySelector('[data-part="user-detail-stats"]')!;
    expect(stats.querySelectorAll('button')).toHaveLength(FIGURES.length);
    // Tab through the whole page from its start, counting the stops inside the figures.
    (document.activeElement as HTMLElement | null)?.blur();
    const stops: Element[] = [];
    for (let i = 0; i < 40 && (stops.length === 0 || stops.at(-1) !== document.body); i++) {
      await userEvent.tab();
      stops.push(document.activeElement!);
    }
    const inStats = stops.filter((element) => stats.contains(element));
    expect(stops.length).toBeGreaterThan(inStats.length + 3);
    expect(inStats).toEqual([helpButton('Traces').element()]);

    helpButton('Traces').element().focus();
    await expect.poll(openHelps).toEqual([helpOf('Traces')]);
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(helpButton('Observations')).toHaveFocus();
    await expect.poll(openHelps).toEqual([helpOf('Observations')]);
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(helpButton('Sessions')).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect.element(helpButton('Active period')).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(helpButton('Active period')).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect.element(helpButton('Latency p95')).toHaveFocus();
    await expect.poll(openHelps).toEqual([helpOf('Latency p95')]);
    await userEvent.keyboard('{Escape}');
    await expect.poll(openHelps).toEqual([]);
    await expect.element(helpButton('Latency p95')).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect.element(helpButton('Traces')).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    await expect.element(helpButton('Traces')).toHaveFocus();

    // Leaving hides the help; coming back lands on the figure last visited.
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await userEvent.tab();
    expect(stats.contains(document.activeElement)).toBe(false);
    await expect.poll(openHelps).toEqual([]);
    await userEvent.tab({ shift: true });
    await expect.element(helpButton('Sessions')).toHaveFocus();
    await expect.poll(openHelps).toEqual([helpOf('Sessions')]);
  });

  it('is each button’s description for a screen reader: what the figure is, then its exact definition', async () => {
    await page.viewport(1280, 800);
    await renderPage();
    for (const [figure, key] of [['Input tokens', 'explainInputTokens'], ['Errors', 'explainErrors'], ['Latency p95', 'explainLatencyP95']] as const) {
      const [summary, definition] = figureHelpEnUS[key].split('\n');
      const node = await axNodeOf(helpButton(figure).element());
      expect(node.name).toBe(`About ${figure}`);
      expect(node.description).toBe(`${summary} ${definition}`);
      // On screen: two lines, the admin's words above the definition.
      await userEvent.click(helpButton(figure));
      const [first, second] = [...helpOf(figure).children].map((line) => line.getBoundingClientRect());
      expect(second!.top).toBeGreaterThanOrEqual(first!.bottom);
      expect(helpOf(figure).children[0]!.textContent).toBe(summary);
    }
  });
});
