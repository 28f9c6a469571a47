import type { Check } from '../client/shape.js';
import { anything, arrayOf, describeProblem, optional, strictObject, string } from '../client/shape.js';
import type { LangfuseFilter } from '../client/langfuse/langfuseApi.js';
import { badRequest } from '../client/http/httpRefusal.js';

/**
 * One filter condition in the shape Langfuse reads from a metrics `query.filters` and from the
 * observations `filter` parameter. Conditions in a list are ANDed upstream — there is no OR —
 * so appending the scope's conditions can only narrow what a caller asked for.
 */
export type FilterCondition = LangfuseFilter;

/** Strict, so a look-alike key (`"column "`) is refused instead of silently dropped. */
const filterCondition = strictObject({
  type: string,
  column: string,
  operator: string,
  value: optional(anything),
  key: optional(string),
});

/** More conditions than any real query needs is a mistake or a probe. */
export const MAX_CONDITIONS = 100;

export const filterList = arrayOf(filterCondition, MAX_CONDITIONS);

/** Deeper than any query or filter userlens sends (4 levels); deeper JSON is a probe. */
export const MAX_JSON_DEPTH = 8;

/**
 * Parses a JSON parameter; invalid or too deeply nested JSON is the caller's fault (400),
 * naming the parameter. The depth is checked before anything recurses over the value: a value
 * 5,000 arrays deep parses, but re-serializing it overflows the stack.
 */
export function parseJsonParam(text: string, name: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest(`The "${name}" parameter is not valid JSON.`);
  }
  if (depthExceeds(value, MAX_JSON_DEPTH)) throw badRequest(`The "${name}" parameter is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  return value;
}

/** Whether a parsed JSON value nests arrays or objects deeper than `max`; iterative, so any depth is safe. */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The parsed value when `check` passes; otherwise a 400 that says where and what to fix. */
export function checkParam<T>(value: unknown, check: Check, name: string): T {
  const problem = check(value, '');
  if (problem) throw badRequest(`The "${name}" parameter is malformed${problem.path ? ' ' : ': '}${describeProblem(problem)}.`);
  return value as T;
}

/** A JSON array of filter conditions, as the observations `filter` parameter carries. */
export function parseFilterList(text: string, name: string): FilterCondition[] {
  return checkParam(parseJsonParam(text, name), filterList, name);
}
