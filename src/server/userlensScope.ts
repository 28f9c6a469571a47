import { UserlensError } from '../client/errors.js';
import type { ClientCapabilities, TraceFilters } from '../client/types.js';

/**
 * What the signed-in host user may see through `createUserlensHandler`: added to every call
 * (each present field narrows; they are ANDed), never widened by what the browser asks.
 */
export interface UserlensScope {
  /** Only traces in these environments. */
  environments?: readonly string[];
  /** Only traces carrying all of these tags. */
  tags?: readonly string[];
  /** Only traces of these releases (a client whose `filterableFields` has `release`). */
  releases?: readonly string[];
  /** Only traces whose metadata has these values, e.g. `{ tenant: 'acme' }` (a client whose `filterableFields` has `metadata`). */
  metadata?: Readonly<Record<string, string>>;
  /** Only these users. */
  userIds?: readonly string[];
}

const refuse = (message: string) => new UserlensError('unauthorized', message, { status: 403 });

/** A list the scope fixes: what the browser asks must lie inside it; nothing asked means all of it. */
function within(asked: readonly string[] | undefined, allowed: readonly string[] | undefined, name: string): readonly string[] | undefined {
  if (!allowed) return asked;
  // An empty list in a filter means "any": in a scope it means none, so nothing is served.
  if (allowed.length === 0) throw refuse(`The signed-in user may not read any ${name}.`);
  if (!asked || asked.length === 0) return allowed;
  const outside = asked.filter((value) => !allowed.includes(value));
  if (outside.length) throw refuse(`The signed-in user may not read ${name} ${outside.map((value) => JSON.stringify(value)).join(', ')}.`);
  return asked;
}

/** The filters a call runs with: the browser's, narrowed by the scope. */
export function scopedFilters(filters: TraceFilters | undefined, scope: UserlensScope): TraceFilters {
  const metadata = { ...filters?.metadata };
  for (const [key, value] of Object.entries(scope.metadata ?? {})) {
    if (key in metadata && metadata[key] !== value) throw refuse(`The signed-in user may not read metadata ${JSON.stringify(key)} = ${JSON.stringify(metadata[key])}.`);
    metadata[key] = value;
  }
  const environments = within(filters?.environments, scope.environments, 'environment');
  const releases = within(filters?.releases, scope.releases, 'release');
  const tags = [...new Set([...(filters?.tags ?? []), ...(scope.tags ?? [])])];
  return {
    ...filters,
    ...(environments ? { environments } : {}),
    ...(releases ? { releases } : {}),
    ...(tags.length ? { tags } : {}),
    ...(Object.keys(metadata).length ? { metadata } : {}),
  };
}

/** A scope the client cannot enforce is a host misconfiguration, told at once rather than served wide. */
export function checkScopeSupport(scope: UserlensScope, capabilities: ClientCapabilities): void {
  const fields = capabilities.filterableFields;
  if (scope.environments && !fields.includes('environment')) throw new UserlensError('invalid_options', 'This client cannot filter by environment, so a scope on environments cannot be enforced.');
  if (scope.tags && !fields.includes('tags')) throw new UserlensError('invalid_options', 'This client cannot filter by tags, so a scope on tags cannot be enforced.');
  if (scope.metadata && !fields.includes('metadata')) throw new UserlensError('invalid_options', 'This client cannot filter by metadata, so a scope on metadata cannot be enforced.');
  if (scope.releases && !fields.includes('release')) throw new UserlensError('invalid_options', 'This client cannot filter by release, so a scope on releases cannot be enforced.');
  if (scope.userIds && !capabilities.userIds) throw new UserlensError('invalid_options', 'This client cannot keep a list of users (capabilities.userIds), so a scope on userIds cannot be enforced.');
}

/** What the client can do as seen through the scope: what the handler would refuse under it is not offered. */
export function scopedCapabilities(capabilities: ClientCapabilities, scope: UserlensScope | null): ClientCapabilities {
  if (!scope) return capabilities;
  // Filter options list what exists across the source, beyond any scope.
  const scoped: ClientCapabilities = { ...capabilities, filterOptions: false };
  if (scope.userIds) Object.assign(scoped, { overview: false, segments: [] });
  return scoped;
}
