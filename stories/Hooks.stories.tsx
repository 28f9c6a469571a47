import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { UserlensError, type UserTrackingClient } from '../src/core.ts';
import { withFaults } from '../src/testing/index.ts';
import { HooksInspector } from './HooksInspector.tsx';

const meta = {
  title: 'Hooks/Live results',
  component: HooksInspector,
  parameters: {
    docs: {
      description: {
        component:
          'Each headless hook on the demo data: `useUsers` finds the costliest user, the others load that user. Loading shows skeletons, failures show what failed and a retry.',
      },
    },
  },
} satisfies Meta<typeof HooksInspector>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every hook answering from the in-memory demo client. */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const users = await canvas.findByRole('region', { name: /useUsers/ });
    const rows = await within(users).findAllByRole('row');
    await expect(rows).toHaveLength(6); // header + 5 users
    const userPanel = canvas.getByRole('region', { name: /useUser —/ });
    await waitFor(() => expect(within(userPanel).getByText('Cost')).toBeInTheDocument());
    const topUserId = within(rows[1]!).getAllByRole('cell')[0]!.textContent!;
    await expect(within(userPanel).getByText(topUserId)).toBeInTheDocument();
  },
};

/** Requests that never answer: skeletons, and regions marked busy. */
export const Loading: Story = {
  parameters: { userlens: { client: (source: UserTrackingClient) => withFaults(source, { pending: true }) } },
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole('region', { name: /useUsers/ });
    await expect(region).toHaveAttribute('aria-busy', 'true');
  },
};

let listUsersCalls = 0;
const flaky = (source: UserTrackingClient) =>
  withFaults(source, {
    methods: ['listUsers'],
    error: new UserlensError('network', 'The metrics source could not be reached (simulated). Check the connection and retry.'),
    onCall: () => listUsersCalls++,
  });

/** The source fails: the message says what failed, and Retry asks again. */
export const Failure: Story = {
  parameters: { userlens: { client: flaky } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Network faults are retried twice (1 s, then 2 s apart) before the error shows.
    const alert = await canvas.findByRole('alert', {}, { timeout: 8000 });
    await expect(alert).toHaveTextContent('Could not load users');
    await expect(alert).toHaveTextContent('could not be reached');
    await expect(alert).toHaveAttribute('data-code', 'network');
    const callsBefore = listUsersCalls;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(listUsersCalls).toBe(callsBefore + 1));
    await expect(await canvas.findByRole('alert', {}, { timeout: 8000 })).toBeInTheDocument();
  },
};

/** A slow source: skeletons first, then data. */
export const SlowSource: Story = {
  parameters: { userlens: { client: (source: UserTrackingClient) => withFaults(source, { delayMs: 600 }) } },
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole('region', { name: /useUsers/ });
    await expect(region).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(region).not.toHaveAttribute('aria-busy'), { timeout: 4000 });
    await expect(within(region).getAllByRole('row')).toHaveLength(6);
  },
};

/** The same data in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
};
