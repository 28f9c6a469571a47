import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserDetail, type ObservationRow, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { asOracle, pair, roundCosts, TEST_NOW } from '../client/langfuse/harness.ts';
import { costOf, tokensOf } from '../oracle/oracle.ts';
import { renderWithProvider } from '../utils.tsx';

const dataset = generateDemoDataset({ seed: 8, users: 15, days: 10, end: TEST_NOW - 3_600_000 });
const { memory, langfuse } = pair(dataset);
const oracle = asOracle(dataset);

/** A trace's steps as the figure definitions give them: the dataset's own records. */
function expectedSteps(traceId: string) {
  return oracle.observations
    .filter((o) => o.traceId === traceId)
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime) || (a.id < b.id ? -1 : 1))
    .map((o) => ({
      id: o.id,
      name: o.name ?? null,
      level: o.level ?? 'DEFAULT',
      statusMessage: o.statusMessage ?? null,
      durationMs: o.endTime ? Date.parse(o.endTime) - Date.parse(o.startTime) : null,
      totalTokens: tokensOf(o).total,
      totalCost: costOf(o),
    }));
}
const pick = (rows: ObservationRow[]) => rows.map(({ id, name, level, statusMessage, durationMs, totalTokens, totalCost }) => ({ id, name, level, statusMessage, durationMs, totalTokens, totalCost }));

// A failed trace, and its user.
const failed = oracle.traces.find((t) => t.userId && oracle.observations.some((o) => o.traceId === t.id && o.level === 'ERROR'))!;
const userId = failed.userId as string;

describe('Trace steps — listObservations', () => {
  it.each([
    ['memory', memory],
    ['Langfuse (through the fake)', langfuse],
  ] as const)('gives a trace’s steps by start time with the defined tokens and cost, on %s', async (_, client: UserTrackingClient) => {
    expect(client.capabilities.observations).toBe(true);
    const rows = await client.listObservations!({ userId, traceId: failed.id as string });
    expect(roundCosts(pick(rows))).toEqual(roundCosts(expectedSteps(failed.id as string)));
    expect(rows.some((row) => row.level === 'ERROR' && row.statusMessage)).toBe(true);
  });

  it('answers nothing for another user’s trace or an unknown one', async () => {
    const other = oracle.traces.find((t) => t.userId && t.userId !== userId)!;
    expect(await memory.listObservations!({ userId, traceId: other.id as string })).toEqual([]);
    expect(await memory.listObservations!({ userId, traceId: 'no-such-trace' })).toEqual([]);
    expect(await memory.listObservations!({ userId: 'nobody', traceId: failed.id as string })).toEqual([]);
  });
});

describe('Trace steps — the traces tab', () => {
  it('opens a trace’s steps under its row, with why a step failed, and closes them', async () => {
    renderWithProvider(<UserDetail userId={userId} pageSize={100} />, { client: memory, defaultRange: { preset: 'all' }, now: () => TEST_NOW });
    const panel = await screen.findByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('button', { name: /^Steps of / }).length).toBeGreaterThan(0));
    const toggles = within(panel).getAllByRole('button', { name: /^Steps of / });
    // Rows are newest first; the failed trace's toggle names its trace.
    const toggle = toggles.find((button) => button.closest('tr')!.querySelector('time')!.getAttribute('dateTime') === failed.timestamp)!;
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const steps = await screen.findByRole('table', { name: new RegExp(`^Steps of ${failed.name}`) });
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)).toContainElement(steps);
    const expected = expectedSteps(failed.id as string);
    expect(within(steps).getAllByRole('row')).toHaveLength(expected.length + 1);
    const error = expected.find((step) => step.level === 'ERROR')!;
    expect(within(steps).getByText(error.statusMessage!)).toBeInTheDocument();
    expect(within(steps).getAllByText('Error').length).toBeGreaterThan(0);
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table', { name: /^Steps of / })).toBeNull();
  });
});
