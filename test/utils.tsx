import { QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderHookOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { UserTrackingProvider, type UserTrackingClient, type UserTrackingProviderProps } from '../src/index.ts';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

type ProviderOptions = Partial<Omit<UserTrackingProviderProps, 'children' | 'client'>> & { client: UserTrackingClient };

export function wrapperFor(options: ProviderOptions) {
  return function Wrapper({ children }: { children?: ReactNode }) {
    return <UserTrackingProvider {...options}>{children}</UserTrackingProvider>;
  };
}

/** Renders inside a provider on `client`, with a fresh non-retrying QueryClient unless given one. */
export function renderWithProvider(ui: ReactElement, options: ProviderOptions) {
  const queryClient = options.queryClient ?? testQueryClient();
  return { queryClient, ...render(ui, { wrapper: wrapperFor({ ...options, queryClient }) }) };
}

export function renderHookWithProvider<Result, Props>(
  hook: (props: Props) => Result,
  options: ProviderOptions & Pick<RenderHookOptions<Props>, 'initialProps'>,
) {
  const { initialProps, ...provider } = options;
  const queryClient = provider.queryClient ?? testQueryClient();
  return { queryClient, ...renderHook(hook, { initialProps, wrapper: wrapperFor({ ...provider, queryClient }) }) };
}

/** A client whose calls wait until the test releases them, recording each call's signal. */
export function gatedClient(base: UserTrackingClient) {
  const calls: { method: string; args: unknown[]; signal: AbortSignal | undefined; release: () => void }[] = [];
  const gate =
    <Args extends unknown[], R>(method: string, call: (...args: Args) => Promise<R>) =>
    (...args: Args): Promise<R> => {
      const signal = (args.at(-1) as { signal?: AbortSignal } | undefined)?.signal;
      return new Promise<void>((resolve, reject) => {
        calls.push({ method, args, signal, release: resolve });
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      }).then(() => call(...args));
    };
  const client: UserTrackingClient = {
    capabilities: base.capabilities,
    listUsers: gate('listUsers', base.listUsers),
    getUser: gate('getUser', base.getUser),
    listTraces: gate('listTraces', base.listTraces),
    listSessions: gate('listSessions', base.listSessions),
    listScores: gate('listScores', base.listScores),
    getActivity: gate('getActivity', base.getActivity),
  };
  return { client, calls, releaseAll: () => calls.forEach((call) => call.release()) };
}
