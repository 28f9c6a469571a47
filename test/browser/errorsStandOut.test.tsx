import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserDetail, UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { END, errorUsers } from '../errorUsers.ts';
import '../../src/styles/userlens.css';
import { axNodeOf } from './accessibility.ts';

const client = createMemoryClient(errorUsers, { id: 'errors-stand-out-browser' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

/** An sRGB colour as Chromium computes it, as [r, g, b] in 0–255; opaque only. */
function rgb(color: string): [number, number, number] {
  const match = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(color);
  if (!match) throw new Error(`Not an opaque rgb() colour: ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG 2 contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = rgb(color).map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The colour painted behind `element`: its own background or the nearest ancestor's that is not transparent. */
function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
  }
  return 'rgb(255, 255, 255)';
}

/** The theme's danger colour, resolved where `within` is (so for its colour scheme). */
function dangerIn(within: Element): string {
  const probe = within.appendChild(document.createElement('span'));
  probe.style.color = 'var(--ul-color-danger)';
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

const color = (element: Element) => getComputedStyle(element).color;

describe.each(['light', 'dark'] as const)('errors in the %s theme, as Chromium paints them', (theme) => {
  const renderDetail = async (userId: string) => {
    await page.viewport(1280, 800);
    root.render(
      <UserTrackingProvider client={client} now={() => END} theme={theme}>
        <UserDetail userId={userId} defaultRange={{ preset: 'all' }} />
      </UserTrackingProvider>,
    );
    await expect.element(page.getByRole('button', { name: 'About Errors' })).toBeInTheDocument();
    await expect.poll(() => host.querySelector('[data-part="user-detail-stats"] [data-part="skeleton"]')).toBeNull();
    const valueOf = (figure: string) => page.getByRole('button', { name: `About ${figure}`, exact: true }).element().closest('div')!.querySelector('dd')!;
    return { errors: valueOf('Errors'), traces: valueOf('Traces') };
  };

  it('draws a user’s failures in the danger colour, readable on the card (at least 4.5:1), with the icon in it', async () => {
    const { errors } = await renderDetail('failing@example.com');
    const marked = errors.querySelector('[data-danger]')!;
    const danger = dangerIn(errors);
    expect(color(marked)).toBe(danger);
    expect(getComputedStyle(marked.querySelector('svg')!).stroke).toBe(danger);
    expect(contrast(color(marked), backgroundOf(errors))).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves a user without failures in the card’s plain colour', async () => {
    const { errors, traces } = await renderDetail('fine@example.com');
    expect(color(errors)).toBe(color(traces));
    expect(color(errors)).not.toBe(dangerIn(errors));
  });

  it('draws the list’s errors above zero in the danger colour on every row background (at least 4.5:1); 0 stays plain', async () => {
    await page.viewport(1280, 800);
    root.render(
      <UserTrackingProvider client={client} now={() => END} theme={theme}>
        <UserList defaultRange={{ preset: 'all' }} showDistribution={false} />
      </UserTrackingProvider>,
    );
    await expect.element(page.getByText('fine@example.com')).toBeInTheDocument();
    const cellOf = (userId: string) => page.getByText(userId).element().closest('tr')!.querySelector('[data-column="errorCount"]')!;
    const plain = color(cellOf('fine@example.com').closest('tr')!.querySelector('[data-column="traceCount"]')!);
    expect(color(cellOf('fine@example.com'))).toBe(plain);
    expect((await axNodeOf(cellOf('fine@example.com'))).name).toBe('0');
    for (const userId of ['failing@example.com', 'mixed@example.com']) {
      const cell = cellOf(userId);
      const danger = dangerIn(cell);
      const count = cell.querySelector('[data-danger]')!;
      const rate = cell.querySelector('[data-part="user-list-error-rate"]')!;
      expect([color(count), color(rate)]).toEqual([danger, danger]);
      // Not colour alone: the cell reads its icon's name before the figure.
      expect((await axNodeOf(cell)).name).toMatch(/^Requests failed \d+ \([\d.]+%\)$/);
      expect(contrast(danger, backgroundOf(cell))).toBeGreaterThanOrEqual(4.5);
      // The row under the pointer takes another background: still readable.
      await userEvent.hover(page.elementLocator(cell));
      await expect.poll(() => backgroundOf(cell)).not.toBe(getComputedStyle(host.querySelector('[data-userlens]')!).backgroundColor);
      expect(contrast(danger, backgroundOf(cell))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
