import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DEMO_NOW, demoClient } from '../.storybook/demoClient.ts';
import { UserlensError, type UserTrackingClient } from '../src/core.ts';
import { UserDetail } from '../src/index.ts';
import { createDemoProfiles, demoProfile, withFaults } from '../src/testing/index.ts';
import { withCapabilities } from './clients.ts';
import { hostileDataset, powerDataset, smallCasesDataset } from './detailData.ts';
import { englishShown } from './englishShown.ts';

// A typical demo user: the tenth most active over all time.
const typical = (await demoClient.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, page: 10, pageSize: 1 })).items[0]!.userId;
const siblings = (await demoClient.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, page: 1, pageSize: 20 })).items.map((u) => u.userId);
const HOSTILE_ID = '<script>alert("id")</script> ‮evil';

const meta = {
  title: 'Components/UserDetail',
  component: UserDetail,
  args: {
    userId: typical,
    listHref: '/admin/users',
    siblings,
    getUserHref: (id: string) => `/admin/users/${encodeURIComponent(id)}`,
    getTraceHref: (id: string) => `/traces/${encodeURIComponent(id)}`,
    getSessionHref: (id: string) => `/sessions/${encodeURIComponent(id)}`,
    onTabChange: fn(),
  },
} satisfies Meta<typeof UserDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

const figure = async (canvasElement: HTMLElement, name: string) => {
  const canvas = within(canvasElement);
  const term = await canvas.findByText(name, { selector: 'dt' }, { timeout: 5000 });
  const value = term.parentElement!.querySelector('dd')!;
  // Generous: on the Langfuse source a power user's records take many requests.
  await waitFor(() => expect(value.querySelector('[data-part="skeleton"]')).toBeNull(), { timeout: 15_000 });
  return value;
};

/** A typical user on the demo data, over the provider's default range (the last 30 days, as the list opens on). */
export const TypicalUser: Story = {
  play: async ({ canvasElement }) => {
    const from = new Date(Math.floor((DEMO_NOW - 30 * 86_400_000) / 1000) * 1000).toISOString();
    const stats = (await demoClient.getUser(typical, { range: { from } }))!;
    await expect(stats.traceCount).toBeGreaterThan(0);
    const count = new Intl.NumberFormat('en-US');
    await expect((await figure(canvasElement, 'Traces')).textContent).toBe(count.format(stats.traceCount));
    await expect((await figure(canvasElement, 'Sessions')).textContent).toBe(count.format(stats.sessionCount));
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent(new RegExp(`^${typical.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const traces = await canvas.findByRole('tabpanel');
    await waitFor(() => expect(within(traces).getAllByRole('row').length).toBeGreaterThan(1));
  },
};

/** Tabs by keyboard: arrow keys move between Traces, Sessions and Scores, each loads its rows. */
export const KeyboardTabs: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const tab = await canvas.findByRole('tab', { name: 'Traces' });
    tab.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Sessions' })).toHaveAttribute('aria-selected', 'true');
    await expect(args.onTabChange).toHaveBeenCalledWith('sessions');
    await waitFor(() => expect(within(canvas.getByRole('tabpanel')).getAllByRole('row').length).toBeGreaterThan(1));
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Scores' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(within(canvas.getByRole('tabpanel')).getAllByRole('row').length).toBeGreaterThan(1));
  },
};

/** Days start at the viewer's midnight: the provider's `timeZone` (here Pacific/Chatham, UTC+13:45) decides the buckets and their names. */
export const ViewerTimeZone: Story = {
  globals: { timeZone: 'Pacific/Chatham' },
  play: async ({ canvasElement }) => {
    const from = new Date(Math.floor((DEMO_NOW - 30 * 86_400_000) / 1000) * 1000).toISOString();
    const expected = await demoClient.getActivity({ userId: typical, range: { from }, granularity: 'auto', timeZone: 'Pacific/Chatham' });
    const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'Pacific/Chatham' });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByText('Show as a table', {}, { timeout: 15_000 }));
    const table = canvas.getByRole('table', { name: /per day/ });
    const rows = within(table).getAllByRole('row').slice(1);
    await expect(rows).toHaveLength(expected.points.length);
    // Each bucket starts at a Chatham midnight and is named by its Chatham date.
    await expect(rows[0]!.querySelector('th')!.textContent).toBe(day.format(new Date(expected.points[0]!.start)));
    await expect(new Date(expected.points[1]!.start).toISOString()).toMatch(/T1[01]:15:00\.000Z$/);
    await expect(canvas.queryByText(/in UTC/)).toBeNull();
  },
};

/** A source that can bucket only in UTC: the chart names its days in UTC and says so, instead of passing them off as local. */
export const UtcOnlySource: Story = {
  globals: { timeZone: 'Pacific/Chatham' },
  parameters: { userlens: { client: (source: UserTrackingClient) => withCapabilities(source, { timeZones: false }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByText('Show as a table', {}, { timeout: 15_000 }));
    const table = canvas.getByRole('table', { name: /per day/ });
    for (const row of within(table).getAllByRole('row').slice(1)) await expect(row.querySelector('th')!.textContent).toMatch(/ UTC$/);
    await expect(canvasElement.querySelector('[data-part="user-detail-utc"]')).toHaveTextContent('Hours, days and weeks in UTC');
  },
};

/** A power user with 10,000 traces. On Langfuse, past one read: figures from its metrics, lists of the latest traces. */
export const PowerUser: Story = {
  args: { userId: 'power.user@example.com', siblings: undefined, defaultRange: { preset: 'all' } },
  parameters: { userlens: { dataset: { key: 'power', dataset: powerDataset } } },
  play: async ({ canvasElement, globals }) => {
    await expect(await figure(canvasElement, 'Traces')).toHaveTextContent('10,000');
    const canvas = within(canvasElement);
    if (globals.source === 'langfuse') {
      // Past one read of 500 observations: the figures from Langfuse's metrics, the lists of the latest traces.
      await expect(await canvas.findByRole('note', {}, { timeout: 15_000 })).toHaveTextContent(/the lists below come from the latest \d+ traces/);
      await expect(await figure(canvasElement, 'Sessions')).toHaveTextContent('Not available from this source');
      return;
    }
    await expect(await canvas.findByText(/^1–25 of 10,000$/, {}, { timeout: 15_000 })).toBeInTheDocument();
  },
};

/** A brand-new user with one trace. */
export const BrandNewUser: Story = {
  args: { userId: 'new.user@example.com', siblings: undefined },
  parameters: { userlens: { dataset: { key: 'small-cases', dataset: smallCasesDataset } } },
  play: async ({ canvasElement }) => {
    await expect((await figure(canvasElement, 'Traces')).textContent).toBe('1');
    await expect((await figure(canvasElement, 'Cost')).textContent).toBe('$0.000046');
  },
};

/** A user whose every trace failed. */
export const OnlyErrors: Story = {
  args: { userId: 'failing.user@example.com', siblings: undefined },
  parameters: { userlens: { dataset: { key: 'small-cases', dataset: smallCasesDataset } } },
  play: async ({ canvasElement }) => {
    await expect(await figure(canvasElement, 'Errors')).toHaveTextContent('6 (100%)');
    const panel = await within(canvasElement).findByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByText('Error')).toHaveLength(6));
  },
};

/** Scores of all three kinds: numeric over time, boolean and categorical counted. */
export const AllScoreKinds: Story = {
  args: { defaultTab: 'scores' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('img', { name: 'Numeric scores over time' }, { timeout: 5000 })).toBeInTheDocument();
    await expect(canvas.getByText(/^user-feedback: /)).toBeInTheDocument();
  },
};

/**
 * A conversation rated as a whole: scores on a session (no trace) count for each user with a
 * trace in it, and the scores tab lists them with the session in place of a trace. On Langfuse
 * the client reads them with `sessionScores: true`.
 */
export const SessionScores: Story = {
  args: { userId: 'ana@example.com', siblings: undefined, defaultTab: 'scores' },
  parameters: {
    userlens: {
      dataset: {
        key: 'session-scores',
        dataset: () => {
          const at = (hours: number) => new Date(DEMO_NOW - hours * 3_600_000).toISOString();
          const turns = [
            { id: 'c-1', userId: 'ana@example.com', sessionId: 'conv-1', hours: 5 },
            { id: 'c-2', userId: 'ana@example.com', sessionId: 'conv-1', hours: 4 },
            { id: 'c-3', userId: 'ben@example.com', sessionId: 'conv-1', hours: 3 },
            { id: 'c-4', userId: 'ana@example.com', sessionId: 'conv-2', hours: 2 },
          ];
          return {
            traces: turns.map(({ id, userId, sessionId, hours }) => ({ id, userId, sessionId, timestamp: at(hours), name: 'support-chat' })),
            observations: turns.map(({ id, hours }) => ({ id: `${id}-root`, traceId: id, type: 'SPAN', startTime: at(hours), endTime: at(hours) })),
            scores: [
              { id: 's-1', traceId: 'c-1', name: 'helpfulness', value: 0.9, dataType: 'NUMERIC', source: 'EVAL', timestamp: at(5) },
              { id: 's-2', sessionId: 'conv-1', name: 'resolved', value: 1, dataType: 'BOOLEAN', source: 'API', timestamp: at(1) },
              { id: 's-3', sessionId: 'conv-2', name: 'resolved', value: 0, dataType: 'BOOLEAN', source: 'API', timestamp: at(1) },
              { id: 's-4', sessionId: 'conv-2', name: 'helpfulness', value: 0.3, dataType: 'NUMERIC', source: 'ANNOTATION', timestamp: at(1) },
            ],
          };
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const panel = await canvas.findByRole('tabpanel', {}, { timeout: 8000 });
    // Ana's four: one on her trace, three on her two conversations.
    await expect(await canvas.findByText(/^1–4 of 4/, {}, { timeout: 8000 })).toBeInTheDocument();
    // Two session scores of conv-2 and one of conv-1 (shared with Ben), each once.
    const sessionLinks = within(panel).getAllByRole('link', { name: /^conv-/ });
    await expect(sessionLinks.map((link) => link.textContent).sort()).toEqual(['conv-1', 'conv-2', 'conv-2']);
    await expect(sessionLinks[0]).toHaveAttribute('href', expect.stringMatching(/^\/sessions\/conv-/));
    await expect(await canvas.findByText(/^resolved: /, {}, { timeout: 5000 })).toBeInTheDocument();
  },
};

/**
 * The traces tab narrowed to one of the user's own tags, offered with how many of their traces
 * carry it (read with their figures, so no request more), on both sources.
 */
export const TracesByTag: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const panel = await canvas.findByRole('tabpanel', {}, { timeout: 8000 });
    const picker = await within(panel).findByRole('combobox', { name: 'Tag' }, { timeout: 8000 });
    const options = within(picker).getAllByRole('option');
    await expect(options[0]).toHaveTextContent('All tags');
    // The least carried tag: it narrows the most.
    const rare = options.at(-1)!;
    const [, tag, count] = /^(.+) \((\d+)\)$/.exec(rare.textContent!)!;
    await userEvent.selectOptions(picker, tag!);
    await waitFor(() => expect(within(panel).getByText(new RegExp(`of ${count}$`))).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** An id the source has never seen: says so and links back. */
export const NoSuchUser: Story = {
  args: { userId: 'nobody@example.com' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'User not found' })).toBeInTheDocument();
    await expect(canvas.getAllByRole('link', { name: /Back to users/ })[0]).toHaveAttribute('href', '/admin/users');
  },
};

/** Requests that never answer. */
export const Loading: Story = {
  parameters: { userlens: { client: (source: UserTrackingClient) => withFaults(source, { pending: true }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByLabelText('Figures')).toHaveAttribute('aria-busy', 'true');
  },
};

/** The source fails. */
export const Failure: Story = {
  parameters: {
    userlens: { client: (source: UserTrackingClient) => withFaults(source, { error: new UserlensError('network', 'The metrics source could not be reached. Check the connection and retry.') }) },
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 8000 });
    await expect(alert).toHaveTextContent('Could not load this user');
  },
};

/** A source without latency or first/last events: those figures read "not available". */
export const PartialCapabilities: Story = {
  parameters: {
    userlens: {
      client: (source: UserTrackingClient) => withCapabilities(source, {
        detailFigures: ['traceCount', 'observationCount', 'sessionCount', 'inputTokens', 'outputTokens', 'totalTokens', 'totalCost', 'errorCount', 'errorRate', 'scores'],
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await figure(canvasElement, 'Latency p95')).toHaveTextContent('Not available from this source');
    await expect(await figure(canvasElement, 'Active period')).toHaveTextContent('Not available from this source');
  },
};

/** A hostile id, and traces with script tags, a 1 MB output and JSON nested 5,000 deep: all text. */
export const HostileData: Story = {
  args: { userId: HOSTILE_ID, siblings: undefined },
  parameters: { userlens: { dataset: { key: 'hostile-detail', dataset: () => hostileDataset(HOSTILE_ID) } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { level: 2 })).toHaveTextContent(HOSTILE_ID);
    const panel = await canvas.findByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('row')).toHaveLength(4));
    await expect(canvasElement.querySelector('script, img, b')).toBeNull();
    await expect(within(panel).getByText(/^<script>alert\("input"\)<\/script>$/)).toBeInTheDocument();
    // The 1 MB output is cut before layout: the row holds a preview, not the megabyte.
    await expect(panel.textContent!.length).toBeLessThan(5000);
  },
};

/** The dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await figure(canvasElement, 'Traces');
    const root = canvasElement.querySelector<HTMLElement>('[data-part="user-detail"]')!;
    await expect(root).toHaveAttribute('data-theme', 'dark');
    // The page background is dark: each RGB channel well below the middle.
    const [r, g, b] = getComputedStyle(root).backgroundColor.match(/\d+/g)!.map(Number);
    await expect(Math.max(r!, g!, b!)).toBeLessThan(64);
  },
};

/** German texts (loaded on demand for a `de` locale). */
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await figure(canvasElement, 'Kosten');
    await expect(within(canvasElement).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Traces', 'Sessions', 'Scores']);
    await expect(englishShown(canvasElement)).toEqual([]);
  },
};

/** Chinese texts: figures, charts, tabs and tables. */
export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    await figure(canvasElement, '成本');
    const tabs = within(canvasElement).getAllByRole('tab');
    await expect(tabs.map((tab) => tab.textContent)).toEqual(['追踪', '会话', '评分']);
    // Each tab in turn: no English phrase on screen once its rows are in.
    for (const tab of tabs) {
      await userEvent.click(tab);
      await waitFor(() => expect(within(canvasElement).getByRole('tabpanel').querySelectorAll('tbody tr').length).toBeGreaterThan(0), { timeout: 15_000 });
      await expect(englishShown(canvasElement)).toEqual([]);
    }
  },
};

/** 360 px wide: stats wrap, tables scroll. */
export const NarrowContainer: Story = {
  decorators: [(Story) => <div style={{ width: 360 }}>{<Story />}</div>],
  play: async ({ canvasElement }) => {
    await figure(canvasElement, 'Traces');
    const root = canvasElement.querySelector<HTMLElement>('[data-part="user-detail"]')!;
    await expect(root.scrollWidth).toBeLessThanOrEqual(362);
  },
};

/** Five scores of one name at one instant and a lone score of another: dots within a labelled hour, no vertical spike, one dot on its own. */
export const ScoresAtOneMoment: Story = {
  args: { userId: 'burst@example.com', siblings: undefined, defaultTab: 'scores' },
  parameters: {
    userlens: {
      dataset: {
        key: 'scores-one-moment',
        dataset: () => {
          const at = new Date(DEMO_NOW - 2 * 3_600_000).toISOString();
          const ids = [0, 1, 2, 3, 4];
          return {
            traces: ids.map((i) => ({ id: `b-${i}`, userId: 'burst@example.com', timestamp: at, name: 'chat' })),
            observations: ids.map((i) => ({ id: `b-${i}-root`, traceId: `b-${i}`, type: 'SPAN', startTime: at, endTime: at })),
            scores: [
              ...ids.map((i) => ({ id: `b-${i}-q`, traceId: `b-${i}`, name: 'quality', value: [0.2, 0.9, 0.5, 0.7, 0.4][i], dataType: 'NUMERIC', source: 'EVAL', timestamp: at })),
              { id: 'b-0-a', traceId: 'b-0', name: 'accuracy', value: 0.8, dataType: 'NUMERIC', source: 'API', timestamp: at },
            ],
          };
        },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const chart = await within(canvasElement).findByRole('img', { name: 'Numeric scores over time' }, { timeout: 8000 });
    await expect(chart.querySelectorAll('[data-series="0"] circle')).toHaveLength(5);
    await expect(chart.querySelectorAll('[data-series="1"] circle')).toHaveLength(1);
    // The line through five scores at one instant is one point, not a stroke up and down.
    await expect(chart.querySelector('[data-series="0"] path')!.getAttribute('d')).not.toMatch(/L/);
    await expect(chart.querySelectorAll('[data-axis="x"] text').length).toBeGreaterThan(0);
  },
};

/** The person from the host's records heads the page; the id follows, verbatim and copyable. */
export const PersonFromHostProfile: Story = {
  parameters: { userlens: { getUserProfiles: createDemoProfiles({ unknownShare: 0 }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = demoProfile(typical, 0)!.name!;
    await expect(await canvas.findByRole('heading', { level: 2, name }, { timeout: 5000 })).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-part="user-detail-user-id"]')).toHaveTextContent(typical);
    await expect(canvas.getByRole('button', { name: /copy/i })).toBeInTheDocument();
  },
};

// A filter that narrows the typical user's last 30 days: some of their traces pass, not all.
const last30 = { from: new Date(Math.floor((DEMO_NOW - 30 * 86_400_000) / 1000) * 1000).toISOString() };
const typicalAll = (await demoClient.getUser(typical, { range: last30 }))!;
const filterOptions = await demoClient.getFilterOptions!({ range: last30 });
let narrowing: { environments?: string[]; tags?: string[] } = {};
for (const candidate of [...filterOptions.environments.map((e) => ({ environments: [e] })), ...filterOptions.tags.map((t) => ({ tags: [t] }))]) {
  const count = (await demoClient.getUser(typical, { range: last30, filters: candidate }))!.traceCount;
  if (count > 0 && count < typicalAll.traceCount) {
    narrowing = candidate;
    break;
  }
}

/**
 * Opened from a filtered list: the list's filters (here one environment or tag) come with the
 * user, so every figure, chart and tab counts only those traces and adds up to the row clicked;
 * the header says so, and "Clear filters" shows all of the user's traces.
 */
export const FilteredFromTheList: Story = {
  args: { defaultFilters: narrowing },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const filtered = (await demoClient.getUser(typical, { range: last30, filters: narrowing }))!;
    await expect(filtered.traceCount).toBeGreaterThan(0);
    await expect(filtered.traceCount).toBeLessThan(typicalAll.traceCount);
    const count = new Intl.NumberFormat('en-US');
    await waitFor(async () => expect((await figure(canvasElement, 'Traces')).textContent).toBe(count.format(filtered.traceCount)));
    await expect(canvas.getByText(narrowing.environments ? /^Environments: / : /^Tags: /)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Clear filters' }));
    await waitFor(async () => expect((await figure(canvasElement, 'Traces')).textContent).toBe(count.format(typicalAll.traceCount)));
    // Settled: the tabs' rows too (a part that waits for its next rows is faded, below contrast).
    await waitFor(() => expect(canvasElement.querySelector('[data-stale]')).toBeNull(), { timeout: 5000 });
  },
};

/**
 * Why did this request fail? A trace opens its steps under its row: when each started, its span
 * within the trace, type, model, level, tokens, cost, and the recorded reason of a failure.
 */
export const TraceSteps: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const panel = await canvas.findByRole('tabpanel');
    await waitFor(() => expect(within(panel).getAllByRole('button', { name: /^Steps of / }).length).toBeGreaterThan(0), { timeout: 15_000 });
    // The newest failed trace on the first page, else the newest trace.
    const failedRow = within(panel).getAllByRole('row').find((row) => within(row).queryByText('Error'));
    const toggle = within(failedRow ?? panel).getAllByRole('button', { name: /^Steps of / })[0]!;
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const steps = await canvas.findByRole('table', { name: /^Steps of / }, { timeout: 10_000 });
    await expect(within(steps).getAllByRole('row').length).toBeGreaterThan(1);
    if (failedRow) await expect(steps.querySelector('[data-part="user-detail-step-message"]')).not.toBeNull();
  },
};
