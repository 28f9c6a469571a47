import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 8, users: 40, end: END }), { id: 'menus' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('the list’s menus under real clicks and keys', () => {
  it('opens Columns on a press and keeps it open; a second press, Escape or a press outside closes it', async () => {
    await page.viewport(1280, 800);
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserList defaultRange={{ preset: 'all' }} showDistribution={false} />
      </UserTrackingProvider>,
    );
    const button = page.getByRole('button', { name: 'Columns', exact: true });
    await expect.element(page.getByRole('row').nth(5)).toBeInTheDocument();

    await userEvent.click(button);
    await settle();
    const menu = page.getByRole('dialog', { name: 'Columns', exact: true });
    await expect.element(menu).toBeVisible();
    await expect.element(button).toHaveAttribute('aria-expanded', 'true');
    // Under its button, in the top layer above the table.
    const trigger = button.element().getBoundingClientRect();
    const box = menu.element().getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(trigger.bottom);
    expect(document.elementFromPoint(box.left + box.width / 2, box.top + 10)?.closest('[role="dialog"]')).toBe(menu.element());

    await userEvent.click(menu.getByRole('checkbox', { name: 'Traces' }));
    await expect.element(page.getByRole('columnheader', { name: /^Traces/ })).not.toBeInTheDocument();
    await expect.element(menu).toBeVisible();

    await userEvent.keyboard('{Escape}');
    await expect.element(menu).not.toBeInTheDocument();
    await expect.element(button).toHaveFocus();

    await userEvent.click(button);
    await settle();
    await expect.element(menu).toBeVisible();
    await userEvent.click(button);
    await settle();
    await expect.element(menu).not.toBeInTheDocument();

    await userEvent.click(page.getByRole('button', { name: /^Filters/ }));
    await settle();
    await expect.element(page.getByRole('dialog', { name: /^Filters/ })).toBeVisible();
    await userEvent.click(page.getByRole('grid'), { position: { x: 5, y: 5 } });
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps a menu inside a phone-wide viewport, whichever edge it lines up with', async () => {
    await page.viewport(390, 844);
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserList defaultRange={{ preset: 'all' }} showDistribution={false} />
      </UserTrackingProvider>,
    );
    await expect.element(page.getByRole('row').nth(5)).toBeInTheDocument();
    // On a phone the menus are behind the toolbar's Options button.
    await userEvent.click(page.getByRole('button', { name: 'Options' }));
    for (const name of ['Columns', 'Filters']) {
      await userEvent.click(page.getByRole('button', { name, exact: true }));
      await settle();
      const box = page.getByRole('dialog').element().getBoundingClientRect();
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
      await userEvent.keyboard('{Escape}');
      await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    }
  });
});
