import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserDetail, createMemoryClient, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const memory = createMemoryClient(generateDemoDataset({ seed: 5, users: 12, end: END }), { id: 'tabs' });
const userId = (await memory.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1 })).items[0]!.userId;

function render(client: UserTrackingClient = memory, dir?: 'rtl') {
  const onTabChange = vi.fn();
  renderWithProvider(
    <div dir={dir}>
      <UserDetail userId={userId} onTabChange={onTabChange} />
    </div>,
    { client, defaultRange: { preset: 'all' } },
  );
  return onTabChange;
}

const selected = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')!.textContent;

describe('UserDetail — tabs (WAI-ARIA tabs pattern)', () => {
  it('is one tab stop, and each tab controls its own panel, labelled by it; only the open panel shows', async () => {
    render();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => [tab.textContent, tab.tabIndex])).toEqual([['Traces', 0], ['Sessions', -1], ['Scores', -1]]);
    expect(screen.getByRole('tablist')).toHaveAccessibleName('User history');
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute('aria-controls')!)!;
      expect(panel).toHaveAttribute('role', 'tabpanel');
      expect(panel).toHaveAttribute('aria-labelledby', tab.id);
      expect(panel.hidden).toBe(tab.getAttribute('aria-selected') !== 'true');
    }
    // Hidden panels are out of the accessibility tree: one panel, the open one's.
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Traces');
  });

  it('opens the tab arrow keys, Home and End move to, wrapping, and moves focus with it', async () => {
    const onTabChange = render();
    (await screen.findByRole('tab', { name: 'Traces' })).focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(selected()).toBe('Scores');
    expect(screen.getByRole('tab', { name: 'Scores' })).toHaveFocus();
    expect(onTabChange).toHaveBeenLastCalledWith('scores');
    await userEvent.keyboard('{ArrowRight}');
    expect(selected()).toBe('Traces');
    await userEvent.keyboard('{End}');
    expect(selected()).toBe('Scores');
    await userEvent.keyboard('{Home}');
    expect(selected()).toBe('Traces');
    expect(screen.getByRole('tab', { name: 'Traces' })).toHaveFocus();
    // Other keys are left alone (Tab goes on into the panel).
    await userEvent.keyboard('{ArrowDown}');
    expect(selected()).toBe('Traces');
  });

  it('mirrors the arrow keys right to left', async () => {
    render(memory, 'rtl');
    (await screen.findByRole('tab', { name: 'Traces' })).focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(selected()).toBe('Sessions');
  });

  it('fetches only the open tab’s rows', async () => {
    const listSessions = vi.fn(memory.listSessions);
    const client = { ...memory, listSessions } as UserTrackingClient;
    render(client);
    await waitFor(() => expect(within(screen.getByRole('tabpanel')).getAllByRole('row').length).toBeGreaterThan(1));
    expect(listSessions).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('tab', { name: 'Sessions' }));
    await waitFor(() => expect(listSessions).toHaveBeenCalled());
  });
});
