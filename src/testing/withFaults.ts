import { abortableDelay } from '../client/abortableDelay.js';
import { UserlensError } from '../client/errors.js';
import type { RequestOptions, UserTrackingClient } from '../client/types.js';

type Method =
  | 'listUsers'
  | 'getUser'
  | 'listTraces'
  | 'listSessions'
  | 'listScores'
  | 'getActivity'
  | 'getUserFigures'
  | 'getTrends'
  | 'getDistribution'
  | 'getFilterOptions';

export interface FaultOptions {
  /** Methods affected. @defaultValue every method */
  methods?: readonly Method[];
  /** Never answer (until aborted): the loading state, for as long as you look at it. @defaultValue false */
  pending?: boolean;
  /** Reject with this error (a `UserlensError` of code `network` when `true`). */
  error?: Error | true;
  /** Answer only after this many ms. @defaultValue 0 */
  delayMs?: number;
  /** Called for every call of an affected method, e.g. to count requests. */
  onCall?: (method: Method) => void;
}

/**
 * Wraps a client so chosen methods hang, fail or answer slowly: the loading, error and
 * refetching states of a view, in stories and in the host's own tests. Aborts still work.
 *
 * @example
 * const failing = withFaults(createMemoryClient(dataset), { methods: ['listUsers'], error: true });
 */
export function withFaults(client: UserTrackingClient, options: FaultOptions): UserTrackingClient {
  const affected = new Set<Method>(
    options.methods ?? ['listUsers', 'getUser', 'listTraces', 'listSessions', 'listScores', 'getActivity', 'getUserFigures', 'getTrends', 'getDistribution', 'getFilterOptions'],
  );
  const error =
    options.error === true
      ? new UserlensError('network', 'The metrics source could not be reached (simulated). Check the connection and retry.')
      : options.error;

  function wrap<Args extends unknown[], Result>(method: Method, call: (...args: Args) => Promise<Result>) {
    return async (...args: Args): Promise<Result> => {
      if (!affected.has(method)) return call(...args);
      options.onCall?.(method);
      const signal = (args[args.length - 1] as RequestOptions | undefined)?.signal;
      if (options.pending) await new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      if (options.delayMs) await abortableDelay(options.delayMs, signal);
      if (error) throw error;
      return call(...args);
    };
  }

  return {
    ...(client.id === undefined ? {} : { id: `${client.id}+faults` }),
    capabilities: client.capabilities,
    listUsers: wrap('listUsers', client.listUsers.bind(client)),
    getUser: wrap('getUser', client.getUser.bind(client)),
    listTraces: wrap('listTraces', client.listTraces.bind(client)),
    listSessions: wrap('listSessions', client.listSessions.bind(client)),
    listScores: wrap('listScores', client.listScores.bind(client)),
    getActivity: wrap('getActivity', client.getActivity.bind(client)),
    ...(client.getUserFigures && { getUserFigures: wrap('getUserFigures', client.getUserFigures.bind(client)) }),
    ...(client.getTrends && { getTrends: wrap('getTrends', client.getTrends.bind(client)) }),
    ...(client.getDistribution && { getDistribution: wrap('getDistribution', client.getDistribution.bind(client)) }),
    ...(client.getFilterOptions && { getFilterOptions: wrap('getFilterOptions', client.getFilterOptions.bind(client)) }),
  };
}
