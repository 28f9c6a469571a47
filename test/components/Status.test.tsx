import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ErrorState, NotAvailable, Skeleton, UserlensError, createMemoryClient } from '../../src/index.ts';
import { renderWithProvider } from '../utils.tsx';

const client = createMemoryClient({ traces: [] });

describe('NotAvailable', () => {
  it('shows a dash and tells screen readers the figure is not available from this source', () => {
    renderWithProvider(<NotAvailable />, { client });
    const cell = screen.getByTitle('Not available from this source');
    expect(cell).toHaveTextContent('—Not available from this source');
    expect(screen.getByText('—')).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('ErrorState', () => {
  it('announces what failed, shows the message as text and retries on click', async () => {
    const onRetry = vi.fn();
    const error = new UserlensError('network', '<b>upstream</b> unreachable. Retry later.');
    renderWithProvider(<ErrorState error={error} subject="users" onRetry={onRetry} />, { client });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'network');
    expect(alert).toHaveTextContent('Could not load users');
    expect(alert).toHaveTextContent('<b>upstream</b> unreachable. Retry later.');
    // The prefix that tells developers where a thrown error came from is not for people.
    expect(alert).not.toHaveTextContent('[userlens]');
    expect(error.message).toMatch(/^\[userlens\] /);
    expect(alert.querySelector('b')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('disables the button while a retry runs', () => {
    renderWithProvider(<ErrorState error="boom" subject="users" onRetry={() => {}} retrying />, { client });
    expect(screen.getByRole('button', { name: 'Retrying…' })).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('Skeleton', () => {
  it('is hidden from assistive technology', () => {
    const { container } = renderWithProvider(<Skeleton width={40} />, { client });
    expect(container.querySelector('[data-part="skeleton"]')).toHaveAttribute('aria-hidden', 'true');
  });
});
