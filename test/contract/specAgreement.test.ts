// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import {
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
  type ParamType,
} from './langfuseFacts.ts';
import { type MetricsLanguage, documentedGroups, documentedMaximum, loadSpecDocument, readMetricsLanguage, readObservationsFilterLanguage, specMissingMessage } from './openapi.ts';
import { type Node, diff, fromFacts, fromSpec } from './shapeDiff.ts';

// Our Langfuse fixtures (langfuseFacts.ts) against Langfuse's OpenAPI spec, where a copy is at
// hand: a fact that no longer matches the spec fails here. Without one these are skipped, and
// their names say what they need.
const doc = loadSpecDocument();
if (!doc) console.warn(specMissingMessage());

const sorted = (items: Iterable<string>) => [...items].sort();
const sortedValues = (entries: Iterable<[string, readonly string[]]>) => Object.fromEntries([...entries].map(([k, v]) => [k, sorted(v)]));

/** A parameter type as one word: `integer`, `string[]`, `API|ANNOTATION|EVAL`. */
function paramType(node: Node): string {
  if (node.kind === 'list') return `${paramType(node.of)}[]`;
  if (node.kind === 'enum') return node.values.join('|');
  return node.kind === 'scalar' ? node.type : node.kind;
}
const ourParamType = (type: ParamType) => (typeof type !== 'string' ? sorted(type).join('|') : type === 'json' ? 'string' : type);

/** The metrics language in the form the facts give it. */
function metricsSummary(lang: MetricsLanguage) {
  return {
    views: lang.views,
    dimensions: lang.dimensions && sortedValues(lang.dimensions),
    measures: lang.measures && sortedValues(lang.measures),
    highCardinality: sortedValues(lang.highCardinality),
    aggregations: lang.aggregations,
    granularities: sorted(lang.granularities),
    directions: lang.directions,
    filterTypes: sorted(lang.filters.types),
    operators: sortedValues(lang.filters.operators),
    keyTypes: sorted(lang.filters.keyTypes),
    configRanges: Object.fromEntries(lang.configRanges),
    atLeastOneMetric: lang.block.nodes.get('metrics')?.minItems === 1,
  };
}

const views = Object.entries(METRICS_V2_VIEWS);
const ourMetrics = {
  views: Object.keys(METRICS_V2_VIEWS),
  dimensions: Object.fromEntries(views.map(([view, v]) => [view, sorted(v.dimensions)])),
  measures: Object.fromEntries(views.map(([view, v]) => [view, sorted(v.measures)])),
  highCardinality: Object.fromEntries(views.map(([view, v]) => [view, sorted(v.highCardinality)])),
  aggregations: [...METRICS_AGGREGATIONS],
  granularities: sorted(METRICS_GRANULARITIES),
  directions: [...METRICS_DIRECTIONS],
  filterTypes: sorted(FILTER_TYPES),
  operators: sortedValues(Object.entries(METRICS_FILTER_OPERATORS)),
  keyTypes: sorted(METRICS_KEY_TYPES),
  configRanges: Object.fromEntries(Object.entries(METRICS_CONFIG_RANGES).map(([k, v]) => [k, [...v]])),
  atLeastOneMetric: true,
};

describe('langfuseFacts.ts against the Langfuse OpenAPI spec', () => {
  it.skipIf(!doc)('[needs ../shared] query parameters: names, types, arrays, required ones, page limits, field groups', () => {
    const problems: string[] = [];
    for (const [path, facts] of Object.entries(ENDPOINT_FACTS)) {
      const op = doc!.paths[path]?.get;
      if (!op) {
        problems.push(`GET ${path}: not in the spec`);
        continue;
      }
      const theirs = new Map<string, any>(op.parameters.filter((p: any) => p.in === 'query').map((p: any) => [p.name, p]));
      const ours: Record<string, ParamType> = facts.params;
      for (const name of new Set([...theirs.keys(), ...Object.keys(ours)])) {
        const p = theirs.get(name);
        if (!p || !(name in ours)) {
          problems.push(`GET ${path} ${name}: ${p ? 'in the spec, missing here' : 'not in the spec'}`);
          continue;
        }
        const [a, b] = [ourParamType(ours[name]!), paramType(fromSpec(doc!, p.schema ?? {}))];
        if (a !== b) problems.push(`GET ${path} ${name}: ${a} here, ${b} in the spec`);
        if ((p.required === true) !== ('required' in facts && (facts.required as readonly string[]).includes(name))) problems.push(`GET ${path} ${name}: required differs`);
      }
      const [maxLimit, ourMax] = [documentedMaximum(theirs.get('limit')?.description), 'maxLimit' in facts ? facts.maxLimit : undefined];
      if (maxLimit !== ourMax) problems.push(`GET ${path} limit: maximum ${ourMax} here, ${maxLimit} in the spec`);
      const groups = documentedGroups(theirs.get('fields')?.description);
      const ourGroups = 'fieldGroups' in facts ? facts.fieldGroups : undefined;
      if (String(groups) !== String(ourGroups)) problems.push(`GET ${path} fields: groups ${ourGroups} here, ${groups} in the spec`);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!doc)('[needs ../shared] answers: statuses, field names, types, nullability and requiredness', () => {
    const problems: string[] = [];
    for (const [path, facts] of Object.entries(ENDPOINT_FACTS)) {
      const responses = doc!.paths[path].get.responses;
      const statuses = Object.keys(responses).map(Number);
      if (String(statuses) !== String([200, ...ERROR_STATUSES])) problems.push(`GET ${path}: the spec documents statuses ${statuses}`);
      for (const status of ERROR_STATUSES) {
        const schema = responses[status]?.content?.['application/json']?.schema;
        if (schema && Object.keys(schema).length > 0) problems.push(`GET ${path} ${status}: the spec documents a body`);
      }
      const schema = responses[200].content['application/json'].schema;
      problems.push(...diff(fromFacts(facts.response), fromSpec(doc!, schema), `GET ${path} 200 body`));
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!doc)('[needs ../shared] the metrics query language (v2, and v1 for v3 deployments)', () => {
    const v2 = readMetricsLanguage(doc!, '/api/public/v2/metrics');
    expect(metricsSummary(v2)).toEqual(ourMetrics);
    const v1 = readMetricsLanguage(doc!, '/api/public/metrics');
    expect(metricsSummary(v1)).toEqual({ ...ourMetrics, views: [...METRICS_V1_VIEWS], dimensions: undefined, measures: undefined, highCardinality: {} });
    // The metrics table leaves out that a `null` condition has no value; the observations one says so.
    const known = ['query.filters[].value: optional here, required in the spec'];
    for (const lang of [v2, v1]) expect(diff(fromFacts(METRICS_QUERY), fromSpec(doc!, lang.block.schema), 'query', true)).toEqual(known);
  });

  it.skipIf(!doc)('[needs ../shared] the observations filter language and the rules stated in prose', () => {
    const lang = readObservationsFilterLanguage(doc!);
    expect({ types: sorted(lang.filters.types), operators: sortedValues(lang.filters.operators), keyTypes: sorted(lang.filters.keyTypes), columns: sorted(lang.columns) }).toEqual({
      types: sorted(FILTER_TYPES),
      operators: sortedValues(Object.entries(OBSERVATIONS_FILTER_OPERATORS)),
      keyTypes: sorted(OBSERVATIONS_KEY_TYPES),
      columns: sorted(OBSERVATIONS_FILTER_COLUMNS),
    });
    expect(diff(fromFacts({ listOf: FILTER_CONDITION }), fromSpec(doc!, lang.block.schema), 'filter', true)).toEqual([]);
    const params = doc!.paths['/api/public/v2/observations'].get.parameters as { name: string; description?: string }[];
    const text = (name: string) => params.find((p) => p.name === name)?.description ?? '';
    expect(text('filter')).toMatch(/takes precedence over query parameter filters/);
    expect(text('parseIoAsJson')).toMatch(/Setting this to `true` will return a 400 error/);
    expect(text('filter')).toMatch(/The `matches` operator is only supported for `input`, `output`, and stringObject `metadata` filters/);
    expect(text('filter')).toMatch(/Any v2 `input` or `output` filter must be accompanied by at least one `=` or `matches` filter/);
  });
});

describe('loadSpecDocument', () => {
  const saved = process.env.LANGFUSE_OPENAPI;
  afterEach(() => {
    if (saved === undefined) delete process.env.LANGFUSE_OPENAPI;
    else process.env.LANGFUSE_OPENAPI = saved;
  });

  it('is null when LANGFUSE_OPENAPI names a missing file, and the message says where it looked', () => {
    process.env.LANGFUSE_OPENAPI = '/nonexistent/openapi.yml';
    expect(loadSpecDocument()).toBeNull();
    expect(specMissingMessage()).toMatch(/\/nonexistent\/openapi\.yml \(from LANGFUSE_OPENAPI\)/);
    expect(specMissingMessage()).toMatch(/langfuseFacts\.ts/);
  });
});
