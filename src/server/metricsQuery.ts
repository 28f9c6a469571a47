import { arrayOf, number, oneOf, optional, strictObject, string } from '../client/shape.js';
import { badRequest } from '../client/http/httpRefusal.js';
import type { FilterCondition } from './filters.js';
import { checkParam, filterList, parseJsonParam } from './filters.js';
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

function queryShape(views: readonly string[]) {
  return strictObject({
    view: oneOf(views),
    dimensions: optional(arrayOf(strictObject({ field: string })), true),
    metrics: arrayOf(strictObject({ measure: string, aggregation: string })),
    filters: optional(filterList, true),
    timeDimension: optional(strictObject({ granularity: string }), true),
    fromTimestamp: string,
    toTimestamp: string,
    orderBy: optional(arrayOf(strictObject({ field: string, direction: oneOf(['asc', 'desc']) })), true),
    config: optional(strictObject({ bins: optional(number), row_limit: optional(number) }), true),
  });
}

const V2_QUERY = queryShape(METRICS_V2_VIEWS);
const V1_QUERY = queryShape(METRICS_V1_VIEWS);

/** The `query` parameter with the scope appended, ready to send; throws 400 when malformed. */
export function scopeMetricsQuery(text: string | undefined, version: 'v1' | 'v2', scope: ResolvedScope | null): string {
  if (text === undefined) throw badRequest('The "query" parameter is required.');
  const query = checkParam<{ filters?: FilterCondition[] | null }>(parseJsonParam(text, 'query'), version === 'v2' ? V2_QUERY : V1_QUERY, 'query');
  const filters = [...(query.filters ?? []), ...scopeConditions(scope)];
  return JSON.stringify({ ...query, filters });
}
