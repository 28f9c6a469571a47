import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserDetail, UserList, createLoadingMemoryClient, createMemoryClient, type LoadProgress, type UserTrackingClient } from '../../src/index.ts';
import { de } from '../../src/i18n/locales/de.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 41, users: 30, end: END });
const memory = createMemoryClient(dataset, { id: 'load' });
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(END + 86_400_000);
});
afterEach(() => vi.useRealTimers());

/**
 * The memory client as a client still loading its data: its calls wait until the test ends the
 * load, and its progress is what the test reports.
 */
function loadingClient() {
  let snapshot: LoadProgress | null = { phase: 'traces', done: 0, total: 1_000_000 };
  const listeners = new Set<() => void>();
  let end!: () => void;
  const loaded = new Promise<void>((resolve) => (end = resolve));
  const after =
    <Args extends unknown[], R>(call: (...args: Args) => Promise<R>) =>
    async (...args: Args) => {
      await loaded;
      return call(...args);
    };
  const client: UserTrackingClient = {
    ...memory,
    listUsers: after(memory.listUsers),
    getUser: after(memory.getUser),
    listTraces: after(memory.listTraces),
    getActivity: after(memory.getActivity),
    loading: { subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)), getSnapshot: () => snapshot },
  };
  const report = (progress: LoadProgress | null) =>
    act(() => {
      snapshot = progress;
      listeners.forEach((listener) => listener());
    });
  return {
    client,
    report,
    finish: () => {
      report(null);
      end();
    },
  };
}

async function expectBar(name: string | RegExp, done: number, total: number) {
  const bar = await screen.findByRole('progressbar', { name });
  expect(bar).toHaveAttribute('aria-valuemin', '0');
  expect(bar).toHaveAttribute('aria-valuenow', String(done));
  expect(bar).toHaveAttribute('aria-valuemax', String(total));
  expect(bar).toHaveAttribute('value', String(done));
  expect(bar).toHaveAttribute('max', String(total));
}

describe('views while the client loads its data', () => {
  it('the list shows how many records are indexed, then its rows', async () => {
    const load = loadingClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: load.client });
    await expectBar('Indexing 0 of 1,000,000 records', 0, 1_000_000);
    load.report({ phase: 'observations', done: 420_000, total: 1_000_000 });
    await expectBar('Indexing 420,000 of 1,000,000 records', 420_000, 1_000_000);
    const grid = screen.getByRole('grid');
    expect(grid).toHaveAttribute('aria-busy', 'true');
    load.finish();
    const first = (await memory.listUsers({ range: {}, sort: { field: 'lastEvent', direction: 'desc' }, pageSize: 1 })).items[0]!;
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]).toHaveTextContent(first.userId));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it("the user page shows it in place of the user's figures, then the figures", async () => {
    const load = loadingClient();
    const userId = (await memory.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1 })).items[0]!.userId;
    renderWithProvider(<UserDetail userId={userId} />, { client: load.client, defaultRange: { preset: 'all' } });
    load.report({ phase: 'scores', done: 999_000, total: 1_000_000 });
    await expectBar('Indexing 999,000 of 1,000,000 records', 999_000, 1_000_000);
    load.finish();
    const stats = (await memory.getUser(userId, { range: {} }))!;
    const term = await screen.findByText('Traces', { selector: 'dt' });
    await waitFor(() => expect(term.parentElement!.querySelector('dd')).toHaveTextContent(stats.traceCount.toLocaleString('en-US')));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('words the count in the texts’ language and numbers', async () => {
    const load = loadingClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: load.client, locale: 'de-DE', dictionary: de });
    load.report({ phase: 'observations', done: 420_000, total: 1_000_000 });
    await expectBar('420.000 von 1.000.000 Datensätzen indexiert', 420_000, 1_000_000);
  });

  it('while an export is read, tells its size read, of its size, the rows read and the rows left out', async () => {
    const load = loadingClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: load.client });
    load.report({ phase: 'reading', done: 125_400_000, total: 1_200_000_000, rows: 204_800, skipped: 0 });
    await expectBar('Reading 125.4 MB of 1.2 GB: 204,800 rows', 125_400_000, 1_200_000_000);
    load.report({ phase: 'reading', done: 900_000_000, total: 1_200_000_000, rows: 1_400_000, skipped: 1 });
    await expectBar('Reading 900 MB of 1.2 GB: 1,400,000 rows · 1 malformed row left out', 900_000_000, 1_200_000_000);
    load.report({ phase: 'reading', done: 2_000, total: 0, rows: 1, skipped: 3 });
    // A stream, whose size is not known ahead: the bar has no value and no end.
    const bar = await screen.findByRole('progressbar', { name: 'Reading 2 kB: 1 row · 3 malformed rows left out' });
    expect(bar).not.toHaveAttribute('value');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    load.report({ phase: 'index', done: 10, total: 20 });
    await expectBar('Indexing 10 of 20 records', 10, 20);
    load.finish();
  });

  it('words the reading in German too', async () => {
    const load = loadingClient();
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: load.client, locale: 'de-DE', dictionary: de });
    load.report({ phase: 'reading', done: 1_500_000, total: 3_000_000_000, rows: 16_384, skipped: 2 });
    // The space between a number and its unit is a no-break one in some of ICU's German forms.
    await expectBar(/^1,5\sMB von 3\sGB gelesen: 16\.384 Zeilen · 2 fehlerhafte Zeilen ausgelassen$/, 1_500_000, 3_000_000_000);
    load.finish();
  });

  it('shows no bar for a client that does not load', async () => {
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: memory });
    await waitFor(() => expect(within(screen.getByRole('grid')).getAllByRole('row').length).toBeGreaterThan(1));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('on createLoadingMemoryClient, ends with the rows the memory client gives', async () => {
    const client = createLoadingMemoryClient(dataset, { id: 'loading' });
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client });
    const page = await memory.listUsers({ range: {}, sort: { field: 'lastEvent', direction: 'desc' }, pageSize: 50 });
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(page.items.length + 1));
    expect(within(grid).getAllByRole('row')[1]).toHaveTextContent(page.items[0]!.userId);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
