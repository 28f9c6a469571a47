import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LazyChart } from '../../../src/components/charts/ChartFallback.tsx';
import { createMemoryClient } from '../../../src/index.ts';
import { renderWithProvider } from '../../utils.tsx';

const client = createMemoryClient({ traces: [], observations: [], scores: [] });

describe('a chart loaded on demand', () => {
  it('holds its place while the module loads, says so in its place when it cannot load, and loads again on Retry', async () => {
    // React reports an error its boundary caught on the console; the boundary's output is what this checks.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    let attempts = 0;
    let release: () => void = () => {};
    const load = () => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(new Error('Failed to fetch dynamically imported module'));
      return new Promise<{ default: (props: { title: string }) => React.ReactElement }>((resolve) => {
        release = () => resolve({ default: ({ title }) => <figure aria-label={title} /> });
      });
    };
    renderWithProvider(
      <main>
        <h1>Host page</h1>
        <LazyChart load={load} part="user-detail-activity" props={{ title: 'Traces per day', className: 'mine' }} chartRef={null} />
      </main>,
      { client },
    );
    // The page around it stays; the chart's place says what failed, with a retry.
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this chart');
    expect(alert).toHaveAttribute('data-part', 'user-detail-activity');
    expect(screen.getByRole('heading', { name: 'Host page' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const placeholder = document.querySelector('[data-part="user-detail-activity"][aria-busy="true"]');
    expect(placeholder).toHaveClass('mine');
    release();
    expect(await screen.findByRole('figure', { name: 'Traces per day' })).toBeInTheDocument();
    expect(attempts).toBe(2);
    reported.mockRestore();
  });
});
