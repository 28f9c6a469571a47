/**
 * Pieces both contract checkers share — the one built from our fixtures (langfuseContract.ts) and
 * the one that reads Langfuse's OpenAPI spec (openapi.ts) — so that both word a problem alike.
 * Test-only: not shipped.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { OBSERVATIONS_V2_RULES } from './langfuseFacts.ts';

export interface LangfuseSpec {
  /** Problems with a request the client makes ([] when it conforms). */
  checkRequest(url: string | URL, method?: string): string[];
  /** Problems with a response body for (url or path, status) ([] when it conforms). */
  checkResponse(url: string | URL, status: number, body: unknown, method?: string): string[];
}

export type Obj = Record<string, any>;
export type Schema = Obj;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function toUrl(url: string | URL): URL | string {
  try {
    return url instanceof URL ? url : new URL(url, 'http://localhost');
  } catch {
    return `url: ${show(String(url))} is not a URL`;
  }
}

/** Ajv as both checkers use it: every error, the failing schema at hand for the messages. */
export function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateSchema: false });
  addFormats(ajv);
  return ajv;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** JSON pointer `/metrics/0/measure` → `.metrics[0].measure` */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
    .join('');
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur: any = data;
  for (const part of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** Readable problems from Ajv errors; `root` names the checked thing (`body`, `query`, `filter`). */
export function formatAjvErrors(root: string, data: unknown, errors: ErrorObject[] | null | undefined): string[] {
  const out: string[] = [];
  for (const e of errors ?? []) {
    // Wrapper noise: the `if` of a discriminated branch, the null branch of a nullable wrapper.
    if (e.keyword === 'if') continue;
    if (e.keyword === 'anyOf' && isObj(e.parentSchema) && e.parentSchema['x-nullable']) continue;
    if (e.keyword === 'type' && e.params.type === 'null') continue;
    const path = root + pointerToPath(e.instancePath);
    const value = valueAt(data, e.instancePath);
    const description = isObj(e.parentSchema) && typeof e.parentSchema.description === 'string' ? e.parentSchema.description : undefined;
    switch (e.keyword) {
      case 'required':
        out.push(`${path}: missing required property "${e.params.missingProperty}"`);
        break;
      case 'additionalProperties':
        out.push(`${path}: unknown property "${e.params.additionalProperty}" (not in the spec)`);
        break;
      case 'enum':
        out.push(`${path}: ${show(value)} is not ${description ?? 'an allowed value'} (allowed: ${(e.params.allowedValues as unknown[]).join(', ')})`);
        break;
      case 'const':
        out.push(`${path}: ${show(value)} must be ${show(e.params.allowedValue)}`);
        break;
      case 'type':
        out.push(`${path}: ${show(value)} must be ${e.params.type}${isObj(e.parentSchema) && e.parentSchema.nullable ? ' or null' : ''}`);
        break;
      case 'not':
        out.push(`${path}: ${show(value)} is not allowed${description ? `: ${description}` : ''}`);
        break;
      case 'format':
        out.push(`${path}: ${show(value)} is not a valid ${e.params.format}`);
        break;
      default:
        out.push(`${path}: ${show(value)} ${e.message ?? `fails ${e.keyword}`}`);
    }
  }
  return unique(out);
}

// ---------------------------------------------------------------------------------------------
// Query-parameter values

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** Problem with one raw (already URL-decoded) parameter value against a JSON-Schema-like scalar schema, or undefined. */
export function checkRawValue(label: string, raw: string, schema: Schema): string | undefined {
  if (Array.isArray(schema.enum)) {
    return schema.enum.includes(raw) ? undefined : `${label}: ${show(raw)} is not one of ${schema.enum.join(', ')}`;
  }
  switch (schema.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) return `${label}: ${show(raw)} is not an integer`;
      return checkRange(label, Number(raw), schema);
    }
    case 'number': {
      if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(raw) || !Number.isFinite(Number(raw))) return `${label}: ${show(raw)} is not a number`;
      return checkRange(label, Number(raw), schema);
    }
    case 'boolean':
      return raw === 'true' || raw === 'false' ? undefined : `${label}: ${show(raw)} is not a boolean (true or false)`;
    case 'string':
    case undefined:
      if (schema.format === 'date-time' && !isIsoDateTime(raw)) return `${label}: ${show(raw)} is not an ISO 8601 date-time with a time zone`;
      if (typeof schema.minLength === 'number' && raw.length < schema.minLength) return `${label}: ${show(raw)} is shorter than ${schema.minLength}`;
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(raw)) return `${label}: ${show(raw)} does not match ${schema.pattern}`;
      return undefined;
    default:
      return `${label}: parameters of type ${String(schema.type)} are not supported by this checker`;
  }
}

function checkRange(label: string, n: number, schema: Schema): string | undefined {
  if (typeof schema.minimum === 'number' && n < schema.minimum) return `${label}: ${n} is below the minimum ${schema.minimum}`;
  if (typeof schema.maximum === 'number' && n > schema.maximum) return `${label}: ${n} is above the documented maximum ${schema.maximum}`;
  return undefined;
}

/** Comma-separated field groups against the documented ones. */
export function checkFieldGroups(value: string, groups: readonly string[]): string[] {
  return value
    .split(',')
    .map((g) => g.trim())
    .filter((g) => !groups.includes(g))
    .map((g) => `fields: ${g === '' ? 'empty group name' : show(g)} is not a documented field group (allowed: ${groups.join(', ')})`);
}

// ---------------------------------------------------------------------------------------------
// The filter language (metrics `filters`, observations `filter`)

export interface FilterGrammar {
  types: readonly string[];
  operators: ReadonlyMap<string, readonly string[]>;
  /** Filter types that need a `key`. */
  keyTypes: readonly string[];
}

/** The shape `value` takes for each filter type ("Type depends on filter type"). */
function filterValueSchema(type: string): Schema {
  switch (type) {
    case 'string':
    case 'stringObject':
      return { type: 'string' };
    case 'number':
    case 'numberObject':
      return { type: 'number' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'boolean':
      return { type: 'boolean' };
    case 'stringOptions':
    case 'categoryOptions':
    case 'arrayOptions':
      return { type: 'array', items: { type: 'string' } };
    default:
      return {};
  }
}

/** Per-type rules on a filter-condition item schema: operator, value, key. */
export function applyFilterGrammar(item: Schema, grammar: FilterGrammar): void {
  item.properties.type = { ...item.properties.type, enum: grammar.types, description: 'a documented filter type' };
  // `value` and `key` are required per type (below).
  item.required = ((item.required as string[] | undefined) ?? []).filter((k) => k !== 'value' && k !== 'key');
  item.allOf = grammar.types.map((t) => {
    const ops = grammar.operators.get(t);
    const required = [...(t === 'null' ? [] : ['value']), ...(grammar.keyTypes.includes(t) ? ['key'] : [])];
    return {
      if: { properties: { type: { const: t } }, required: ['type'] },
      then: {
        properties: {
          operator: ops ? { enum: ops, description: `an operator for type ${t}` } : { not: {}, description: `the spec documents no operators for type ${t}` },
          value: filterValueSchema(t),
        },
        required,
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Rules stated in prose, the same whichever source the grammar comes from

/** Metrics `query` rules a schema cannot express; `highCardinality` lists the view's high-cardinality dimensions (v2). */
export function metricsQueryRules(q: Obj, highCardinality: readonly string[]): string[] {
  const problems: string[] = [];
  const from = isIsoDateTime(q.fromTimestamp) ? Date.parse(q.fromTimestamp) : undefined;
  const to = isIsoDateTime(q.toTimestamp) ? Date.parse(q.toTimestamp) : undefined;
  if (from !== undefined && to !== undefined && !(to > from)) {
    problems.push(`query.toTimestamp: ${q.toTimestamp} must be after fromTimestamp ${q.fromTimestamp}`);
  }

  const metrics = (Array.isArray(q.metrics) ? q.metrics : []).filter(isObj);
  const aliases = metrics.map((m) => `${String(m.aggregation)}_${String(m.measure)}`);
  const dimensions = (Array.isArray(q.dimensions) ? q.dimensions : []).filter(isObj).map((d) => d.field as unknown);
  const orderBy = (Array.isArray(q.orderBy) ? q.orderBy : []).filter(isObj);
  orderBy.forEach((o, i) => {
    if (typeof o.field === 'string' && !aliases.includes(o.field) && !dimensions.includes(o.field)) {
      problems.push(
        `query.orderBy[${i}].field: ${show(o.field)} is neither a selected dimension nor a selected metric alias (${[...dimensions.map(String), ...aliases].join(', ') || 'none selected'})`,
      );
    }
  });

  // High-cardinality dimensions (v2): 400 as grouping dimensions, except `userId` as a top-N
  // query (DESIGN.md): explicit row_limit, orderBy on selected metrics desc, no timeDimension.
  dimensions.forEach((field, i) => {
    if (typeof field !== 'string' || !highCardinality.includes(field)) return;
    const label = `query.dimensions[${i}].field`;
    if (field !== 'userId') {
      problems.push(`${label}: ${field} is a high-cardinality dimension of view ${String(q.view)}; grouping by it returns 400 (filter on it instead)`);
      return;
    }
    const topN = `userId is high-cardinality: Langfuse accepts it only as a top-N query`;
    if (!isObj(q.config) || q.config.row_limit === undefined) problems.push(`${label}: ${topN}, which needs an explicit config.row_limit (≤ 1000)`);
    if (orderBy.length === 0) problems.push(`${label}: ${topN}, which needs a non-empty orderBy on selected metrics, direction desc`);
    orderBy.forEach((o, j) => {
      if (!aliases.includes(o.field)) problems.push(`query.orderBy[${j}].field: ${topN}; ${show(o.field)} is not a selected metric alias (${aliases.join(', ')})`);
      if (o.direction !== 'desc') problems.push(`query.orderBy[${j}].direction: ${topN}; direction must be desc, not ${show(o.direction)}`);
    });
    if (q.timeDimension !== undefined && q.timeDimension !== null) problems.push(`query.timeDimension: ${topN}, which must not have a timeDimension`);
  });
  return problems;
}

/** `/v2/observations` `filter` rules a schema cannot express. */
export function observationsFilterRules(filter: unknown[]): string[] {
  const problems: string[] = [];
  const text: readonly string[] = OBSERVATIONS_V2_RULES.textColumns;
  const conditions = filter.filter(isObj);
  conditions.forEach((c, i) => {
    const allowed = text.includes(c.column) || (c.column === 'metadata' && c.type === 'stringObject');
    if (c.operator === 'matches' && !allowed) {
      problems.push(`filter[${i}].operator: matches is only supported on input, output and stringObject metadata, not ${show(c.column)}`);
    }
  });
  const io = conditions.filter((c) => text.includes(c.column));
  if (io.length > 0 && !io.some((c) => c.operator === '=' || c.operator === 'matches')) {
    problems.push('filter: input/output filters must include at least one = or matches filter on input or output');
  }
  return problems;
}

/** `/v2/observations` rules between parameters. */
export function observationsParamRules(given: ReadonlyMap<string, string[]>): string[] {
  const problems: string[] = [];
  if (given.has('filter')) {
    for (const name of given.keys()) {
      if (!(OBSERVATIONS_V2_RULES.notFilters as readonly string[]).includes(name)) {
        problems.push(`${name}: ignored by Langfuse because \`filter\` is given (filter takes precedence over query parameter filters)`);
      }
    }
  }
  for (const [name, value] of Object.entries(OBSERVATIONS_V2_RULES.refused)) {
    if (given.get(name)?.includes(value)) problems.push(`${name}: ${value} returns 400 (deprecated)`);
  }
  return problems;
}
