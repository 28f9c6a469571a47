import type { ClientCapabilities, UserFigure, UserSummary, UserTrackingClient } from '../src/core.ts';

/** A client that declares less than it has: what a thinner source looks like to the views. */
export function withCapabilities(client: UserTrackingClient, overrides: Partial<ClientCapabilities>): UserTrackingClient {
  const capabilities = { ...client.capabilities, ...overrides };
  return {
    ...client,
    id: `${client.id ?? 'client'}+${JSON.stringify(overrides)}`,
    capabilities,
    ...(capabilities.trends ? {} : { getTrends: undefined }),
    ...(capabilities.distribution ? {} : { getDistribution: undefined }),
  };
}

/**
 * A source that lists users first and sends some figures in a second request, as sources
 * backed by a metrics API do: `listUsers` leaves them unset, `getUserFigures` brings them once
 * `later()` resolves.
 */
export function twoPhase(client: UserTrackingClient, deferred: readonly UserFigure[], later: () => Promise<void>): UserTrackingClient {
  const strip = (user: UserSummary) => {
    const copy: Partial<UserSummary> = { ...user };
    for (const figure of deferred) delete copy[figure];
    return copy as UserSummary;
  };
  return {
    ...client,
    id: `${client.id ?? 'client'}+two-phase`,
    capabilities: {
      ...client.capabilities,
      listFigures: client.capabilities.listFigures.filter((figure) => !deferred.includes(figure)),
      deferredFigures: deferred,
      sortableFields: client.capabilities.sortableFields.filter((field) => !deferred.includes(field as UserFigure)),
    },
    listUsers: async (query, options) => {
      const page = await client.listUsers(query, options);
      return { ...page, items: page.items.map(strip) };
    },
    getUserFigures: async (query, options) => {
      await later();
      options?.signal?.throwIfAborted();
      return client.getUserFigures!(query, options);
    },
  };
}
