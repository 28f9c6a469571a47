import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserList, UserTrackingProvider, createMemoryClient, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset, withFaults } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

const END = Date.parse('2026-11-30T14:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 42, users: 150, days: 60, end: END }), { id: 'histogram' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

function show(source: UserTrackingClient = client, theme: 'light' | 'dark' = 'light') {
  root.render(
    <UserTrackingProvider client={source} now={() => END} theme={theme}>
      <UserList.Root defaultRange={{ preset: 'all' }} defaultSorting={{ field: 'totalCost', direction: 'desc' }}>
        <UserList.Distribution />
      </UserList.Root>
    </UserTrackingProvider>,
  );
}
const part = (name: string) => host.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
const bins = () => [...host.querySelectorAll<SVGRectElement>('[data-part="user-list-bin"]')];
const drawn = () => expect.poll(() => bins().length).toBeGreaterThan(3);

/** WCAG relative luminance contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe('the cost histogram, as Chromium lays it out', () => {
  for (const width of [1280, 390]) {
    it(`sets its count ticks on their grid lines and its edge labels apart, inside the chart, at ${width} px`, async () => {
      await page.viewport(width, 800);
      show();
      await drawn();
      const chart = part('user-list-distribution-chart').getBoundingClientRect();
      expect(chart.right).toBeLessThanOrEqual(width);
      expect(part('user-list-distribution-y-title').textContent).toBe('Users');
      const ticks = [...part('user-list-distribution-y-axis').children];
      const lines = [...host.querySelectorAll('[data-part="user-list-distribution-grid"]')];
      expect(ticks.map((tick) => tick.textContent)[0]).toBe('0');
      expect(lines).toHaveLength(ticks.length);
      ticks.forEach((tick, i) => {
        const range = document.createRange();
        range.selectNodeContents(tick);
        const text = range.getBoundingClientRect();
        const line = lines[i]!.getBoundingClientRect();
        expect(text.width).toBeGreaterThan(0);
        expect(Math.abs((text.top + text.bottom) / 2 - line.top)).toBeLessThanOrEqual(3);
      });
      // Labels the layout leaves out on a narrow chart are still in the tooltip and the table.
      const labels = [...part('user-list-distribution-x-axis').children].filter((label) => label.getClientRects().length > 0).map((label) => label.getBoundingClientRect());
      expect(labels.length).toBeGreaterThanOrEqual(2);
      for (const label of labels) {
        expect(label.width).toBeGreaterThan(0);
        expect(label.left).toBeGreaterThanOrEqual(chart.left - 1);
        expect(label.right).toBeLessThanOrEqual(chart.right + 1);
      }
      // A space a reader can see between neighbours: "$0.0002 $0.002", not "$0.0002$0.002".
      labels.slice(1).forEach((label, i) => expect(label.left - labels[i]!.right).toBeGreaterThanOrEqual(8));
      // An empty band draws no stub above the axis.
      for (const bin of bins().filter((b) => /^0 users/.test(b.getAttribute('aria-label')!))) expect(bin.getBoundingClientRect().height).toBe(0);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`rings a focused bar in a colour that stands out from the page, apart from the bar’s own fill (${theme})`, async () => {
      await page.viewport(1280, 800);
      show(client, theme);
      await drawn();
      await userEvent.click(page.getByRole('checkbox', { name: 'Log scale' }));
      await userEvent.click(page.getByRole('checkbox', { name: 'Log scale' }));
      await drawn();
      await userEvent.keyboard('{Tab}{ArrowRight}{ArrowRight}');
      const bar = bins()[2]!;
      expect(document.activeElement).toBe(bar);
      const ring = getComputedStyle(bar);
      const background = getComputedStyle(part('user-list-distribution').closest('[data-userlens]')!).backgroundColor;
      expect(ring.outlineStyle).toBe('solid');
      expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2);
      // The ring stands off the bar: the page shows between them, and the next bar is further away.
      expect(parseFloat(ring.outlineOffset)).toBeGreaterThanOrEqual(2);
      const reach = parseFloat(ring.outlineOffset) + parseFloat(ring.outlineWidth);
      expect(bins()[3]!.getBoundingClientRect().left - bar.getBoundingClientRect().right).toBeGreaterThan(reach);
      expect(contrast(ring.outlineColor, background)).toBeGreaterThanOrEqual(3);
      // It was drawn in the bars' own colour (a contrast of 1) and vanished on the bar.
      expect(contrast(ring.outlineColor, ring.fill)).toBeGreaterThanOrEqual(2);
    });
  }

  it('fits its loading skeleton to a 390 px phone', async () => {
    await page.viewport(390, 800);
    show(withFaults(client, { pending: true, methods: ['getDistribution'] }));
    await expect.poll(() => host.querySelector('[data-part="user-list-distribution"] [data-part="skeleton"]')).not.toBeNull();
    const skeleton = host.querySelector('[data-part="user-list-distribution"] [data-part="skeleton"]')!.getBoundingClientRect();
    expect(skeleton.width).toBeGreaterThan(200);
    expect(skeleton.right).toBeLessThanOrEqual(390);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
  });
});
