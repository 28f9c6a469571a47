import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserList, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset, withFaults } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-30T14:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 42, users: 150, days: 60, end: END }), { id: 'distribution' });
/** Every user over all time, from the list method: what the chart must count. */
const costs = client.listUsers({ pageSize: 1000 }).then((page) => page.items).then((users) => users.map((user) => user.totalCost).filter((cost): cost is number => cost !== null));

const BAR = /^(\d+) users? with cost from (\S+) to (\S+)$/;
const usd = (text: string) => Number(text.replace(/[$,]/g, ''));

/** The bars, each as its words say: count, from and to. */
async function bars() {
  const buttons = await screen.findAllByRole('button', { name: BAR });
  return buttons.map((button) => {
    const [, count, from, to] = BAR.exec(button.getAttribute('aria-label')!)!;
    return { button, label: button.getAttribute('aria-label')!, count: Number(count), from: from!, to: to! };
  });
}

function Chart({ budget }: { budget?: { field: 'totalCost'; limit: number } }) {
  return (
    <UserList.Root defaultRange={{ preset: 'all' }} defaultSorting={{ field: 'totalCost', direction: 'desc' }} {...(budget ? { budget } : {})}>
      {budget && <UserList.BudgetToggle />}
      <UserList.Distribution />
    </UserList.Root>
  );
}

describe('UserListDistribution — what the histogram says', () => {
  for (const scale of ['log', 'linear'] as const) {
    it(`counts every user once, in the band its edges name (${scale} scale)`, async () => {
      renderWithProvider(<Chart />, { client, now: () => END });
      if (scale === 'linear') {
        const before = (await bars()).map((bar) => bar.label).join();
        await userEvent.click(screen.getByRole('checkbox', { name: 'Log scale' }));
        await waitFor(async () => expect((await bars()).map((bar) => bar.label).join()).not.toBe(before));
      }
      const all = await costs;
      const drawn = await bars();
      expect(drawn.reduce((sum, bar) => sum + bar.count, 0)).toBe(all.length);
      drawn.forEach((bar, i) => {
        const last = i === drawn.length - 1;
        // The edges read apart, and exactly: counting by the words gives the bar's number.
        expect(bar.from).not.toBe(bar.to);
        expect(bar.count).toBe(all.filter((cost) => cost >= usd(bar.from) && (cost < usd(bar.to) || (last && cost === usd(bar.to)))).length);
        if (i > 0) expect(bar.from).toBe(drawn[i - 1]!.to);
      });
      expect(drawn.length).toBeLessThanOrEqual(24);
    });
  }

  it('shows a bar’s words in a tooltip on hover and on keyboard focus', async () => {
    const { container } = renderWithProvider(<Chart />, { client, now: () => END });
    const drawn = await bars();
    const tooltip = () => container.querySelector('[data-part="user-list-distribution-tooltip"]');
    await userEvent.hover(drawn[2]!.button);
    expect(tooltip()).toHaveTextContent(drawn[2]!.label);
    expect(tooltip()).toHaveTextContent(/^\d+ users? with cost from \$[\d.]+ to \$[\d.]+$/);
    await userEvent.unhover(drawn[2]!.button);
    expect(tooltip()).toBeNull();
    await userEvent.tab(); // the log scale switch
    await userEvent.tab(); // the chart's one tab stop: its first bar
    expect(drawn[0]!.button).toHaveFocus();
    expect(tooltip()).toHaveTextContent(drawn[0]!.label);
    await userEvent.keyboard('{ArrowRight}');
    expect(drawn[1]!.button).toHaveFocus();
    expect(tooltip()).toHaveTextContent(drawn[1]!.label);
  });

  it('has a count axis titled Users, from 0 past the tallest bar, and the band edges under the bars', async () => {
    const { container } = renderWithProvider(<Chart />, { client, now: () => END });
    const drawn = await bars();
    const chart = container.querySelector<HTMLElement>('[data-part="user-list-distribution-chart"]')!;
    expect(within(chart).getByText('Users')).toBeInTheDocument();
    const ticks = [...container.querySelectorAll('[data-part="user-list-distribution-y-axis"] > *')].map((tick) => Number(tick.textContent!.replace(/,/g, '')));
    expect(ticks[0]).toBe(0);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    ticks.slice(1).forEach((tick, i) => expect(tick - ticks[i]!).toBe(ticks[1]! - ticks[0]!));
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(Math.max(...drawn.map((bar) => bar.count)));
    const edges = [...container.querySelectorAll('[data-part="user-list-distribution-x-axis"] > *')].map((label) => label.textContent);
    expect(edges.length).toBeGreaterThanOrEqual(2);
    expect(edges[0]).toBe(drawn[0]!.from);
    expect(edges[edges.length - 1]).toBe(drawn[drawn.length - 1]!.to);
    // Every label is one of the bars' edges, in order.
    const all = [drawn[0]!.from, ...drawn.map((bar) => bar.to)];
    const at = edges.map((edge) => all.indexOf(edge!));
    at.slice(1).forEach((index, i) => expect(index).toBeGreaterThan(at[i]!));
  });

  it('offers the same bands and counts as a table', async () => {
    renderWithProvider(<Chart />, { client, now: () => END });
    const drawn = await bars();
    await userEvent.click(screen.getByText('Show as a table'));
    const table = screen.getByRole('table', { name: 'Users by cost' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['From', 'To', 'Users']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual(drawn.map((bar) => [bar.from, bar.to, String(bar.count)]));
  });

  it('names a clicked bar’s band on the chip that clears it, with the bar’s own edges', async () => {
    renderWithProvider(<Chart />, { client, now: () => END });
    const bar = (await bars()).find((b) => b.count > 0)!;
    await userEvent.click(bar.button);
    const chip = await screen.findByRole('button', { name: /^Clear cost from/ });
    expect(chip).toHaveTextContent(`Clear cost from ${bar.from} to ${bar.to}`);
    expect(bar.button).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(chip);
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Clear cost from/ })).toBeNull());
  });

  it('with only the users over budget, draws their bands and no empty ones; one user gets one bar whose edges differ', async () => {
    const all = (await costs).sort((a, b) => b - a);
    // Between the two highest costs: one user is over.
    const limit = (all[0]! + all[1]!) / 2;
    renderWithProvider(<Chart budget={{ field: 'totalCost', limit }} />, { client, now: () => END });
    await bars();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only over budget' }));
    await waitFor(async () => expect(await bars()).toHaveLength(1));
    const [bar] = await bars();
    expect(bar!.label).toMatch(/^1 user with cost from/);
    expect(bar!.from).not.toBe(bar!.to);
    expect(usd(bar!.from)).toBeLessThanOrEqual(all[0]!);
    expect(usd(bar!.to)).toBeGreaterThan(all[0]!);
  });

  it('holds its place with a skeleton as wide as its container, not a fixed width', async () => {
    const { container } = renderWithProvider(<Chart />, { client: withFaults(client, { pending: true, methods: ['getDistribution'] }), now: () => END });
    const skeleton = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('[data-part="user-list-distribution"] [data-part="skeleton"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(skeleton.style.width).toBe('100%');
  });
});
