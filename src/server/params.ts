import { badRequest } from '../client/http/httpRefusal.js';
import { hasControlCharacters } from './target.js';

/**
 * The caller's query parameters, checked against what the spec defines for the endpoint: an
 * unknown name is refused (so nothing the proxy does not understand reaches Langfuse), a
 * parameter appears at most once unless the spec makes it an array, and no decoded name or
 * value carries a control character. The upstream query string is always rebuilt from this
 * map, never copied, so the proxy and Langfuse read the same parameters.
 */
export type Params = Map<string, string[]>;

/** What to do with a request: forward these parameters, or answer an empty page without asking. */
export type Plan = { kind: 'forward'; params: Params } | { kind: 'empty'; body: unknown };

export interface ParamSpec {
  /** Every parameter the spec defines for the endpoint. */
  names: readonly string[];
  /** Those the spec types as arrays (sent repeated). */
  arrays?: readonly string[];
  /** The spec's largest page size, where it states one; `limit` is checked to be 1…this. */
  maxLimit?: number;
}

/**
 * The page size allowed where the spec states no largest one (the legacy traces and
 * observations lists): userlens asks for 100 at a time there, and a larger page would only let
 * one request cost Langfuse more.
 */
export const UNSTATED_MAX_LIMIT = 100;

export function readParams(search: URLSearchParams, spec: ParamSpec, endpoint: string): Params {
  const params: Params = new Map();
  for (const [name, value] of search) {
    if (hasControlCharacters(name) || hasControlCharacters(value)) {
      throw badRequest('A query parameter contains control characters (CR, LF, NUL, …).');
    }
    if (!spec.names.includes(name)) {
      throw badRequest(`${endpoint} takes no "${name.slice(0, 64)}" parameter through this proxy.`);
    }
    const values = params.get(name);
    if (values && !spec.arrays?.includes(name)) {
      throw badRequest(`The "${name}" parameter may appear only once.`);
    }
    if (values) values.push(value);
    else params.set(name, [value]);
  }
  const limit = single(params, 'limit');
  const maxLimit = spec.maxLimit ?? UNSTATED_MAX_LIMIT;
  if (limit !== undefined && !(/^\d{1,9}$/.test(limit) && +limit >= 1 && +limit <= maxLimit)) {
    throw badRequest(`The "limit" parameter must be a whole number from 1 to ${maxLimit}.`);
  }
  return params;
}

/**
 * Checks a comma-separated `fields` parameter names only these groups; `required` refuses its
 * absence too (where absent means every group).
 */
export function checkFieldGroups(params: Params, allowed: readonly string[], required = false): void {
  const fields = single(params, 'fields');
  if (fields === undefined ? required : fields.split(',').some((group) => !allowed.includes(group.trim()))) {
    throw badRequest(`The "fields" parameter must name only these groups through this proxy: ${allowed.join(', ')}.`);
  }
}

/** A single-valued parameter, or undefined when absent. */
export function single(params: Params, name: string): string | undefined {
  return params.get(name)?.[0];
}

/** Appends the parameters to a fresh query string, in a stable order. */
export function toSearch(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, values] of params) for (const value of values) search.append(name, value);
  search.sort();
  return search;
}

/** A comma-separated list parameter (v3 scores) as trimmed, distinct, non-empty items. */
export function commaList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

/** A page or limit parameter for an answer the proxy gives itself (an empty page). */
export function positiveInteger(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value !== undefined && Number.isSafeInteger(number) && number > 0 ? number : fallback;
}
