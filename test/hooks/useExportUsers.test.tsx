import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryClient, type ExportColumn, type UserTrackingClient } from '../../src/core.ts';
import { useExportUsers } from '../../src/hooks/useExportUsers.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { gatedClient, renderHookWithProvider } from '../utils.tsx';

const END = '2026-11-01T00:00:00.000Z';
const memory = createMemoryClient(generateDemoDataset({ seed: 5, users: 30, end: END }), { maxPageSize: 7 });
const columns: readonly ExportColumn[] = [{ header: 'User ID', value: (user) => user.userId }];
const QUERY = { sort: { field: 'userId', direction: 'asc' } } as const;

async function expectedCsv() {
  const { items } = await createMemoryClient(generateDemoDataset({ seed: 5, users: 30, end: END })).listUsers({ ...QUERY, pageSize: 1000 });
  return { count: items.length, csv: '\uFEFFUser ID\r\n' + items.map((user) => `${user.userId}\r\n`).join('') };
}

function renderExport(client: UserTrackingClient) {
  return renderHookWithProvider(() => useExportUsers(), { client });
}

/** Lets every page through until the export is no longer running. */
async function releaseUntilSettled(gated: ReturnType<typeof gatedClient>, state: () => { status: string }) {
  await waitFor(() => {
    gated.releaseAll();
    expect(state().status).not.toBe('running');
  });
}

afterEach(() => vi.restoreAllMocks());

describe('useExportUsers — a run', () => {
  it('goes from idle through running, with progress, to done, handing over the CSV', async () => {
    const { count, csv } = await expectedCsv();
    const gated = gatedClient(memory);
    const onExport = vi.fn();
    const { result } = renderExport(gated.client);
    expect(result.current.state).toEqual({ status: 'idle' });
    act(() => result.current.start(QUERY, { columns, onExport }));
    expect(result.current.state).toEqual({ status: 'running', done: 0, total: null });
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    act(() => gated.calls[0]!.release());
    await waitFor(() => expect(result.current.state).toEqual({ status: 'running', done: 7, total: count }));
    expect(onExport).not.toHaveBeenCalled();
    await releaseUntilSettled(gated, () => result.current.state);
    expect(result.current.state).toEqual({ status: 'done', count });
    expect(onExport).toHaveBeenCalledExactlyOnceWith(csv, 'users.csv');
  });

  it('downloads the CSV under the file name when no onExport is given', async () => {
    const { csv } = await expectedCsv();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:users';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { result } = renderExport(memory);
    act(() => result.current.start(QUERY, { columns, fileName: 'team.csv' }));
    await waitFor(() => expect(result.current.state.status).toBe('done'));
    expect(clicked.map((link) => [link.download, link.href])).toEqual([['team.csv', 'blob:users']]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    // The BOM is the first character of the file, not dropped on the way.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobs[0]!.arrayBuffer())).toBe(csv);
  });

  it('reports a failure with the source’s error', async () => {
    const failing: UserTrackingClient = { ...memory, listUsers: () => Promise.reject(new Error('upstream said no')) };
    const onExport = vi.fn();
    const { result } = renderExport(failing);
    act(() => result.current.start(QUERY, { columns, onExport }));
    await waitFor(() => expect(result.current.state.status).toBe('failed'));
    expect(result.current.state).toMatchObject({ status: 'failed', error: { message: 'upstream said no' } });
    expect(onExport).not.toHaveBeenCalled();
  });
});

describe('useExportUsers — stopping', () => {
  it('cancel aborts the request and returns to idle without handing anything over', async () => {
    const gated = gatedClient(memory);
    const onExport = vi.fn();
    const { result } = renderExport(gated.client);
    act(() => result.current.start(QUERY, { columns, onExport }));
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    act(() => result.current.cancel());
    expect(result.current.state).toEqual({ status: 'idle' });
    expect(gated.calls[0]!.signal?.aborted).toBe(true);
    await act(async () => {
      gated.releaseAll();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(gated.calls).toHaveLength(1);
    expect(result.current.state).toEqual({ status: 'idle' });
    expect(onExport).not.toHaveBeenCalled();
  });

  it('aborts the running export when the component unmounts', async () => {
    const gated = gatedClient(memory);
    const onExport = vi.fn();
    const { result, unmount } = renderExport(gated.client);
    act(() => result.current.start(QUERY, { columns, onExport }));
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    unmount();
    expect(gated.calls[0]!.signal?.aborted).toBe(true);
    gated.releaseAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(gated.calls).toHaveLength(1);
    expect(onExport).not.toHaveBeenCalled();
  });

  it('a second start cancels the first: only the second hands over its CSV', async () => {
    const { count, csv } = await expectedCsv();
    const gated = gatedClient(memory);
    const first = vi.fn();
    const second = vi.fn();
    const { result } = renderExport(gated.client);
    act(() => result.current.start(QUERY, { columns, onExport: first }));
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    act(() => result.current.start(QUERY, { columns, onExport: second, fileName: 'again.csv' }));
    expect(gated.calls[0]!.signal?.aborted).toBe(true);
    await releaseUntilSettled(gated, () => result.current.state);
    expect(result.current.state).toEqual({ status: 'done', count });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledExactlyOnceWith(csv, 'again.csv');
  });
});
