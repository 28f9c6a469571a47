import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { UserList, createMemoryClient, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { OwnMarkupList } from '../../stories/OwnMarkupList.tsx';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 5, users: 80, end: END });

/** A memory client that notes every call (method and arguments, signal left out), in order. */
function recordingClient() {
  const base = createMemoryClient(dataset, { id: 'recorded' });
  const calls: string[] = [];
  const client = { ...base } as UserTrackingClient & Record<string, unknown>;
  for (const [name, value] of Object.entries(base)) {
    if (typeof value !== 'function' || name === 'invalidate') continue;
    client[name] = (query: unknown, ...rest: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(query)}${rest.length > 1 ? ` ${JSON.stringify(rest[0])}` : ''}`);
      return (value as (...args: unknown[]) => unknown).call(base, query, ...rest);
    };
  }
  return { client: client as UserTrackingClient, calls };
}

/** Loads, sorts by cost, goes to page 2, then searches; returns the source's calls. */
async function drive(ui: ReactElement, nextPage: string) {
  const { client, calls } = recordingClient();
  const user = userEvent.setup();
  const view = renderWithProvider(ui, { client, now: () => END });
  // The own markup is a plain table; <UserList /> a grid (one tab stop, arrow keys).
  const table = await waitFor(() => screen.getByRole(view.container.querySelector('[role="grid"]') ? 'grid' : 'table'));
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(10));
  await user.click(within(table).getByRole('button', { name: /^Cost/ }));
  await waitFor(() => expect(within(table).getByRole('columnheader', { name: /^Cost/ })).toHaveAttribute('aria-sort', 'descending'));
  await user.click(screen.getByRole('button', { name: nextPage }));
  await waitFor(() => expect(calls.some((call) => call.includes('"page":2'))).toBe(true));
  await user.type(screen.getByRole('searchbox'), 'usr');
  await waitFor(() => expect(calls.some((call) => call.includes('"search":"usr"'))).toBe(true));
  // Whatever follows the last answer (second-phase figures, trends) has time to be asked for.
  await new Promise((resolve) => setTimeout(resolve, 400));
  view.unmount();
  return calls;
}

describe('a list in the host’s own markup, from useUserListState and useUserListData', () => {
  it('asks the source exactly what <UserList /> asks, for the same interactions', async () => {
    const own = await drive(<OwnMarkupList defaultRange={{ preset: 'all' }} />, 'Next');
    const composed = await drive(<UserList defaultRange={{ preset: 'all' }} showDistribution={false} />, 'Next page');
    // What the own markup does not draw, it does not ask for: the trend column's series (it says
    // `trends: false`) and the filter menu's choices. Everything else is asked alike, in order.
    const drawnByBoth = (calls: string[]) => calls.filter((call) => !call.startsWith('getFilterOptions') && !call.startsWith('getTrends'));
    expect(own.length).toBeGreaterThan(3);
    expect(own.filter((call) => call.startsWith('getTrends') || call.startsWith('getFilterOptions'))).toEqual([]);
    expect(composed.some((call) => call.startsWith('getTrends'))).toBe(true);
    expect(own).toEqual(drawnByBoth(composed));
  });
});
