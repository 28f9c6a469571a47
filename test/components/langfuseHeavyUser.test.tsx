import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserDetail } from '../../src/index.ts';
import { createFixtures } from '../../src/testing/index.ts';
import { TEST_NOW, endpointOf, lateUserDataset, pair } from '../client/langfuse/harness.ts';
import { renderWithProvider } from '../utils.tsx';

// A user past what the detail view reads at once (500 observations): 120 traces of 10.
const f = createFixtures();
for (let t = 0; t < 120; t++) {
  const at = Date.UTC(2026, 9, 1, 0, t);
  const trace = f.trace({ userId: 'heavy', sessionId: `s-${t % 7}`, timestamp: new Date(at).toISOString() });
  const root = f.observation({ type: 'SPAN', startTime: trace.timestamp, endTime: new Date(at + 5_000).toISOString() });
  for (let o = 1; o < 10; o++) f.observation({ parentObservationId: root.id, startTime: new Date(at + o * 100).toISOString(), totalCost: 0.01, level: o === 5 ? 'ERROR' : 'DEFAULT' });
  f.score({ value: 1, timestamp: trace.timestamp });
}
// And one with three traces, whose whole history one read holds.
for (let t = 0; t < 3; t++) {
  const at = Date.UTC(2026, 9, 2, t);
  const trace = f.trace({ userId: 'light', sessionId: 's-light', timestamp: new Date(at).toISOString() });
  f.observation({ type: 'SPAN', startTime: trace.timestamp, endTime: new Date(at + 1_000).toISOString() });
}
const range = { preset: 'custom', from: '2026-10-01T00:00:00.000Z', to: '2026-10-04T00:00:00.000Z' } as const;

/** The value shown beside a figure's name in the stats. */
async function stat(name: string) {
  const term = await screen.findByText(name, { selector: '[data-part="user-detail-stats"] dt, [data-part="user-detail-stats"] dt *' });
  return term.closest('div, dt')!.parentElement!.querySelector('dd')!;
}

describe('UserDetail on Langfuse, a user past one read', () => {
  it('shows the figures metrics count, says which it cannot, and which traces the lists hold', async () => {
    const { langfuse, requests } = pair(f.dataset());
    renderWithProvider(<UserDetail userId="heavy" defaultRange={range} />, { client: langfuse, now: () => TEST_NOW });
    await waitFor(async () => expect((await stat('Traces')).textContent).toBe('120'));
    // Traces with an error and sessions cannot be counted from metrics: not a zero, "not available".
    for (const name of ['Sessions', 'Errors']) {
      const value = await stat(name);
      expect(within(value).getByText('Not available from this source')).toBeInTheDocument();
      expect(value.textContent).not.toMatch(/\d/);
    }
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('the lists below come from the latest 49 traces in this range only');
    // The chart offers only what the answer counts, and says its buckets are UTC days.
    const metric = await screen.findByRole('combobox', { name: 'Show' });
    expect(within(metric).queryByRole('option', { name: 'Errors' })).toBeNull();
    expect(within(metric).getByRole('option', { name: 'Traces' })).toBeInTheDocument();
    const chart = metric.closest('[data-part="user-detail-activity"]') as HTMLElement;
    expect(await within(chart).findByText(/UTC/, { selector: '[data-part="user-detail-utc"]' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Sessions' }));
    expect(await screen.findByRole('note')).toHaveTextContent('latest 49 traces');
    expect(new Set(requests.map(endpointOf))).toEqual(new Set(['/api/public/v2/observations', '/api/public/v2/metrics', '/api/public/v3/scores']));
    expect(requests.length).toBeLessThanOrEqual(5);
  });

  it('has every figure and no note for a user whose history one read holds', async () => {
    const { langfuse } = pair(f.dataset());
    renderWithProvider(<UserDetail userId="light" defaultRange={range} />, { client: langfuse, now: () => TEST_NOW });
    await waitFor(async () => expect((await stat('Sessions')).textContent).toBe('1'));
    expect((await stat('Traces')).textContent).toBe('3');
    expect(await screen.findAllByRole('row')).not.toHaveLength(0);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('UserDetail on Langfuse, a range whose latest traces one read cannot reach', () => {
  it('says why the lists are empty while the figures count every trace', async () => {
    // The range ends at midnight on Oct 4; the read meets 600 observations of that day first.
    const { langfuse } = pair(lateUserDataset('2026-10-03'));
    renderWithProvider(<UserDetail userId="late" defaultRange={range} />, { client: langfuse, now: () => TEST_NOW });
    await waitFor(async () => expect((await stat('Traces')).textContent).toBe('20'));
    expect(await screen.findByRole('note')).toHaveTextContent('this range’s latest traces are past what one read holds, so the lists below are empty');
  });
});
