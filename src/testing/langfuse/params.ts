import { parseIsoDate } from '../../client/parseIsoDate.js';
import { badRequest } from '../../client/http/httpRefusal.js';

/**
 * Readers for query parameters. Each returns `undefined` when the parameter is absent (or empty,
 * as Langfuse's zod schemas treat ""), and answers 400 naming the parameter when it is malformed.
 */

function raw(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

export function stringParam(params: URLSearchParams, name: string): string | undefined {
  return raw(params, name);
}

/** A whole number in [min, max]; above `max` is a 400 too (Langfuse refuses, it does not clamp). */
export function integerParam(params: URLSearchParams, name: string, min: number, max = Infinity): number | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw badRequest(`Invalid ${name} "${value}": expected a whole number.`);
  if (n < min) throw badRequest(`Invalid ${name} ${n}: must be at least ${min}.`);
  if (n > max) throw badRequest(`Invalid ${name} ${n}: must be at most ${max}.`);
  return n;
}

export function numberParam(params: URLSearchParams, name: string): number | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw badRequest(`Invalid ${name} "${value}": expected a finite number.`);
  return n;
}

export function booleanParam(params: URLSearchParams, name: string): boolean | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest(`Invalid ${name} "${value}": expected true or false.`);
}

/** Epoch ms of an ISO-8601 date-time parameter. */
export function dateParam(params: URLSearchParams, name: string): number | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  const ms = parseIsoDate(value);
  if (Number.isNaN(ms)) throw badRequest(`Invalid ${name} "${value}": expected an ISO-8601 date-time such as 2026-01-01T00:00:00.000Z.`);
  return ms;
}

/** A comma-separated list (empty entries dropped); `undefined` when absent. */
export function listParam(params: URLSearchParams, name: string): string[] | undefined {
  const value = raw(params, name);
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
}

/** A repeatable array parameter (`?environment=a&environment=b`); `undefined` when absent. */
export function arrayParam(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name).filter((value) => value !== '');
  return values.length === 0 ? undefined : values;
}

/** Field groups from a comma list; 400 for a name not in `allowed`. */
export function fieldGroupsParam<Group extends string>(
  params: URLSearchParams,
  allowed: readonly Group[],
  fallback: readonly Group[],
): Set<Group> {
  const names = listParam(params, 'fields');
  if (names === undefined) return new Set(fallback);
  for (const name of names) {
    if (!(allowed as readonly string[]).includes(name)) {
      throw badRequest(`Invalid fields: unknown field group "${name}". Allowed: ${allowed.join(', ')}.`);
    }
  }
  return new Set(names as Group[]);
}
