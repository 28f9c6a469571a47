import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DEMO_NOW, demoClient, demoEnd, demoNow } from '../.storybook/demoClient.ts';
import { UserlensError, createMemoryClient, type Dataset, type SortSpec, type UserSortField, type UserTrackingClient } from '../src/core.ts';
import { UserList, UserTrackingProvider, createLoadingMemoryClient, type Theme, type UserListProps } from '../src/index.ts';
import { createDemoProfiles, demoProfile, generateDemoDataset, HOSTILE_USER_IDS, withFaults } from '../src/testing/index.ts';
import { twoPhase, withCapabilities } from './clients.ts';
import { englishShown } from './englishShown.ts';

const userHref = (userId: string) => `/admin/users/${encodeURIComponent(userId)}`;

const meta = {
  title: 'Components/UserList',
  component: UserList,
  args: { getUserHref: userHref, defaultRange: { preset: '30d' }, onSelectUser: fn() },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof UserList>;

export default meta;
type Story = StoryObj<typeof meta>;

const table = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  return within(await canvas.findByRole('grid', {}, { timeout: 5000 }));
};
const dataRows = async (canvasElement: HTMLElement) => {
  const t = await table(canvasElement);
  await waitFor(() => expect(t.getAllByRole('row').length).toBeGreaterThan(1));
  return t.getAllByRole('row').slice(1);
};

/** The demo data: 150 users over 60 days, sorted by last event (by cost on Langfuse). */
export const Default: Story = {
  play: async ({ canvasElement, globals }) => {
    const rows = await dataRows(canvasElement);
    await expect(rows.length).toBeGreaterThan(10);
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(/^1–50 of \d+/)).toBeInTheDocument());
    // Langfuse ranks users by a figure (cost first); it has no last event per user in the list.
    const header = canvas.getByRole('columnheader', { name: globals.source === 'langfuse' ? /^Cost/ : /Last event/ });
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(canvas.getAllByRole('columnheader').filter((th) => th.hasAttribute('aria-sort'))).toHaveLength(1);
    // Every figure the source has arrives as a number, the second phase's included.
    const traces = canvas.getAllByRole('columnheader').findIndex((th) => /^Traces/.test(th.textContent ?? ''));
    await waitFor(() => expect(within(rows[0]!).getAllByRole('cell')[traces - 1]).toHaveTextContent(/^\d[\d,]*$/), { timeout: 5000 });
    await expect(canvasElement.querySelector('table')!.textContent).not.toMatch(/NaN/);
  },
};

/** A custom range in the viewer's zone (America/St_Johns, UTC−3:30): entered and shown on that clock, asked for as instants. */
export const CustomRangeInViewerZone: Story = {
  globals: { timeZone: 'America/St_Johns' },
  args: { defaultRange: { preset: 'custom', from: '2026-11-20T03:30:00.000Z', to: '2026-11-27T03:30:00.000Z' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('From')).toHaveValue('2026-11-20T00:00');
    await expect(canvas.getByLabelText('To')).toHaveValue('2026-11-27T00:00');
    await expect(canvas.getByText('Times in America/St_Johns')).toBeInTheDocument();
    await expect((await dataRows(canvasElement)).length).toBeGreaterThan(1);
  },
};

/** Sorting by cost: the header button asks the source for the new order and marks the column. */
export const SortByCost: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await dataRows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /^Cost/ }));
    const header = canvas.getByRole('columnheader', { name: /Cost/ });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    const expected = await demoClient.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 1, range: { from: new Date(DEMO_NOW - 30 * 86_400_000).toISOString() } });
    const firstRow = (await dataRows(canvasElement))[0]!;
    await waitFor(() => expect(firstRow).toHaveTextContent(expected.items[0]!.userId));
  },
};

/** Requests that never answer: skeleton rows in a busy table. */
/**
 * The columns and filters menus: each opens above the page under its button, closes on Escape
 * (focus back on the button), on a press outside, and on a second press of its own button.
 * (test/browser/menus.test.tsx presses them with real input, whose default actions this cannot show.)
 */
export const Menus: Story = {
  play: async ({ canvasElement }) => {
    await dataRows(canvasElement);
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const columnsButton = canvas.getByRole('button', { name: 'Columns' });
    await userEvent.click(columnsButton);
    const menu = await page.findByRole('dialog', { name: 'Columns' });
    await expect(menu).toBeVisible();
    await expect(columnsButton).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getBoundingClientRect().top).toBeGreaterThanOrEqual(columnsButton.getBoundingClientRect().bottom);
    await userEvent.click(within(menu).getByRole('checkbox', { name: 'Traces' }));
    await waitFor(() => expect(canvas.queryByRole('columnheader', { name: /^Traces/ })).toBeNull());
    await expect(menu).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(page.queryByRole('dialog')).toBeNull());
    await expect(columnsButton).toHaveFocus();
    // A second press of the button closes what the first opened.
    await userEvent.click(columnsButton);
    await expect(await page.findByRole('dialog', { name: 'Columns' })).toBeVisible();
    await userEvent.click(columnsButton);
    await waitFor(() => expect(page.queryByRole('dialog')).toBeNull());
    // A press outside closes it too.
    await userEvent.click(canvas.getByRole('button', { name: /^Filters/ }));
    await expect(await page.findByRole('dialog', { name: /^Filters/ })).toBeVisible();
    await userEvent.click(canvas.getByRole('grid'));
    await waitFor(() => expect(page.queryByRole('dialog')).toBeNull());
  },
};

export const Loading: Story = {
  parameters: { userlens: { client: (source: UserTrackingClient) => withFaults(source, { pending: true }) } },
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid');
    await expect(grid).toHaveAttribute('aria-busy', 'true');
    await expect(grid.querySelectorAll('[data-part="user-list-skeleton-row"]').length).toBeGreaterThan(0);
  },
};

/** No user tracked yet: how to add a userId to traces. */
export const Empty: Story = {
  args: { defaultRange: { preset: 'all' }, docsHref: 'https://example.com/docs/users' },
  parameters: { userlens: { dataset: { key: 'empty', dataset: { traces: [] } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'No users tracked yet' })).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: 'How to add a user ID to traces' })).toHaveAttribute('href', 'https://example.com/docs/users');
    await expect(canvas.queryByRole('grid')).toBeNull();
  },
};

/** A search that matches nobody, and the way back. */
export const NoMatch: Story = {
  args: { defaultSearch: 'zzz-no-such-user' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'No users match' }, { timeout: 4000 })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Clear search and filters' }));
    await dataRows(canvasElement);
    await expect(canvas.getByRole('searchbox', { name: 'Search users' })).toHaveValue('');
  },
};

let failingCalls = 0;
/** The source fails: what failed, and Retry asks again. */
export const ErrorWithRetry: Story = {
  parameters: {
    userlens: {
      client: (source: UserTrackingClient) => withFaults(source, {
        methods: ['listUsers'],
        error: new UserlensError('network', 'The metrics source could not be reached. Check the connection and retry.'),
        onCall: () => failingCalls++,
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 8000 });
    await expect(alert).toHaveTextContent('Could not load users');
    const before = failingCalls;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(failingCalls).toBeGreaterThan(before));
  },
};

/** A source without first/last events, latency or trends, and only its top 1,000 users. */
export const PartialCapabilities: Story = {
  // A memory source declaring less than it has; on Langfuse every story already shows its own partial capabilities.
  tags: ['memory-only'],
  parameters: {
    userlens: {
      client: (source: UserTrackingClient) => withCapabilities(source, {
        pagination: { kind: 'top-n', limit: 1000 },
        listFigures: ['traceCount', 'observationCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost', 'errorCount', 'errorRate', 'scores'],
        sortableFields: ['traceCount', 'totalTokens', 'totalCost'],
        trends: false,
        distribution: false,
      }),
    },
  },
  args: { defaultSorting: { field: 'totalCost', direction: 'desc' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = await dataRows(canvasElement);
    await expect(within(rows[0]!).getAllByTitle('Not available from this source').length).toBeGreaterThanOrEqual(2);
    await expect(canvas.getByText('Top 1,000 by cost')).toBeInTheDocument();
    await expect(within(canvas.getByRole('columnheader', { name: /Last event/ })).queryByRole('button')).toBeNull();
    await expect(within(canvas.getByRole('columnheader', { name: /Cost/ })).getByRole('button')).toBeInTheDocument();
  },
};

/** Ids first, then latency, sessions and feedback in a second request: those cells load on their own. */
// The second phase waits for the story's play function to have seen it load (or 5 s, for a
// reader without one): a timer alone raced a busy machine's first rows.
const figures = { sent: false, waiting: [] as (() => void)[] };
const figuresSent = () =>
  figures.sent
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        figures.waiting.push(resolve);
        setTimeout(resolve, 5000);
      });
const sendFigures = () => {
  figures.sent = true;
  for (const resolve of figures.waiting.splice(0)) resolve();
};

export const TwoPhaseMetrics: Story = {
  // The in-memory source made two-phase; the Langfuse source is two-phase of its own (see Default).
  tags: ['memory-only'],
  parameters: { userlens: { client: (source: UserTrackingClient) => twoPhase(source, ['sessionCount', 'latencyP50', 'latencyP95', 'scores'], figuresSent) } },
  play: async ({ canvasElement }) => {
    const rows = await dataRows(canvasElement);
    await expect(within(rows[0]!).getAllByText(/^Loading (Latency p95|Feedback)/).length).toBeGreaterThan(0);
    sendFigures();
    await waitFor(() => expect(within(rows[0]!).queryAllByText(/^Loading /)).toHaveLength(0), { timeout: 5000 });
    // Held again for the story's next run.
    figures.sent = false;
  },
};

// Built once and shared by the stories that need it: generating 100k users takes seconds.
let hundredThousand: Promise<ReturnType<typeof createMemoryClient>> | undefined;
const loadHundredThousand = () =>
  (hundredThousand ??= Promise.resolve().then(() =>
    createMemoryClient(generateDemoDataset({ seed: 9, users: 100_000, traces: 150_000, days: 60, end: demoEnd, payloads: false }), {
      id: 'hundred-thousand',
    }),
  ));

/** 100,000 users: one page in the DOM, the rest a page away. */
export const HundredThousandUsers: Story = {
  // Its own 100k-user client: generating the data takes seconds, a fake Langfuse over it more.
  // 'scale-only': not run again in the dark theme, whose colours the other stories check.
  tags: ['memory-only', 'scale-only'],
  loaders: [async () => ({ client: await loadHundredThousand() })],
  args: { defaultRange: { preset: 'all' }, defaultPagination: { page: 1, pageSize: 100 } },
  // axe's time grows with the cells it visits: 2.9 s over 100 rows, 2.0 s over ten (measured in
  // Chromium). Rows past the tenth repeat the markup of the first, so axe reads those ten.
  parameters: { a11y: { context: { exclude: ['tbody tr:nth-child(n+11)'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = await dataRows(canvasElement);
    await expect(rows.length).toBeLessThanOrEqual(100);
    await waitFor(() => expect(canvas.getByText(/^1–100 of 100,0\d\d/)).toBeInTheDocument());
  },
};

// Generated once and shared by the story's renders (a second or two): about 250,000 observations.
let largeDataset: Dataset | undefined;
const large = () => (largeDataset ??= generateDemoDataset({ seed: 3, users: 5_000, traces: 60_000, days: 60, end: demoEnd, payloads: false }));

/** The list on a client made when it mounts, so that it shows the load from its start. */
function LoadingList({ theme, locale, timeZone, ...props }: UserListProps & { theme: Theme; locale: string; timeZone: string }) {
  const [client] = useState(() => createLoadingMemoryClient(large(), { id: 'loading-large' }));
  return (
    <UserTrackingProvider client={client} theme={theme} locale={locale} timeZone={timeZone} now={demoNow}>
      <UserList {...props} />
    </UserTrackingProvider>
  );
}

/**
 * A large dataset loading in the browser (`createLoadingMemoryClient`): the index is built in
 * slices, so the page stays responsive, and a bar counts the records indexed where the rows will
 * be; then the rows.
 */
export const LoadingLargeDataset: Story = {
  // 'scale-only': its data takes seconds to generate; not run again in the dark theme.
  tags: ['memory-only', 'scale-only'],
  loaders: [
    async () => {
      // The data, and the bar's code (loaded on demand), made ready first: the story times neither.
      large();
      await import('../src/components/shared/LoadProgressBar.tsx');
      // The bar as it is first drawn, watched from before the list mounts: on a fast machine
      // the load can be over before the play function starts.
      const firstBar: { label: string | null; max: string | null; inTable: boolean }[] = [];
      const observer = new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (!bar) return;
        // Its name is the text of the label around it.
        firstBar.push({ label: bar.closest('label')?.textContent?.trim() ?? null, max: bar.getAttribute('aria-valuemax'), inTable: bar.closest('[data-part="user-list-table"]') !== null });
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true });
      return { firstBar };
    },
  ],
  args: { defaultRange: { preset: 'all' } },
  render: (args, { globals }) => <LoadingList {...args} theme={globals.theme as Theme} locale={globals.locale as string} timeZone={globals.timeZone as string} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const dataset = large();
    const total = dataset.traces.length + dataset.observations!.length + dataset.scores!.length;
    const { firstBar } = loaded as { firstBar: { label: string | null; max: string | null; inTable: boolean }[] };
    await waitFor(() => expect(firstBar).toHaveLength(1));
    await expect(firstBar[0]!.label).toMatch(/^Indexing [\d,]+ of [\d,]+ records$/);
    await expect(firstBar[0]!.max).toBe(String(total));
    await expect(firstBar[0]!.inTable).toBe(true);
    await waitFor(() => expect(canvas.getByText(/^1–50 of 5,000/)).toBeInTheDocument(), { timeout: 15_000 });
    await expect(canvas.queryByRole('progressbar')).toBeNull();
  },
};

/** A page of 2,000 rows: only the rows in view (about 30, never over 100) are in the DOM. */
export const LargePageVirtualized: Story = {
  tags: ['memory-only'],
  args: { defaultRange: { preset: 'all' }, defaultPagination: { page: 1, pageSize: 2000 }, showDistribution: false },
  loaders: HundredThousandUsers.loaders,
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', {}, { timeout: 8000 });
    await waitFor(() => expect(grid.querySelectorAll('tbody tr[data-part="user-list-row"]').length).toBeGreaterThan(5), { timeout: 8000 });
    await expect(grid.querySelectorAll('tbody tr[data-part="user-list-row"]').length).toBeLessThanOrEqual(100);
    await expect(canvasElement.querySelector('[data-part="user-list-table"]')).toHaveAttribute('data-virtualized');
    const scroller = canvasElement.querySelector<HTMLElement>('[data-part="user-list-scroll"]')!;
    scroller.scrollTop = 41 * 1500;
    await waitFor(() => expect(grid.querySelector('tr[aria-rowindex="1500"]')).not.toBeNull(), { timeout: 5000 });
    await expect(grid.querySelectorAll('tbody tr[data-part="user-list-row"]').length).toBeLessThanOrEqual(100);
  },
};

const hostileDataset = { key: 'hostile-list', dataset: () => generateDemoDataset({ seed: 4, users: 10, hostileIds: true, end: demoEnd }) };

/** Ids made of markup, bidi overrides, URL characters, 200 characters, emoji and spaces: shown as text, linked encoded. */
export const HostileUserIds: Story = {
  // About 20 users: every one is on the first page whatever the order.
  args: { defaultRange: { preset: 'all' } },
  parameters: { userlens: { dataset: hostileDataset } },
  play: async ({ canvasElement }) => {
    await dataRows(canvasElement);
    await expect(canvasElement.querySelector('script, img, svg[onload]')).toBeNull();
    const links = [...canvasElement.querySelectorAll<HTMLAnchorElement>('a[data-part="user-list-user-link"]')];
    for (const id of HOSTILE_USER_IDS) {
      const link = links.find((a) => a.textContent === id);
      await expect(link, id).toBeDefined();
      await expect(decodeURIComponent(new URL(link!.href).pathname.replace('/admin/users/', ''))).toBe(id);
    }
  },
};

/** Rows over a $1 cost budget are marked; the toggle keeps only them. */
export const BudgetHighlight: Story = {
  args: { budget: { field: 'totalCost', limit: 1 }, defaultSorting: { field: 'totalCost', direction: 'desc' }, defaultRange: { preset: 'all' } },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const rows = await dataRows(canvasElement);
    await expect(rows[0]).toHaveAttribute('data-over-budget');
    await expect(within(rows[0]!).getByText(/^Over budget: \$[\d.]+ exceeds \$1\.00$/)).toBeInTheDocument();
    // Keeping only those rows needs a source that filters by a band of a figure; Langfuse cannot.
    if (globals.source === 'langfuse') {
      await expect(canvas.queryByRole('checkbox', { name: 'Only over budget' })).toBeNull();
      return;
    }
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Only over budget' }));
    await waitFor(async () => {
      const onlyOver = await dataRows(canvasElement);
      await expect(onlyOver.every((row) => row.hasAttribute('data-over-budget'))).toBe(true);
    });
  },
};

/**
 * A budget over a rolling window: "more than $0.15 in the last 7 days", whatever range the list
 * shows (here all time), with users past half of it marked as near. `onBudgetExceeded` gets every
 * user over it, across all pages — the hook for the host's own alerting.
 */
export const RollingBudget: Story = {
  args: {
    budget: { field: 'totalCost', limit: 0.15, window: '7d', nearAt: 0.5 },
    onBudgetExceeded: fn(),
    defaultSorting: { field: 'totalCost', direction: 'desc' },
    defaultRange: { preset: 'all' },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await dataRows(canvasElement);
    await waitFor(() => expect(args.onBudgetExceeded).toHaveBeenCalledTimes(1));
    const over = (args.onBudgetExceeded as ReturnType<typeof fn>).mock.calls[0]![0] as { userId: string; value: number }[];
    await expect(over.length).toBeGreaterThan(0);
    await expect(over.every((user) => user.value > 0.15)).toBe(true);
    await waitFor(() => expect(canvasElement.querySelector('tr[data-over-budget]')).not.toBeNull());
    await expect(canvas.getAllByText(/^Over budget \(Last 7 days\): \$[\d.]+ exceeds \$0\.15$/).length).toBeGreaterThan(0);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Only over budget' }));
    await waitFor(async () => expect((await dataRows(canvasElement)).length).toBe(over.length));
  },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await dataRows(canvasElement);
    const root = canvasElement.querySelector<HTMLElement>('[data-part="user-list"]')!;
    await expect(root).toHaveAttribute('data-theme', 'dark');
    const [r, g, b] = getComputedStyle(root).backgroundColor.match(/\d+/g)!.map(Number);
    await expect(Math.max(r!, g!, b!)).toBeLessThan(64);
  },
};

/** German texts (loaded on demand for a `de` locale): long headers wrap rather than widen their columns. */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await dataRows(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('searchbox', { name: 'Nutzer suchen' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-part="user-list"]')).toHaveAttribute('lang', 'de-DE');
    await expect(englishShown(canvasElement)).toEqual([]);
  },
};

/** Chinese texts, written for Chinese readers; numbers, cost and dates in zh-CN. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await dataRows(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('searchbox', { name: '搜索用户' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-part="user-list"]')).toHaveAttribute('lang', 'zh-CN');
    await expect(englishShown(canvasElement)).toEqual([]);
  },
};

/** 360 px wide: each user is a card of the id and three figures, the toolbar folds behind one button. */
export const NarrowContainer: Story = {
  decorators: [(Story) => <div style={{ width: 360 }}>{<Story />}</div>],
  play: async ({ canvasElement }) => {
    const rows = await dataRows(canvasElement);
    const scroller = canvasElement.querySelector<HTMLElement>('[data-part="user-list-scroll"]')!;
    // Nothing to scroll sideways: the figures that do not fit are left to the wide layout.
    await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    const shown = [...rows[0]!.children].filter((cell) => cell.getClientRects().length > 0);
    await expect(shown.map((cell) => cell.getAttribute('data-column'))).toEqual(['userId', 'lastEvent', 'traceCount', 'totalCost']);
    const toggle = within(canvasElement).getByRole('button', { name: 'Options' });
    await expect(within(canvasElement).queryByRole('combobox', { name: 'Date range' })).toBeNull();
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(within(canvasElement).getByRole('combobox', { name: 'Date range' })).toBeVisible();
  },
};

/** State kept in a (fake) URL: every change writes it, the list reads only from it. */
function UrlSynced() {
  const [url, setUrl] = useState('?sort=totalCost.desc&page=1&size=25&q=');
  const params = new URLSearchParams(url);
  const [field, direction] = (params.get('sort') ?? 'lastEvent.desc').split('.') as [UserSortField, 'asc' | 'desc'];
  // Functional updates: one interaction can change several keys (a new sort also goes to page 1).
  const write = (changes: Record<string, string>) =>
    setUrl((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) next.set(key, value);
      return `?${next.toString()}`;
    });
  return (
    <div>
      <output aria-label="Address">{url}</output>
      <UserList
        getUserHref={userHref}
        search={params.get('q') ?? ''}
        onSearchChange={(q) => write({ q })}
        sorting={{ field, direction }}
        onSortingChange={(sort: SortSpec<UserSortField>) => write({ sort: `${sort.field}.${sort.direction}` })}
        pagination={{ page: Number(params.get('page') ?? 1), pageSize: Number(params.get('size') ?? 25) }}
        onPaginationChange={(p) => write({ page: String(p.page), size: String(p.pageSize) })}
        showDistribution={false}
      />
    </div>
  );
}

export const ControlledUrlState: Story = {
  render: () => <UrlSynced />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await dataRows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(canvas.getByLabelText('Address')).toHaveTextContent('page=2'));
    await userEvent.click(canvas.getByRole('button', { name: /^Total tokens/ }));
    await waitFor(() => expect(canvas.getByLabelText('Address')).toHaveTextContent('sort=totalTokens.desc'));
    await expect(canvas.getByLabelText('Address')).toHaveTextContent('page=1');
  },
};

/** The cost histogram: round log bands, a count axis, each bar's words on hover, and the same numbers as a table. */
export const CostHistogram: Story = {
  // Langfuse declares no distribution.
  tags: ['memory-only'],
  args: { defaultSorting: { field: 'totalCost', direction: 'desc' }, defaultRange: { preset: 'all' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chart = within(await canvas.findByRole('region', { name: 'Users by cost' }));
    const bars = await chart.findAllByRole('button', { name: /^\d+ users? with cost from \S+ to \S+$/ }, { timeout: 5000 });
    const busiest = bars.find((bar) => !/^0 /.test(bar.getAttribute('aria-label')!))!;
    await userEvent.hover(busiest);
    await expect(canvasElement.querySelector('[data-part="user-list-distribution-tooltip"]')).toHaveTextContent(busiest.getAttribute('aria-label')!);
    await expect(canvasElement.querySelector('[data-part="user-list-distribution-y-title"]')).toHaveTextContent('Users');
    await userEvent.click(chart.getByText('Show as a table'));
    const table = chart.getByRole('table', { name: 'Users by cost' });
    await expect(within(table).getAllByRole('row')).toHaveLength(bars.length + 1);
  },
};

/**
 * A metadata condition from the Filters menu (`plan` = `enterprise`): the list keeps the users
 * with such traces and counts only those. Langfuse cannot filter by metadata (no metrics
 * dimension) and offers no such field.
 */
export const MetadataFilter: Story = {
  args: { defaultRange: { preset: 'all' } },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    await dataRows(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Filters' }));
    if (globals.source === 'langfuse') {
      await canvas.findByRole('checkbox', { name: 'production' }, { timeout: 5000 });
      await expect(canvas.queryByRole('group', { name: 'Metadata' })).toBeNull();
      return;
    }
    const group = await canvas.findByRole('group', { name: 'Metadata' });
    await userEvent.type(within(group).getByRole('textbox', { name: 'Key' }), 'plan');
    await userEvent.type(within(group).getByRole('textbox', { name: 'Value' }), 'enterprise{Enter}');
    const expected = await demoClient.listUsers({ filters: { metadata: { plan: 'enterprise' } }, pageSize: 1 });
    const everyone = await demoClient.listUsers({ pageSize: 1 });
    await expect(expected.total!).toBeLessThan(everyone.total!);
    await waitFor(() => expect(canvas.getByText(new RegExp(`^1–\\d+ of ${expected.total}$`))).toBeInTheDocument());
    await expect(within(group).getByRole('button', { name: 'Remove plan = enterprise' })).toBeInTheDocument();
  },
};

/**
 * Feedback as a figure: the Feedback header picks a score to sort by (lowest mean first), the
 * histogram follows it, and a bar keeps the users in its band ("helpfulness below 0.5"). On
 * Langfuse, which cannot rank users by a score, the header offers nothing.
 */
export const SortByFeedbackScore: Story = {
  args: { defaultRange: { preset: 'all' } },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    await dataRows(canvasElement);
    const pickerName = 'Sort users by the mean of a score';
    if (globals.source === 'langfuse') {
      await expect(canvas.queryByRole('combobox', { name: pickerName })).toBeNull();
      return;
    }
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: pickerName }), 'helpfulness');
    const header = canvas.getByRole('columnheader', { name: /Feedback/ });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
    const expected = await demoClient.listUsers({ sort: { field: 'score:helpfulness', direction: 'asc' }, pageSize: 1 });
    await waitFor(async () => expect((await dataRows(canvasElement))[0]).toHaveTextContent(expected.items[0]!.userId));
    const chart = within(await canvas.findByRole('region', { name: 'Users by helpfulness' }));
    const bars = await chart.findAllByRole('button', { name: /^\d+ users? with helpfulness from \S+ to \S+$/ }, { timeout: 5000 });
    const first = bars.find((bar) => !/^0 /.test(bar.getAttribute('aria-label')!))!;
    const count = Number(/^\d+/.exec(first.getAttribute('aria-label')!)![0]);
    await userEvent.click(first);
    await waitFor(async () => expect(await dataRows(canvasElement)).toHaveLength(count));
  },
};

/**
 * People instead of ids: the provider's `getUserProfiles` answers from the host's records (here
 * the demo's), once per page; the name leads and the id stays beside it, verbatim. One id in ten
 * is unknown to the host and shows as the id alone. On a source that takes ids for search (the
 * in-memory one), search also finds a person by a name already loaded.
 */
export const PeopleFromHostProfiles: Story = {
  parameters: {
    userlens: {
      getUserProfiles: createDemoProfiles(),
      profileFields: [
        { field: 'organisation', label: 'Organisation' },
        { field: 'plan', label: 'Plan' },
      ],
    },
  },
  // The organisation shown; the plan one click away in the Columns menu.
  args: { defaultColumns: ['userId', 'profile.organisation', 'lastEvent', 'traceCount', 'totalCost', 'errorCount', 'scores', 'trend'] },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const rows = await dataRows(canvasElement);
    const named = await waitFor(() => {
      const row = rows.find((candidate) => candidate.querySelector('[data-part="user-list-user-name"]'));
      if (!row) throw new Error('no name yet');
      return row;
    });
    const id = named.querySelector('[data-part="user-list-user-id-text"]')!.textContent!;
    const name = demoProfile(id)!.name!;
    await expect(within(named).getByRole('link', { name: `${name} ${id}` })).toBeInTheDocument();
    await expect(canvas.getByRole('columnheader', { name: 'Organisation' })).toBeInTheDocument();
    await expect(within(named).getAllByRole('cell')[0]).toHaveTextContent(demoProfile(id)!.organisation as string);
    if (globals.source === 'langfuse') return;
    // The last name alone is no part of any id: only the loaded names can match it.
    await userEvent.type(canvas.getByRole('searchbox'), name.split(' ')[1]!);
    // Generous: the search waits for typing to pause, then the source answers (slow on a busy machine).
    await waitFor(async () => expect((await dataRows(canvasElement)).length).toBeLessThan(rows.length), { timeout: 5000 });
    await expect(canvas.getByRole('link', { name: `${name} ${id}` })).toBeInTheDocument();
  },
};

/** A host lookup that never answers: the figures and ids show in full, as without profiles. */
export const ProfilesNeverAnswer: Story = {
  parameters: { userlens: { getUserProfiles: () => new Promise(() => {}) } },
  play: async ({ canvasElement }) => {
    const rows = await dataRows(canvasElement);
    await expect(rows.length).toBeGreaterThan(10);
    await expect(canvasElement.querySelector('[data-part="user-list-user-name"]')).toBeNull();
    const cost = (await table(canvasElement)).getAllByRole('columnheader').findIndex((th) => /^Cost/.test(th.textContent ?? ''));
    await waitFor(async () => expect(within((await dataRows(canvasElement))[0]!).getAllByRole('cell')[cost - 1]).toHaveTextContent(/^\$\d/));
  },
};
