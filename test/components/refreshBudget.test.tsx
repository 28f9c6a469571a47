import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserList, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { TEST_NOW, endpointOf, pair } from '../client/langfuse/harness.ts';
import { renderWithProvider } from '../utils.tsx';

const dataset = generateDemoDataset({ seed: 4, users: 30, days: 10, end: '2026-11-01T00:00:00.000Z' });
const all = { preset: 'all' } as const;

async function liveSelect() {
  const select = await screen.findByRole('combobox', { name: 'Auto-refresh' });
  return { select, values: () => within(select).getAllByRole('option').map((option) => (option as HTMLOptionElement).value) };
}

describe('Live refresh within the source’s request budget', () => {
  it('offers every interval on a source without a budget', async () => {
    renderWithProvider(<UserList defaultRange={all} />, { client: createMemoryClient(dataset), now: () => TEST_NOW });
    const { select, values } = await liveSelect();
    expect(values()).toEqual(['off', '10000', '30000', '60000', '300000']);
    expect(select).not.toHaveAttribute('aria-describedby');
  });

  it('offers on Langfuse only intervals whose refreshes fit 100 metrics requests an hour, and says why', async () => {
    const { langfuse, requests } = pair(dataset);
    renderWithProvider(<UserList defaultRange={all} defaultRefreshInterval={10_000} />, { client: langfuse, now: () => TEST_NOW });
    await screen.findAllByRole('rowheader');
    const { select, values } = await liveSelect();
    // A load of the list: the ranking, the page's trace counts and the filter options, all metrics
    // queries: 4 a refresh × 3,600 s / 100 = one every 144 s at the most, so 5 minutes is what fits.
    await waitFor(() => expect(values()).toEqual(['off', '300000']));
    const metrics = requests.filter((url) => endpointOf(url) === '/api/public/v2/metrics').length;
    expect(metrics).toBe(4);
    expect(select).toHaveValue('300000');
    expect(select).toHaveAccessibleDescription(/A refresh costs 4 of the 100 metrics requests allowed per .*: shorter intervals are left out/);
    expect(langfuse.usage!().budgets.find((b) => b.name === 'metrics')).toMatchObject({ used: 4, total: 4, limit: 100, windowMs: 3_600_000 });
  });

  it('pauses live refresh after a 429, says until when, and asks nothing until then', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let refuse = false;
      const { langfuse, requests } = pair(dataset, {
        client: { rateLimits: { metrics: { limit: 100_000, windowMs: 60_000 } } },
        intercept: () => (refuse ? new Response('{}', { status: 429, headers: { 'retry-after': '600' } }) : undefined),
      });
      renderWithProvider(<UserList defaultRange={all} defaultRefreshInterval={10_000} />, { client: langfuse, now: () => TEST_NOW });
      await screen.findAllByRole('rowheader');
      const { select } = await liveSelect();
      expect(select).toHaveValue('10000');
      refuse = true;
      await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
      const paused = await screen.findByText(/Auto-refresh paused until/);
      expect(paused).toHaveAttribute('role', 'status');
      expect(paused).toHaveTextContent(/Auto-refresh paused until .* \(rate limited\)/);
      // On the wall clock, as Langfuse's limits run, not on the provider's frozen one.
      expect(langfuse.usage!().pausedUntil).toBeGreaterThan(Date.now() + 590_000);
      const asked = requests.length;
      await act(async () => {
        vi.advanceTimersByTime(60_000);
      });
      expect(requests).toHaveLength(asked);
    } finally {
      vi.useRealTimers();
    }
  });
});
