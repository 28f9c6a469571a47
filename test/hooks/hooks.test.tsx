import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  UserTrackingProvider,
  clientKey,
  createMemoryClient,
  useUser,
  useUserActivity,
  useUsers,
  useUserScores,
  useUserSessions,
  useUserTraces,
  userTrackingQueries,
  type UsersQuery,
  type UserTrackingClient,
} from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { gatedClient, renderHookWithProvider, testQueryClient } from '../utils.tsx';

const END = '2026-11-01T00:00:00.000Z';
const dataset = generateDemoDataset({ seed: 3, users: 40, end: END });
const memory = createMemoryClient(dataset, { id: 'memory' });

describe('hooks — results and keys', () => {
  it('each hook returns what the client answers, cached under the factory’s key', async () => {
    const userId = (await memory.listUsers({ pageSize: 1 })).items[0]!.userId;
    const cases = [
      [() => useUsers({ pageSize: 3 }), userTrackingQueries.users(memory, { pageSize: 3 })],
      [() => useUser(userId), userTrackingQueries.user(memory, userId)],
      [() => useUserTraces({ userId }), userTrackingQueries.traces(memory, { userId })],
      [() => useUserSessions({ userId }), userTrackingQueries.sessions(memory, { userId })],
      [() => useUserScores({ userId }), userTrackingQueries.scores(memory, { userId })],
      [() => useUserActivity({ userId }), userTrackingQueries.activity(memory, { userId })],
    ] as const;
    for (const [hook, options] of cases) {
      const { result, queryClient } = renderHookWithProvider(hook as () => { isSuccess: boolean; data: unknown }, { client: memory });
      await waitFor(() => expect(result.current.isSuccess).toBe(true));
      expect(options.queryKey.slice(0, 2)).toEqual(['userlens', 'memory']);
      expect(queryClient.getQueryData(options.queryKey)).toBe(result.current.data);
      expect(result.current.data).toEqual(await (options.queryFn as (context: unknown) => Promise<unknown>)({}));
    }
  });

  it('keys hold every input: a different query is a different cache entry', () => {
    const a = userTrackingQueries.users(memory, { search: 'a' }).queryKey;
    const b = userTrackingQueries.users(memory, { search: 'b' }).queryKey;
    expect(a).toEqual(['userlens', 'memory', 'users', { search: 'a' }]);
    expect(a).not.toEqual(b);
    expect(userTrackingQueries.user(memory, 'ana', { range: { from: '2026-01-01' } }).queryKey).toEqual([
      'userlens',
      'memory',
      'user',
      { range: { from: '2026-01-01' }, userId: 'ana' },
    ]);
  });

  it('gives clients without an id a key of their own', () => {
    const one = createMemoryClient({ traces: [] });
    const two = createMemoryClient({ traces: [] });
    expect(clientKey(one)).toBe(clientKey(one));
    expect(clientKey(one)).not.toBe(clientKey(two));
    expect(clientKey(memory)).toBe('memory');
  });
});

describe('hooks — cancellation', () => {
  it('aborts the request when the component unmounts', async () => {
    const gated = gatedClient(memory);
    const { unmount } = renderHookWithProvider(() => useUsers({}), { client: gated.client });
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    expect(gated.calls[0]!.signal?.aborted).toBe(false);
    unmount();
    await waitFor(() => expect(gated.calls[0]!.signal?.aborted).toBe(true));
  });

  it('aborts the previous request when the query changes', async () => {
    const gated = gatedClient(memory);
    const { rerender } = renderHookWithProvider((query: UsersQuery) => useUsers(query), {
      client: gated.client,
      initialProps: { search: 'a' },
    });
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    rerender({ search: 'ab' });
    await waitFor(() => expect(gated.calls).toHaveLength(2));
    await waitFor(() => expect(gated.calls[0]!.signal?.aborted).toBe(true));
    expect(gated.calls[1]!.signal?.aborted).toBe(false);
  });
});

describe('hooks — previous data', () => {
  it('keeps the previous page on screen, marked as placeholder, while the next loads', async () => {
    const gated = gatedClient(memory);
    const { result, rerender } = renderHookWithProvider((page: number) => useUsers({ page, pageSize: 5 }), {
      client: gated.client,
      initialProps: 1,
    });
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    act(() => gated.releaseAll());
    await waitFor(() => expect(result.current.data?.page).toBe(1));
    rerender(2);
    await waitFor(() => expect(gated.calls).toHaveLength(2));
    expect(result.current.data?.page).toBe(1);
    expect(result.current.isPlaceholderData).toBe(true);
    act(() => gated.releaseAll());
    await waitFor(() => expect(result.current.data?.page).toBe(2));
    expect(result.current.isPlaceholderData).toBe(false);
  });

  it('never shows one user’s figures while another user’s load', async () => {
    const [first, second] = (await memory.listUsers({ pageSize: 2 })).items.map((u) => u.userId);
    const gated = gatedClient(memory);
    const { result, rerender } = renderHookWithProvider((userId: string) => useUser(userId), {
      client: gated.client,
      initialProps: first!,
    });
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    act(() => gated.releaseAll());
    await waitFor(() => expect(result.current.data?.userId).toBe(first));
    rerender(second!);
    await waitFor(() => expect(gated.calls).toHaveLength(2));
    expect(result.current.data).toBeUndefined();
    expect(result.current.isPending).toBe(true);
  });

  it('keeps the same user’s figures while a new range loads', async () => {
    const userId = (await memory.listUsers({ pageSize: 1 })).items[0]!.userId;
    const gated = gatedClient(memory);
    const { result, rerender } = renderHookWithProvider((from: string | undefined) => useUser(userId, { range: { from } }), {
      client: gated.client,
      initialProps: undefined as string | undefined,
    });
    await waitFor(() => expect(gated.calls).toHaveLength(1));
    act(() => gated.releaseAll());
    await waitFor(() => expect(result.current.data?.userId).toBe(userId));
    rerender('2026-10-25T00:00:00.000Z');
    await waitFor(() => expect(gated.calls).toHaveLength(2));
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.data?.userId).toBe(userId);
  });
});

describe('UserTrackingProvider — QueryClient', () => {
  it('reuses the host’s QueryClient when one is above', async () => {
    const host = testQueryClient();
    const { result } = renderHook(() => useUsers({ pageSize: 2 }), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={host}>
          <UserTrackingProvider client={memory}>{children}</UserTrackingProvider>
        </QueryClientProvider>
      ),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(host.getQueryData(userTrackingQueries.users(memory, { pageSize: 2 }).queryKey)).toBe(result.current.data);
  });

  it('prefers an explicit queryClient over the host’s', async () => {
    const host = testQueryClient();
    const own = testQueryClient();
    const { result } = renderHook(() => useUsers({}), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={host}>
          <UserTrackingProvider client={memory} queryClient={own}>
            {children}
          </UserTrackingProvider>
        </QueryClientProvider>
      ),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(own.getQueryCache().getAll()).toHaveLength(1);
    expect(host.getQueryCache().getAll()).toHaveLength(0);
  });

  it('works without any QueryClient above, on a private one', async () => {
    const { result } = renderHook(() => useUsers({ pageSize: 1 }), {
      wrapper: ({ children }) => <UserTrackingProvider client={memory}>{children}</UserTrackingProvider>,
    });
    await waitFor(() => expect(result.current.data?.items).toHaveLength(1));
  });

  it('serves prefetched data without asking the client again, and refetches on invalidate', async () => {
    const spy = { ...memory, listUsers: vi.fn(memory.listUsers) };
    const queryClient = testQueryClient();
    await queryClient.prefetchQuery(userTrackingQueries.users(spy, { pageSize: 4 }));
    expect(spy.listUsers).toHaveBeenCalledTimes(1);
    const { result } = renderHookWithProvider(() => useUsers({ pageSize: 4 }, { staleTime: Infinity }), { client: spy, queryClient });
    expect(result.current.data?.items).toHaveLength(4);
    expect(spy.listUsers).toHaveBeenCalledTimes(1);
    await act(() => queryClient.invalidateQueries({ queryKey: userTrackingQueries.all() }));
    expect(spy.listUsers).toHaveBeenCalledTimes(2);
  });

  it('says which hook was used outside the provider and how to fix it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useUsers({}))).toThrow(
      '[userlens] `useUsers` must be used inside `<UserTrackingProvider>`. Wrap your tree in it.',
    );
    vi.mocked(console.error).mockRestore();
  });

  it('passes labels, locale and theme to what renders below', async () => {
    const { ErrorState } = await import('../../src/index.ts');
    render(
      <UserTrackingProvider client={memory} labels={{ retry: 'Nochmal', errorTitle: '{subject} nicht geladen' }}>
        <ErrorState error={new Error('kaputt')} subject="Nutzer" onRetry={() => {}} />
      </UserTrackingProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Nutzer nicht geladen');
    expect(screen.getByRole('button', { name: 'Nochmal' })).toBeInTheDocument();
  });
});

describe('hooks — switching clients', () => {
  it('never shows another client’s rows while the new client’s load', async () => {
    const tenantA = createMemoryClient(generateDemoDataset({ seed: 11, users: 5, end: END }), { id: 'tenant-a' });
    const gatedB = gatedClient(createMemoryClient(generateDemoDataset({ seed: 12, users: 5, end: END }), { id: 'tenant-b' }));
    const queryClient = testQueryClient();
    let current: UserTrackingClient = tenantA;
    const { result, rerender } = renderHook(() => useUsers({ pageSize: 5 }), {
      wrapper: ({ children }) => (
        <UserTrackingProvider client={current} queryClient={queryClient}>
          {children}
        </UserTrackingProvider>
      ),
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items).toHaveLength(5);
    current = gatedB.client;
    rerender();
    await waitFor(() => expect(gatedB.calls).toHaveLength(1));
    expect(result.current.data).toBeUndefined();
    expect(result.current.isPlaceholderData).toBe(false);
    act(() => gatedB.releaseAll());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });
});
