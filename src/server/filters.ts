import type { LangfuseFilter } from '../client/langfuse/langfuseApi.js';
import * as v from 'valibot';
import { badRequest } from './errors.js';

/**
 * One filter condition in the shape Langfuse reads from a metrics `query.filters` and from the
 * observations `filter` parameter. Conditions in a list are ANDed upstream — there is no OR —
 * so appending the scope's conditions can only narrow what a caller asked for.
 */
export type FilterCondition = LangfuseFilter;

/** Strict, so a look-alike key (`"column "`) is refused instead of silently dropped. */
export const FilterConditionSchema = v.strictObject({
  type: v.string(),
  column: v.string(),
  operator: v.string(),
  value: v.optional(v.unknown()),
  key: v.optional(v.string()),
});

/** More conditions than any real query needs is a mistake or a probe. */
export const MAX_CONDITIONS = 100;

export const FilterListSchema = v.pipe(v.array(FilterConditionSchema), v.maxLength(MAX_CONDITIONS));

/** Parses a JSON parameter; invalid JSON is the caller's fault (400), naming the parameter. */
export function parseJsonParam(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest(`The "${name}" parameter is not valid JSON.`);
  }
}

/** The issue as `path: message`, for a 400 that says what to fix. */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[], name: string): string {
  const issue = issues[0];
  if (!issue) return `The "${name}" parameter is malformed.`;
  const path = v.getDotPath(issue);
  return `The "${name}" parameter is malformed${path ? ` at ${path}` : ''}: ${issue.message}`;
}

/** A JSON array of filter conditions, as the observations `filter` parameter carries. */
export function parseFilterList(text: string, name: string): FilterCondition[] {
  const result = v.safeParse(FilterListSchema, parseJsonParam(text, name));
  if (!result.success) throw badRequest(describeIssue(result.issues, name));
  return result.output;
}
