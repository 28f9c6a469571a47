import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { UserOverview } from '../src/index.ts';

const meta = {
  title: 'Components/UserOverview',
  component: UserOverview,
  args: { getUserHref: (id: string) => `/admin/users/${encodeURIComponent(id)}` },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof UserOverview>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The last 7 days of the demo data: active users per day (new and returning), per-user cost and
 * tokens, and who moved most against the 7 days before. Langfuse's metrics cannot count distinct
 * users, so that source says the overview is not available.
 */
export const LastSevenDays: Story = {
  args: { defaultRange: { preset: '7d' } },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    if (globals.source === 'langfuse') {
      await expect(await canvas.findByText('Not available from this source', {}, { timeout: 5000 })).toBeInTheDocument();
      return;
    }
    const active = await canvas.findByText('Active users', { selector: 'dt' }, { timeout: 5000 });
    await waitFor(() => expect(active.parentElement!.querySelector('dd')!.textContent).toMatch(/^\d+$/), { timeout: 5000 });
    await expect(canvas.getByRole('img', { name: /^Active users per day/ })).toBeInTheDocument();
    const movers = canvas.getByRole('region', { name: 'Cost moved most' });
    await expect(within(movers).getAllByRole('row').length).toBeGreaterThan(1);
    await userEvent.click(canvas.getByText('Show as a table'));
    await expect(canvas.getByRole('table', { name: /^Active users per day/ })).toBeInTheDocument();
  },
};

/** Ninety days, a bar a day (weeks past 120 days). */
export const NinetyDays: Story = {
  tags: ['memory-only'],
  args: { defaultRange: { preset: '90d' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('img', { name: /^Active users per day/ }, { timeout: 5000 })).toBeInTheDocument();
  },
};
