import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { UserSegments } from '../src/index.ts';
import { createDemoProfiles } from '../src/testing/index.ts';

const meta = {
  title: 'Components/UserSegments',
  component: UserSegments,
  args: { onSelectSegment: fn(), scoreName: 'helpfulness' },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof UserSegments>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Cost per segment: the demo's traces grouped by tag (a prefix such as `org:` would group by
 * customer), sortable, each opening the user list filtered to it. Langfuse sums cost, tokens and
 * traces per tag but cannot count distinct users per group: there the users, cost per user,
 * error rate and feedback read "not available" and do not sort.
 */
export const ByTag: Story = {
  args: { defaultDimension: 'tags', defaultRange: { preset: '30d' } },
  play: async ({ canvasElement, args, globals }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Segments' }, { timeout: 5000 });
    await expect(within(table).getAllByRole('row').length).toBeGreaterThan(2);
    if (globals.source === 'langfuse') {
      await expect(within(table).getAllByText('Not available from this source').length).toBeGreaterThan(0);
      await expect(within(table).queryByRole('button', { name: /^Cost per user/ })).toBeNull();
      await userEvent.click(within(table).getByRole('button', { name: /^Traces/ }));
      await expect(within(table).getByRole('columnheader', { name: /^Traces/ })).toHaveAttribute('aria-sort', 'descending');
      return;
    }
    await userEvent.click(within(table).getByRole('button', { name: /^Cost per user/ }));
    await expect(within(table).getByRole('columnheader', { name: /^Cost per user/ })).toHaveAttribute('aria-sort', 'descending');
    const first = within(table).getAllByRole('row')[1]!;
    await userEvent.click(within(first).getByRole('button'));
    await expect(args.onSelectSegment).toHaveBeenCalledWith({ tags: [within(first).getByRole('button').textContent] });
  },
};

/** Grouped by environment. */
export const ByEnvironment: Story = {
  tags: ['memory-only'],
  args: { defaultDimension: 'environment', defaultRange: { preset: '30d' } },
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('table', { name: 'Segments' }, { timeout: 5000 });
    await expect(within(table).getByRole('button', { name: 'production' })).toBeInTheDocument();
  },
};

/**
 * Cost per plan: grouped by a key of the traces' metadata (the demo records each user's `plan`
 * and `region`), offered in the picker through `metadataKeys`; a segment opens the list with a
 * metadata filter. Langfuse has no metadata dimension: not available there.
 */
export const ByMetadataPlan: Story = {
  args: { defaultDimension: 'metadata.plan', metadataKeys: ['plan', 'region'], defaultRange: { preset: '30d' } },
  play: async ({ canvasElement, args, globals }) => {
    const canvas = within(canvasElement);
    if (globals.source === 'langfuse') {
      await expect(await canvas.findByText('Not available from this source', {}, { timeout: 5000 })).toBeInTheDocument();
      return;
    }
    const table = await canvas.findByRole('table', { name: 'Segments' }, { timeout: 5000 });
    await expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent).sort()).toEqual(['enterprise', 'free', 'pro']);
    await userEvent.click(within(table).getByRole('button', { name: 'enterprise' }));
    await expect(args.onSelectSegment).toHaveBeenCalledWith({ metadata: { plan: 'enterprise' } });
  },
};

/**
 * Cost per organisation from the host's own records: the provider's `getUserProfiles` and
 * `profileFields` add the fields to the picker, and the part joins every user's figures with their
 * profile in the browser (the source never sees a profile). Langfuse lists only its top 1,000
 * users, so the fields are not offered there.
 */
export const ByProfileOrganisation: Story = {
  args: { defaultDimension: 'profile.organisation', defaultRange: { preset: '30d' } },
  parameters: {
    userlens: {
      getUserProfiles: createDemoProfiles(),
      profileFields: [
        { field: 'organisation', label: 'Organisation' },
        { field: 'plan', label: 'Plan' },
      ],
    },
  },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    const picker = await canvas.findByRole('combobox', { name: 'Group by' }, { timeout: 5000 });
    if (globals.source === 'langfuse') {
      await expect(within(picker).queryByRole('option', { name: 'Organisation' })).toBeNull();
      return;
    }
    await expect(picker).toHaveValue('profile.organisation');
    const table = await canvas.findByRole('table', { name: 'Segments' }, { timeout: 5000 });
    await expect(within(table).getAllByRole('rowheader').length).toBeGreaterThan(2);
    await expect(within(table).getByText('(none)')).toBeInTheDocument();
  },
};
