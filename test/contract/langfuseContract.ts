/**
 * The contract checker built from our own fixtures (langfuseFacts.ts): checks the requests
 * userlens makes and the answers its fake Langfuse gives against what userlens relies on in
 * Langfuse's API. Needs nothing outside the repository. Test-only: not shipped.
 */
import type { ValidateFunction } from 'ajv';
import {
  type FilterGrammar,
  type LangfuseSpec,
  type Obj,
  type Schema,
  applyFilterGrammar,
  checkFieldGroups,
  checkRawValue,
  formatAjvErrors,
  isObj,
  metricsQueryRules,
  newAjv,
  observationsFilterRules,
  observationsParamRules,
  show,
  toUrl,
  unique,
} from './checks.ts';
import {
  type EndpointFacts,
  type FactsEndpoint,
  type FieldType,
  type ParamType,
  type Shape,
  ENDPOINT_FACTS,
  ERROR_STATUSES,
  FILTER_CONDITION,
  FILTER_TYPES,
  METRICS_AGGREGATIONS,
  METRICS_CONFIG_RANGES,
  METRICS_DIRECTIONS,
  METRICS_FILTER_OPERATORS,
  METRICS_GRANULARITIES,
  METRICS_KEY_TYPES,
  METRICS_QUERY,
  METRICS_V1_VIEWS,
  METRICS_V2_VIEWS,
  OBSERVATIONS_FILTER_COLUMNS,
  OBSERVATIONS_FILTER_OPERATORS,
  OBSERVATIONS_KEY_TYPES,
} from './langfuseFacts.ts';

// ---------------------------------------------------------------------------------------------
// Facts → JSON Schema

const SCALARS: Record<string, Schema> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  'date-time': { type: 'string', format: 'date-time' },
  any: {},
  'string[]': { type: 'array', items: { type: 'string' } },
  'record<integer>': { type: 'object', additionalProperties: { type: 'integer' } },
  'record<number>': { type: 'object', additionalProperties: { type: 'number' } },
  'record<any>': { type: 'object' },
};

function orNull(schema: Schema): Schema {
  if (Object.keys(schema).length === 0) return schema;
  // Ajv's own `nullable` where it applies (messages say "or null"), a wrapper elsewhere.
  if (typeof schema.type === 'string' && !schema.enum && !schema.allOf) return { ...schema, nullable: true };
  return { anyOf: [schema, { type: 'null' }], 'x-nullable': true };
}

/** JSON Schema of a field; `closed` refuses unknown keys (the query languages do, answers do not). */
export function fieldSchema(field: FieldType, closed = false): Schema {
  if (typeof field === 'string') {
    const nullable = field.endsWith('?');
    const scalar = SCALARS[nullable ? field.slice(0, -1) : field];
    if (!scalar) throw new Error(`unknown field type ${field}`);
    // A copy: callers add enums and ranges in place.
    const schema = structuredClone(scalar);
    return nullable ? orNull(schema) : schema;
  }
  if ('oneOf' in field) return { type: 'string', enum: [...field.oneOf] };
  if ('listOf' in field) return { type: 'array', items: fieldSchema(field.listOf, closed) };
  if ('orNull' in field) return orNull(fieldSchema(field.orNull, closed));
  if ('by' in field) {
    if (closed) throw new Error('closed unions are not supported');
    const { by, common, cases } = field;
    const values = Object.keys(cases);
    const schema = shapeSchema(common, closed);
    schema.properties[by] = { enum: values, description: `a documented ${by}` };
    schema.required = unique([...schema.required, by]);
    schema.allOf = values.map((value) => ({ if: { properties: { [by]: { const: value } } }, then: shapeSchema(cases[value]!, closed) }));
    return schema;
  }
  return shapeSchema(field, closed);
}

function shapeSchema(shape: Shape, closed: boolean): Schema {
  const properties: Obj = {};
  for (const [name, f] of Object.entries({ ...shape.required, ...shape.optional })) properties[name] = fieldSchema(f, closed);
  return { type: 'object', properties, required: Object.keys(shape.required ?? {}), ...(closed ? { additionalProperties: false } : {}) };
}

function paramSchema(type: ParamType, maxLimit?: number): Schema {
  if (typeof type !== 'string') return { enum: [...type] };
  if (type === 'json' || type === 'string[]') return { type: 'string' };
  if (type === 'date-time') return { type: 'string', format: 'date-time' };
  return { type, ...(maxLimit !== undefined ? { maximum: maxLimit } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The JSON-in-a-string languages

function filterItemSchema(grammar: FilterGrammar, columns?: readonly string[]): Schema {
  const item = fieldSchema(FILTER_CONDITION, true);
  applyFilterGrammar(item, grammar);
  if (columns) item.properties.column = { type: 'string', enum: [...columns], description: 'a documented filter column' };
  return item;
}

const grammar = (operators: Record<string, readonly string[]>, keyTypes: readonly string[]): FilterGrammar => ({
  types: FILTER_TYPES,
  operators: new Map(Object.entries(operators)),
  keyTypes,
});
const METRICS_FILTERS = grammar(METRICS_FILTER_OPERATORS, METRICS_KEY_TYPES);
const OBSERVATION_FILTERS = grammar(OBSERVATIONS_FILTER_OPERATORS, OBSERVATIONS_KEY_TYPES);

function metricsQuerySchema(version: 'v1' | 'v2'): Schema {
  const schema = fieldSchema(METRICS_QUERY, true);
  const p = schema.properties;
  const views = version === 'v2' ? Object.keys(METRICS_V2_VIEWS) : [...METRICS_V1_VIEWS];
  Object.assign(p.view, { enum: views, description: 'a documented view' });
  Object.assign(p.metrics, { minItems: 1 });
  Object.assign(p.metrics.items.properties.aggregation, { enum: [...METRICS_AGGREGATIONS], description: 'a documented aggregation' });
  Object.assign(p.timeDimension.properties.granularity, { enum: [...METRICS_GRANULARITIES], description: 'a documented granularity' });
  Object.assign(p.orderBy.items.properties.direction, { enum: [...METRICS_DIRECTIONS], description: 'a documented direction' });
  for (const [key, [minimum, maximum]] of Object.entries(METRICS_CONFIG_RANGES)) Object.assign(p.config.properties[key], { minimum, maximum });
  p.filters.items = filterItemSchema(METRICS_FILTERS);
  if (version === 'v2') {
    // Per view: its dimensions (high-cardinality ones too: the rules report those), measures, and
    // filter columns — any dimension, plus metadata for the key-value types.
    schema.allOf = Object.entries(METRICS_V2_VIEWS).map(([view, { dimensions, measures, highCardinality }]) => {
      const dims = unique([...dimensions, ...highCardinality]);
      return {
        if: { properties: { view: { const: view } }, required: ['view'] },
        then: {
          properties: {
            dimensions: { items: { properties: { field: { enum: dims, description: `a dimension of view ${view}` } } } },
            metrics: { items: { properties: { measure: { enum: measures, description: `a measure of view ${view}` } } } },
            filters: { items: { properties: { column: { enum: [...dims, 'metadata'], description: `a filter column of view ${view}` } } } },
          },
        },
      };
    });
  }
  return schema;
}

function observationsFilterSchema(): Schema {
  const item = filterItemSchema(OBSERVATION_FILTERS, OBSERVATIONS_FILTER_COLUMNS);
  // `metadata` filters are on nested keys: a key is needed whatever the type.
  item.allOf.push({ if: { properties: { column: { const: 'metadata' } }, required: ['column'] }, then: { required: ['key'] } });
  return { type: 'array', items: item };
}

// ---------------------------------------------------------------------------------------------
// The checker

const ajv = newAjv();
const compiled = new Map<string, ValidateFunction>();
function validator(key: string, build: () => Schema): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(build());
    compiled.set(key, validate);
  }
  return validate;
}

function parseJson(label: string, raw: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(raw) };
  } catch (e) {
    return { problem: `${label}: not valid JSON (${(e as Error).message})` };
  }
}

function checkMetricsQuery(version: 'v1' | 'v2', raw: string): string[] {
  const parsed = parseJson('query', raw);
  if ('problem' in parsed) return [parsed.problem];
  const query = parsed.value;
  const validate = validator(`metrics ${version}`, () => metricsQuerySchema(version));
  const problems = validate(query) ? [] : formatAjvErrors('query', query, validate.errors);
  if (!isObj(query)) return problems;
  const view = version === 'v2' && typeof query.view === 'string' ? METRICS_V2_VIEWS[query.view] : undefined;
  return [...problems, ...metricsQueryRules(query, view?.highCardinality ?? [])];
}

function checkObservationsFilter(raw: string): string[] {
  const parsed = parseJson('filter', raw);
  if ('problem' in parsed) return [parsed.problem];
  const filter = parsed.value;
  const validate = validator('observations filter', observationsFilterSchema);
  const problems = validate(filter) ? [] : formatAjvErrors('filter', filter, validate.errors);
  return Array.isArray(filter) ? [...problems, ...observationsFilterRules(filter)] : problems;
}

/** The endpoint of a URL below any mount prefix, or the problem. */
function endpointOf(url: string | URL, method: string): { path: FactsEndpoint; facts: EndpointFacts; url: URL } | string {
  const parsed = toUrl(url);
  if (typeof parsed === 'string') return parsed;
  const at = parsed.pathname.indexOf('/api/public/');
  if (at < 0) return `path: ${parsed.pathname} is not under /api/public/`;
  const path = parsed.pathname.slice(at);
  if (!(path in ENDPOINT_FACTS)) return `path: ${path} matches no path userlens uses (${Object.keys(ENDPOINT_FACTS).join(', ')})`;
  if (method.toUpperCase() !== 'GET') return `method: ${method.toUpperCase()} is not an operation of ${path} userlens uses (GET only)`;
  return { path: path as FactsEndpoint, facts: ENDPOINT_FACTS[path as FactsEndpoint], url: parsed };
}

function checkRequest(url: string | URL, method = 'GET'): string[] {
  const found = endpointOf(url, method);
  if (typeof found === 'string') return [found];
  const { path, facts } = found;
  const where = `GET ${path}`;
  const given = new Map<string, string[]>();
  for (const [k, v] of found.url.searchParams) given.set(k, [...(given.get(k) ?? []), v]);
  const declared: Readonly<Record<string, ParamType>> = facts.params;
  const problems: string[] = [];
  for (const [name, values] of given) {
    const type = declared[name];
    if (type === undefined) {
      problems.push(`${name}: not a query parameter of ${where} (spec: ${Object.keys(declared).join(', ')})`);
      continue;
    }
    if (type !== 'string[]' && values.length > 1) {
      problems.push(`${name}: given ${values.length} times (${values.map((v) => show(v)).join(', ')}) but it is not an array parameter`);
    }
    const schema = paramSchema(type, name === 'limit' ? facts.maxLimit : undefined);
    for (const v of values) {
      const problem = checkRawValue(name, v, schema);
      if (problem) problems.push(problem);
      else if (name === 'fields' && facts.fieldGroups) problems.push(...checkFieldGroups(v, facts.fieldGroups));
      else if (type === 'json' && name === 'query') problems.push(...checkMetricsQuery(path === '/api/public/v2/metrics' ? 'v2' : 'v1', v));
      else if (type === 'json' && name === 'filter') problems.push(...checkObservationsFilter(v));
    }
  }
  for (const name of facts.required ?? []) if (!given.has(name)) problems.push(`${name}: required by ${where} but missing`);
  if (path === '/api/public/v2/observations') problems.push(...observationsParamRules(given));
  return unique(problems);
}

function checkResponse(url: string | URL, status: number, body: unknown, method = 'GET'): string[] {
  const found = endpointOf(url, method);
  if (typeof found === 'string') return [found];
  const { path, facts } = found;
  if (ERROR_STATUSES.includes(status)) return []; // no body schema documented
  if (status !== 200) return [`status: ${status} is not a documented response of GET ${path} (spec: 200, ${ERROR_STATUSES.join(', ')})`];
  const validate = validator(`response ${path}`, () => fieldSchema(facts.response));
  return validate(body) ? [] : formatAjvErrors('body', body, validate.errors);
}

/** Checks requests and answers against langfuseFacts.ts. */
export const langfuseContract: LangfuseSpec = { checkRequest, checkResponse };
