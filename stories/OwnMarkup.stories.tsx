import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { OwnMarkupList } from './OwnMarkupList.tsx';

/**
 * The user list in plain HTML from `useUserListState` + `useUserListData` alone: how a host
 * plugs userlens into its own DataTable (shadcn, MUI, Mantine…). `test/components/ownMarkup.test.tsx`
 * checks it asks the source what `<UserList />` asks.
 */
const meta = {
  title: 'Compose/Own markup',
  component: OwnMarkupList,
  args: { defaultRange: { preset: '30d' } },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof OwnMarkupList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PlainTable: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = within(await canvas.findByRole('table'));
    await waitFor(() => expect(table.getAllByRole('row').length).toBeGreaterThan(10), { timeout: 5000 });
    await userEvent.click(table.getByRole('button', { name: 'Tokens' }));
    await waitFor(() => expect(table.getByRole('columnheader', { name: 'Tokens' })).toHaveAttribute('aria-sort', 'descending'));
  },
};
