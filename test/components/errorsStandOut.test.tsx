import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UserDetail, createMemoryClient, enUS } from '../../src/index.ts';
import { COLUMN_BY_ID } from '../../src/components/UserList/columns.ts';
import { UserListCell, type CellEnvironment } from '../../src/components/UserList/cells.tsx';
import { createFormatters } from '../../src/format/createFormatters.ts';
import { END, errorUsers } from '../errorUsers.ts';
import { renderWithProvider } from '../utils.tsx';

const client = createMemoryClient(errorUsers, { id: 'errors-stand-out' });
const options = { client, now: () => END, defaultRange: { preset: 'all' as const } };

async function errorsFigure(userId: string) {
  renderWithProvider(<UserDetail userId={userId} />, options);
  const value = (await screen.findByText('Errors', { selector: 'dt' })).parentElement!.querySelector('dd')!;
  await waitFor(() => expect(value.querySelector('[data-part="skeleton"]')).toBeNull());
  return value;
}

describe('UserDetail.Stats — errors', () => {
  it('marks errors above zero as failures, with a named icon beside the figure', async () => {
    const value = await errorsFigure('failing@example.com');
    expect(value).toHaveTextContent(/^6 \(100%\)$/);
    expect(within(value).getByRole('img', { name: 'Requests failed' })).toBeInTheDocument();
    expect(value.querySelector('[data-danger]')).toHaveTextContent('6 (100%)');
  });

  it('keeps one failure in eight marked too', async () => {
    const value = await errorsFigure('mixed@example.com');
    expect(value).toHaveTextContent(/^1 \(12\.5%\)$/);
    expect(within(value).getByRole('img', { name: 'Requests failed' })).toBeInTheDocument();
  });

  it('leaves zero errors plain: no icon, no danger', async () => {
    const value = await errorsFigure('fine@example.com');
    expect(value).toHaveTextContent(/^0 \(0%\)$/);
    expect(within(value).queryByRole('img')).toBeNull();
    expect(value.querySelector('[data-danger]')).toBeNull();
  });
});

describe('UserList — errors cells', () => {
  // The cell alone: the table around it is another part's, tested with it.
  const renderCell = async (userId: string) => {
    const { items } = await client.listUsers({ search: userId, page: 1, pageSize: 1 });
    const env: CellEnvironment = {
      format: createFormatters(),
      lang: 'en-US',
      labels: enUS,
      capabilities: client.capabilities,
      deferred: { byUser: new Map(), isPending: false, error: null, retry: () => {} },
      trend: undefined,
      trendPending: false,
      now: END,
      budget: undefined,
      budgetStatus: undefined,
      profile: undefined,
      getUserHref: undefined,
      onSelectUser: undefined,
    };
    return render(<UserListCell column={COLUMN_BY_ID.get('errorCount')!} user={items[0]!} env={env} />).container;
  };

  it('marks a user whose every request failed', async () => {
    const cell = await renderCell('failing@example.com');
    expect(cell).toHaveTextContent(/^6 \(100%\)$/);
    expect(within(cell).getByRole('img', { name: 'Requests failed' })).toBeInTheDocument();
    // The rate is part of the marked figure, not muted beside it.
    expect(cell.querySelector('[data-danger] [data-part="user-list-error-rate"]')).toHaveTextContent('(100%)');
  });

  it('marks one failure in eight', async () => {
    const cell = await renderCell('mixed@example.com');
    expect(cell).toHaveTextContent(/^1 \(12\.5%\)$/);
    expect(within(cell).getByRole('img', { name: 'Requests failed' })).toBeInTheDocument();
  });

  it('leaves zero errors plain', async () => {
    const cell = await renderCell('fine@example.com');
    expect(cell).toHaveTextContent(/^0$/);
    expect(within(cell).queryByRole('img')).toBeNull();
    expect(cell.querySelector('[data-danger]')).toBeNull();
  });
});
