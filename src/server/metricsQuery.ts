import * as v from 'valibot';
import { badRequest } from './errors.js';
import { FilterListSchema, describeIssue, parseJsonParam } from './filters.js';
import type { ResolvedScope } from './scope.js';
import { scopeConditions } from './scope.js';

/**
 * The metrics `query` JSON (v2 and legacy v1 share its shape). Parsed strictly — unknown keys
 * refused at every level, the view one the endpoint knows — then re-serialized with the scope's
 * conditions appended to `filters`. Re-serializing means Langfuse reads exactly what was
 * checked (no duplicate keys, no second `filters`), and since filters are ANDed upstream the
 * appended conditions cannot be widened by anything the caller put in.
 */

export const METRICS_V2_VIEWS = ['observations', 'scores-numeric', 'scores-boolean', 'scores-categorical'] as const;
export const METRICS_V1_VIEWS = ['traces', ...METRICS_V2_VIEWS] as const;

function querySchema(views: readonly string[]) {
  return v.strictObject({
    view: v.picklist(views),
    dimensions: v.optional(v.nullable(v.array(v.strictObject({ field: v.string() })))),
    metrics: v.array(v.strictObject({ measure: v.string(), aggregation: v.string() })),
    filters: v.optional(v.nullable(FilterListSchema)),
    timeDimension: v.optional(v.nullable(v.strictObject({ granularity: v.string() }))),
    fromTimestamp: v.string(),
    toTimestamp: v.string(),
    orderBy: v.optional(v.nullable(v.array(v.strictObject({ field: v.string(), direction: v.picklist(['asc', 'desc']) })))),
    config: v.optional(v.nullable(v.strictObject({ bins: v.optional(v.number()), row_limit: v.optional(v.number()) }))),
  });
}

const V2_SCHEMA = querySchema(METRICS_V2_VIEWS);
const V1_SCHEMA = querySchema(METRICS_V1_VIEWS);

/** The `query` parameter with the scope appended, ready to send; throws 400 when malformed. */
export function scopeMetricsQuery(text: string | undefined, version: 'v1' | 'v2', scope: ResolvedScope | null): string {
  if (text === undefined) throw badRequest('The "query" parameter is required.');
  const result = v.safeParse(version === 'v2' ? V2_SCHEMA : V1_SCHEMA, parseJsonParam(text, 'query'));
  if (!result.success) throw badRequest(describeIssue(result.issues, 'query'));
  const query = result.output;
  const filters = [...(query.filters ?? []), ...scopeConditions(scope)];
  return JSON.stringify({ ...query, filters });
}
