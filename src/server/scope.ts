import { arrayOf, nonBlank, optional, strictObject } from '../client/shape.js';
import { HttpRefusal, forbidden } from '../client/http/httpRefusal.js';
import type { FilterCondition } from './filters.js';

/**
 * What the signed-in host user may see. Every present field narrows (they are ANDed); an absent
 * field does not constrain. An empty `environments` or `userIds` admits nothing — it never
 * means "everything"; an empty `tags` requires no tag. No value may be empty or blank: Langfuse
 * reads `''` in a filter as NULL, so `userIds: ['']` would admit every anonymous trace; such a
 * scope is refused as misconfigured (500).
 */
export interface LangfuseScope {
  /** Only these environments. */
  environments?: readonly string[] | undefined;
  /** Only traces carrying all of these tags. */
  tags?: readonly string[] | undefined;
  /**
   * Only user ids starting with this (non-blank) prefix. Matched case-sensitively, by the proxy
   * and by Langfuse (ClickHouse `startsWith`): `acme-` admits `acme-42` but not `ACME-42`.
   */
  userIdPrefix?: string | undefined;
  /** Only these user ids. */
  userIds?: readonly string[] | undefined;
}

/** A scope after checking: lists deduplicated and sorted, so equal scopes have equal keys. */
export interface ResolvedScope {
  environments?: string[];
  tags?: string[];
  userIdPrefix?: string;
  userIds?: string[];
}

// Strict: a misspelt key (`userId: 'u1'`) would otherwise be dropped and leave the host
// believing it had scoped the user. That is a host bug, answered with 500, not a wider view.
// Blank values too: Langfuse's filters read `''` as NULL (`any of ['']` also matches traces
// without a user, `starts with ''` matches everything).
const scopeShape = strictObject({
  environments: optional(arrayOf(nonBlank)),
  tags: optional(arrayOf(nonBlank)),
  userIdPrefix: optional(nonBlank),
  userIds: optional(arrayOf(nonBlank)),
});

function canonical(list: readonly string[] | undefined): string[] | undefined {
  return list === undefined ? undefined : [...new Set(list)].sort();
}

/**
 * Checks what the host's `scope` returned. null/undefined (or `{}`) means unconstrained; a
 * malformed scope is a 500; a scope with an empty list admits nothing, answered with 403.
 */
export function resolveScope(value: unknown): ResolvedScope | null {
  if (value === null || value === undefined) return null;
  if (scopeShape(value, '')) {
    throw new HttpRefusal(500, 'The proxy is misconfigured: its scope function returned an invalid scope.');
  }
  const given = value as LangfuseScope;
  const scope: ResolvedScope = {};
  const environments = canonical(given.environments);
  const tags = canonical(given.tags);
  const userIds = canonical(given.userIds);
  if (environments) scope.environments = environments;
  if (tags) scope.tags = tags;
  if (given.userIdPrefix !== undefined) scope.userIdPrefix = given.userIdPrefix;
  if (userIds) scope.userIds = userIds;
  if (environments?.length === 0 || userIds?.length === 0) {
    throw forbidden('The signed-in user may not read any of this data.');
  }
  return Object.keys(scope).length === 0 ? null : scope;
}

export function constrainsUsers(scope: ResolvedScope | null): boolean {
  return scope?.userIds !== undefined || scope?.userIdPrefix !== undefined;
}

/** Scopes that can only be checked per trace (users, tags), unlike environments which every endpoint filters. */
export function constrainsTraces(scope: ResolvedScope | null): boolean {
  return constrainsUsers(scope) || (scope?.tags !== undefined && scope.tags.length > 0);
}

export function userIdAllowed(scope: ResolvedScope | null, userId: string): boolean {
  if (scope?.userIds && !scope.userIds.includes(userId)) return false;
  if (scope?.userIdPrefix !== undefined && !userId.startsWith(scope.userIdPrefix)) return false;
  return true;
}

/** The caller's environments narrowed to the scope's; the scope's own when the caller named none. */
export function intersectEnvironments(scope: ResolvedScope | null, requested: readonly string[] | undefined): string[] | undefined {
  if (!scope?.environments) return requested ? [...requested] : undefined;
  if (!requested || requested.length === 0) return [...scope.environments];
  const allowed = new Set(scope.environments);
  return [...new Set(requested)].filter((environment) => allowed.has(environment));
}

/**
 * The scope as filter conditions, in the shapes both metrics queries and the observations
 * `filter` read (the same column names in both).
 */
export function scopeConditions(scope: ResolvedScope | null): FilterCondition[] {
  if (!scope) return [];
  const conditions: FilterCondition[] = [];
  if (scope.environments) {
    conditions.push({ column: 'environment', operator: 'any of', type: 'stringOptions', value: scope.environments });
  }
  if (scope.tags && scope.tags.length > 0) {
    conditions.push({ column: 'tags', operator: 'all of', type: 'arrayOptions', value: scope.tags });
  }
  if (scope.userIdPrefix !== undefined) {
    conditions.push({ column: 'userId', operator: 'starts with', type: 'string', value: scope.userIdPrefix });
  }
  if (scope.userIds) {
    conditions.push({ column: 'userId', operator: 'any of', type: 'stringOptions', value: scope.userIds });
  }
  return conditions;
}

/** Part of every cache key, so two scopes never share an entry even where the URL does not show the scope. */
export function scopeKey(scope: ResolvedScope | null): string {
  return scope ? JSON.stringify(scope) : 'unscoped';
}
