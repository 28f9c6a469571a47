/**
 * Langfuse's OpenAPI spec, read at test time where a copy is at hand (never copied into the
 * project): $LANGFUSE_OPENAPI, else ../shared/langfuse-api/openapi.yml beside the repository.
 * The contract checks run on our own fixtures (langfuseFacts.ts) in any clone; this module serves
 * the extra cross-checks against the spec itself.
 *
 * - `loadSpecDocument` gives the parsed document; `readMetricsLanguage` and
 *   `readObservationsFilterLanguage` what its prose documents of the JSON-in-a-string parameters
 *   (the commented JSON block, the `### <view>` sections, ...).
 * - `loadLangfuseSpec` gives a checker like `langfuseContract`, built from the whole spec:
 *   `checkRequest` matches the URL to a path template and checks every query parameter against
 *   the operation's; `checkResponse` validates a body with Ajv against the operation's response
 *   schema, after rewriting the OpenAPI 3.0 dialect (`nullable`, discriminated `oneOf`).
 *
 * Test-only: not shipped, not exported from the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
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

export type { LangfuseSpec } from './checks.ts';

// ---------------------------------------------------------------------------------------------
// Finding and loading the spec

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_SPEC_PATH = resolve(REPO_ROOT, '..', 'shared', 'langfuse-api', 'openapi.yml');

function specPath(): string {
  const fromEnv = process.env.LANGFUSE_OPENAPI;
  return fromEnv ? resolve(fromEnv) : DEFAULT_SPEC_PATH;
}

/** Where the spec is looked for, and what is skipped without it. */
export function specMissingMessage(): string {
  const where = process.env.LANGFUSE_OPENAPI ? `${specPath()} (from LANGFUSE_OPENAPI)` : DEFAULT_SPEC_PATH;
  return (
    `Langfuse OpenAPI spec not found at ${where}: the [needs ../shared] cross-checks are skipped; ` +
    'the contract checks still run on test/contract/langfuseFacts.ts. To cross-check, set LANGFUSE_OPENAPI ' +
    'to a copy of https://cloud.langfuse.com/generated/api/openapi.yml.'
  );
}

const documents = new Map<string, Obj>();
const checkers = new Map<string, LangfuseSpec>();

/** The parsed spec, or null when there is none at hand. Parsed once per path. */
export function loadSpecDocument(): Obj | null {
  const path = specPath();
  const cached = documents.get(path);
  if (cached) return cached;
  if (!existsSync(path)) return null;
  // The spec reuses one `security` anchor in every operation: lift yaml's alias-bomb guard.
  const doc = parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: -1 }) as Obj;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${path} does not look like an OpenAPI document (no paths / components.schemas)`);
  }
  documents.set(path, doc);
  return doc;
}

/** A checker built from the spec, or null when there is none at hand. Built once per path. */
export function loadLangfuseSpec(): LangfuseSpec | null {
  const path = specPath();
  const doc = loadSpecDocument();
  if (!doc) return null;
  let spec = checkers.get(path);
  if (!spec) {
    spec = new Spec(doc);
    checkers.set(path, spec);
  }
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const SCHEMAS_ID = 'langfuse-openapi.json';
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

function quoted(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

/** Lines of a markdown section: after the heading line matching `heading`, up to the next heading of the same or a higher level. */
function sectionLines(text: string, heading: RegExp): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return [];
  const level = /^#+/.exec(lines[start]!)?.[0].length ?? 2;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const h = /^(#+)\s/.exec(line);
    if (h && h[1]!.length <= level) break;
    out.push(line);
  }
  return out;
}

/** `- \`name\` ...` bullet → name */
function bulletName(line: string): string | undefined {
  return /^-\s+`([^`]+)`/.exec(line)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Query-parameter value checks

/** `limit` "Maximum 1000, default 50." → 1000 */
export function documentedMaximum(description: string | undefined): number | undefined {
  const m = /\bMaximum (\d+)\b/.exec(description ?? '');
  return m ? Number(m[1]) : undefined;
}

/** A parameter schema with its documented maximum, when only its description states one. */
function withMaximum(schema: Schema, description: string | undefined): Schema {
  const maximum = typeof schema.maximum === 'number' ? schema.maximum : documentedMaximum(description);
  return maximum === undefined ? schema : { ...schema, maximum };
}

/** Field-group parameters document their groups in prose ("Available groups: core, basic, ..."). */
export function documentedGroups(description: string | undefined): string[] | undefined {
  const m = /(?:Available(?: field)? groups|Allowed):\s*([\s\S]*?)(?:\.(?:\s|$)|—)/.exec(description ?? '');
  if (!m) return undefined;
  const text = m[1]!;
  const names = /[`']/.test(text)
    ? [...text.matchAll(/[`']([\w-]+)[`']/g)].map((x) => x[1]!)
    : text.split(',').map((s) => s.trim());
  return names.length > 0 && names.every((n) => /^[\w-]+$/.test(n)) ? names : undefined;
}

// ---------------------------------------------------------------------------------------------
// The commented JSON blocks the JSON-string parameters are documented with

export interface JsonBlock {
  /** Skeleton JSON Schema of the block (objects closed, leaf types from the placeholders). */
  schema: Schema;
  /** Schema node per path (`metrics.[].measure`). */
  nodes: Map<string, Schema>;
  /** The `//` comment text per path, continuation comment lines included. */
  comments: Map<string, string>;
}

/**
 * Parses the first ```json block of a parameter description, the form
 * `"key": string, // comment`, into a skeleton schema and the comment of each key.
 */
function parseJsonBlock(description: string): JsonBlock {
  const block = /```json\s*\n([\s\S]*?)```/.exec(description)?.[1];
  if (!block) throw new Error('no ```json block in the parameter description');
  const nodes = new Map<string, Schema>();
  const comments = new Map<string, string>();
  const stack: { schema: Schema; path: string }[] = [];
  let root: Schema | undefined;
  let lastPath: string | undefined;
  const open = (schema: Schema, path: string) => {
    nodes.set(path, schema);
    stack.push({ schema, path });
  };
  const newContainer = (c: string): Schema =>
    c === '{' ? { type: 'object', properties: {}, additionalProperties: false } : { type: 'array' };
  for (const raw of block.split('\n')) {
    const cut = raw.indexOf('//');
    const code = (cut >= 0 ? raw.slice(0, cut) : raw).trim().replace(/,$/, '');
    const comment = cut >= 0 ? raw.slice(cut + 2).trim() : '';
    if (code === '') {
      if (comment && lastPath !== undefined) comments.set(lastPath, `${comments.get(lastPath) ?? ''}\n${comment}`);
      continue;
    }
    const top = stack[stack.length - 1];
    const keyed = /^"([^"]+)"\s*:\s*(.*)$/.exec(code);
    if (keyed) {
      if (!top || top.schema.type !== 'object') throw new Error(`unexpected key line in json block: ${raw}`);
      const [, key, rest] = keyed as unknown as [string, string, string];
      const path = top.path ? `${top.path}.${key}` : key;
      lastPath = path;
      comments.set(path, comment);
      if (rest === '{' || rest === '[') {
        const child = newContainer(rest);
        top.schema.properties[key] = child;
        open(child, path);
      } else {
        const leaf: Schema = rest === 'string' ? { type: 'string' } : rest === 'number' ? { type: 'number' } : rest === 'boolean' ? { type: 'boolean' } : {};
        top.schema.properties[key] = leaf;
        nodes.set(path, leaf);
      }
      continue;
    }
    if (code === '{' || code === '[') {
      const child = newContainer(code);
      if (!root) {
        root = child;
        open(child, '');
      } else if (top?.schema.type === 'array') {
        top.schema.items = child;
        open(child, top.path ? `${top.path}.[]` : '[]');
      } else {
        throw new Error(`unexpected line in json block: ${raw}`);
      }
      continue;
    }
    if (code === '}' || code === ']') {
      stack.pop();
      continue;
    }
    throw new Error(`unexpected line in json block: ${raw}`);
  }
  if (!root) throw new Error('empty ```json block');
  return { schema: root, nodes, comments };
}

/** Quoted names of a comment that lists them exhaustively ("One of ...", "How to aggregate: ..."), not by example ("e.g."). */
function listedValues(comment: string | undefined): string[] | undefined {
  if (!comment || /\be\.g\./.test(comment)) return undefined;
  const values = quoted(comment);
  return values.length > 0 ? values : undefined;
}

/** The operator table in the `"operator"` comment: `- string: "=", "contains"`, `- stringObject/numberObject: same as string/number ...`. */
function parseOperatorTable(comment: string | undefined): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const aliases: [string[], string[]][] = [];
  for (const line of (comment ?? '').split('\n')) {
    const m = /^-\s*([\w/]+):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const types = m[1]!.split('/');
    const same = /same as ([\w/]+)/.exec(m[2]!);
    if (same) aliases.push([types, same[1]!.split('/')]);
    else for (const t of types) table.set(t, quoted(m[2]!));
  }
  for (const [types, bases] of aliases) {
    types.forEach((t, i) => {
      const ops = table.get(bases[i] ?? bases[0]!);
      if (ops) table.set(t, ops);
    });
  }
  return table;
}

function parseFilterGrammar(block: JsonBlock, prefix: string, fallback?: FilterGrammar): FilterGrammar {
  const types = listedValues(block.comments.get(`${prefix}type`)) ?? fallback?.types;
  if (!types) throw new Error(`no filter types documented at ${prefix}type`);
  const operators = parseOperatorTable(block.comments.get(`${prefix}operator`));
  for (const [t, ops] of fallback?.operators ?? []) if (!operators.has(t)) operators.set(t, [...ops]);
  const keyComment = block.comments.get(`${prefix}key`) ?? '';
  let keyTypes: readonly string[] = (keyComment.match(/\w+/g) ?? []).filter((w) => types.includes(w));
  if (keyTypes.length === 0) keyTypes = fallback?.keyTypes ?? [];
  return { types, operators, keyTypes };
}

/** Requiredness from the comments: a key is required unless its comment says Optional / Required only / ... */
function applyRequired(block: JsonBlock): void {
  for (const [path, node] of block.nodes) {
    if (node.type !== 'object') continue;
    const required: string[] = [];
    for (const key of Object.keys(node.properties)) {
      const comment = block.comments.get(path ? `${path}.${key}` : key) ?? '';
      const isRoot = path === '';
      if (isRoot ? /^Required\./.test(comment) : !/Optional|Required only|Required \(except/.test(comment)) required.push(key);
    }
    node.required = required;
  }
  for (const [path, node] of block.nodes) {
    const comment = block.comments.get(path) ?? '';
    if (/Default: null/.test(comment) && typeof node.type === 'string') node.type = [node.type, 'null'];
    if (node.type === 'array' && /At least one/.test(comment)) node.minItems = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Metrics query grammar

interface MetricsGrammar {
  /** High-cardinality dimensions per view (v2): grouping by them returns 400. */
  highCardinality: Map<string, string[]>;
  /** The JSON Schema of the `query` value, per-view enums included. */
  validate: ValidateFunction;
}

interface ViewDoc {
  dims: string[];
  measures: string[];
  inherit?: string;
  replace?: [string, string];
}

/** `## Available Views` → `### <view>` sections with their **Dimensions:** / **Measures:** bullets. */
function parseViews(description: string): { dimensions: Map<string, string[]>; measures: Map<string, string[]> } | undefined {
  const lines = sectionLines(description, /^## Available Views/);
  if (lines.length === 0) return undefined;
  const docs = new Map<string, ViewDoc>();
  let current: ViewDoc | undefined;
  let mode: 'dims' | 'measures' | undefined;
  for (const line of lines) {
    const view = /^### (\S+)/.exec(line)?.[1];
    if (view) {
      current = { dims: [], measures: [] };
      docs.set(view, current);
      mode = undefined;
      continue;
    }
    if (!current) continue;
    if (/^\*\*Dimensions:\*\*/.test(line)) mode = 'dims';
    else if (/^\*\*Measures:\*\*/.test(line)) mode = 'measures';
    else if (bulletName(line) && mode) current[mode].push(bulletName(line)!);
    else {
      const inherit = /\bsame\b[^.]*?\bdimensions as ([\w-]+)/i.exec(line);
      if (inherit) current.inherit = inherit[1]!;
      const replace = /uses `([^`]+)` instead of `([^`]+)`/.exec(line);
      if (replace) current.replace = [replace[2]!, replace[1]!];
    }
  }
  const dimensions = new Map<string, string[]>();
  const resolveDims = (name: string, seen: string[]): string[] => {
    const doc = docs.get(name);
    if (!doc) throw new Error(`view ${seen.at(-1)} inherits dimensions from unknown view ${name}`);
    if (seen.includes(name)) throw new Error(`views inherit dimensions in a cycle: ${seen.join(' → ')}`);
    let base = doc.inherit ? resolveDims(doc.inherit, [...seen, name]) : [];
    if (doc.replace) base = base.map((d) => (d === doc.replace![0] ? doc.replace![1] : d));
    return unique([...base, ...doc.dims]);
  };
  const measures = new Map<string, string[]>();
  for (const [name, doc] of docs) {
    dimensions.set(name, resolveDims(name, []));
    if (doc.measures.length === 0) throw new Error(`view ${name} documents no measures`);
    measures.set(name, doc.measures);
  }
  if (docs.size === 0) throw new Error('no ### <view> sections under ## Available Views');
  return { dimensions, measures };
}

/** `## High Cardinality Dimensions` → `**a / b views:**` labels with bullets. */
function parseHighCardinality(description: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let views: string[] = [];
  for (const line of sectionLines(description, /^## High Cardinality Dimensions/)) {
    const label = /^\*\*(.+?):\*\*$/.exec(line)?.[1];
    if (label) {
      views = label
        .replace(/\bviews?\b/g, '')
        .split('/')
        .map((v) => v.trim())
        .filter(Boolean);
      continue;
    }
    const name = bulletName(line);
    if (name) for (const v of views) out.set(v, [...(out.get(v) ?? []), name]);
  }
  return out;
}

/** The backticked names on the "Available ..." line of a `## <heading>` section. */
function parseAvailable(description: string, heading: RegExp): string[] | undefined {
  const line = sectionLines(description, heading).find((l) => /^Available\b/.test(l));
  const names = line ? backticked(line) : [];
  return names.length > 0 ? names : undefined;
}

// ---------------------------------------------------------------------------------------------
// What the spec documents of the two JSON-in-a-string languages

/** A metrics endpoint's `query` language as the spec documents it. */
export interface MetricsLanguage {
  /** The commented JSON block: skeleton schema (requiredness applied) and comments. */
  block: JsonBlock;
  views: string[];
  /** Per view (v2 only: v1 lists none). */
  dimensions?: Map<string, string[]>;
  measures?: Map<string, string[]>;
  /** Per view (v2 only). */
  highCardinality: Map<string, string[]>;
  aggregations: string[];
  granularities: string[];
  directions: string[];
  filters: FilterGrammar;
  /** `config` keys with a documented range. */
  configRanges: Map<string, [number, number]>;
}

function queryParamDescription(doc: Obj, template: string, name: string): string {
  const param = ((doc.paths[template]?.get?.parameters ?? []) as Obj[]).find((p) => p.name === name);
  if (!param) throw new Error(`GET ${template} has no ${name} parameter`);
  return param.description as string;
}

export function readMetricsLanguage(doc: Obj, template: string): MetricsLanguage {
  const description = doc.paths[template]?.get?.description as string;
  const block = parseJsonBlock(queryParamDescription(doc, template, 'query'));
  // v1 documents neither views sections nor an exhaustive aggregation list: those come from v2,
  // which documents the same query language.
  const v2 = template === '/api/public/v2/metrics' ? undefined : readMetricsLanguage(doc, '/api/public/v2/metrics');
  const views = parseViews(description);
  const viewNames = views ? [...views.measures.keys()] : listedValues(block.comments.get('view')?.split('One of')[1]);
  if (!viewNames) throw new Error(`no views documented for GET ${template}`);
  const aggregations = parseAvailable(description, /^## Aggregations/) ?? listedValues(block.comments.get('metrics.[].aggregation')) ?? v2?.aggregations;
  const granularities = parseAvailable(description, /^## Time Granularities/) ?? listedValues(block.comments.get('timeDimension.granularity')?.split('One of')[1]);
  const directions = listedValues(block.comments.get('orderBy.[].direction'));
  if (!aggregations || !granularities || !directions) throw new Error(`aggregations, granularities or directions not documented for GET ${template}`);
  // Types the metrics table lacks (categoryOptions) take their operators from the observations
  // filter table, which documents the same filter language in full.
  const fallback = v2?.filters ?? readObservationsFilterLanguage(doc).filters;
  const filters = parseFilterGrammar(block, 'filters.[].', fallback);
  const configRanges = new Map<string, [number, number]>();
  for (const [path, comment] of block.comments) {
    const range = /\((\d+)\s*-\s*(\d+)\)/.exec(comment);
    if (path.startsWith('config.') && range) configRanges.set(path.slice('config.'.length), [Number(range[1]), Number(range[2])]);
  }
  applyRequired(block);
  return {
    block,
    views: viewNames,
    ...(views ? { dimensions: views.dimensions, measures: views.measures } : {}),
    highCardinality: v2 ? new Map() : parseHighCardinality(description),
    aggregations,
    granularities,
    directions,
    filters,
    configRanges,
  };
}

/** The `/v2/observations` `filter` language as the spec documents it. */
export function readObservationsFilterLanguage(doc: Obj): { block: JsonBlock; filters: FilterGrammar; columns: string[] } {
  const description = queryParamDescription(doc, '/api/public/v2/observations', 'filter');
  const block = parseJsonBlock(description);
  const filters = parseFilterGrammar(block, '[].');
  applyRequired(block);
  // "## Available Columns": `- \`name\` (type) - ... (alias: \`other\`)`
  const columns: string[] = [];
  for (const line of sectionLines(description, /^## Available Columns/)) {
    const name = bulletName(line);
    if (!name) continue;
    columns.push(name);
    for (const alias of line.matchAll(/\(alias: `([^`]+)`\)/g)) columns.push(alias[1]!);
  }
  if (columns.length === 0) throw new Error('no columns under ## Available Columns in the observations filter documentation');
  return { block, filters, columns: unique(columns) };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema → Ajv (draft-07) schema

interface RouteMatch {
  template: string;
  item: Obj;
  params: Record<string, string>;
}

class Spec implements LangfuseSpec {
  private readonly doc: Obj;
  private readonly routes: { template: string; segments: string[]; literals: number; item: Obj }[];
  private ajvInstance: Ajv | undefined;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly metrics = new Map<string, MetricsGrammar>();
  private observationsFilter: ValidateFunction | undefined;

  constructor(doc: Obj) {
    this.doc = doc;
    this.routes = Object.entries(doc.paths as Obj).map(([template, item]) => {
      const segments = template.split('/');
      return { template, segments, literals: segments.filter((s) => !/^\{.+\}$/.test(s)).length, item: item as Obj };
    });
  }

  // --- requests ------------------------------------------------------------------------------

  checkRequest(url: string | URL, method = 'GET'): string[] {
    const parsed = toUrl(url);
    if (typeof parsed === 'string') return [parsed];
    const m = method.toUpperCase();
    const match = this.match(parsed.pathname);
    if (typeof match === 'string') return [match];
    const op = match.item[m.toLowerCase()] as Obj | undefined;
    if (!op) {
      const allowed = METHODS.filter((x) => x in match.item).map((x) => x.toUpperCase());
      return [`method: ${m} is not an operation of ${match.template} (spec: ${allowed.join(', ')})`];
    }
    const where = `${m} ${match.template}`;
    const problems: string[] = [];
    const declared = [...((match.item.parameters ?? []) as Obj[]), ...((op.parameters ?? []) as Obj[])];

    // Path parameters
    for (const p of declared.filter((x) => x.in === 'path')) {
      const raw = match.params[p.name];
      if (raw === undefined) continue;
      let value: string;
      try {
        value = decodeURIComponent(raw);
      } catch {
        problems.push(`${p.name} (path): ${show(raw)} is not valid percent-encoding`);
        continue;
      }
      const problem = checkRawValue(`${p.name} (path)`, value, withMaximum(this.deref(p.schema ?? {}), p.description));
      if (problem) problems.push(problem);
    }

    // Query parameters
    const queryParams = new Map<string, Obj>(declared.filter((x) => x.in === 'query').map((x) => [x.name as string, x]));
    const given = new Map<string, string[]>();
    for (const [k, v] of parsed.searchParams) given.set(k, [...(given.get(k) ?? []), v]);
    for (const [name, values] of given) {
      const param = queryParams.get(name);
      if (!param) {
        problems.push(`${name}: not a query parameter of ${where} (spec: ${[...queryParams.keys()].join(', ') || 'none'})`);
        continue;
      }
      const schema = this.deref(param.schema ?? {});
      if (schema.type === 'array') {
        const items = this.deref(schema.items ?? {});
        for (const v of values) {
          const problem = checkRawValue(name, v, withMaximum(items, param.description));
          if (problem) problems.push(problem);
        }
        continue;
      }
      if (values.length > 1) {
        problems.push(`${name}: given ${values.length} times (${values.map((v) => show(v)).join(', ')}) but it is not an array parameter`);
      }
      for (const v of values) {
        const problem = checkRawValue(name, v, withMaximum(schema, param.description));
        if (problem) problems.push(problem);
        else problems.push(...this.checkSpecialValue(match.template, m, name, v, param));
      }
    }
    for (const [name, param] of queryParams) {
      if (param.required && !given.has(name)) problems.push(`${name}: required by ${where} but missing`);
    }
    problems.push(...this.checkOperationRules(match.template, m, given));
    return unique(problems);
  }

  /** Values whose structure the spec documents in prose. */
  private checkSpecialValue(template: string, method: string, name: string, value: string, param: Obj): string[] {
    if (name === 'fields') {
      const groups = documentedGroups(param.description);
      return groups ? checkFieldGroups(value, groups) : [];
    }
    if (method === 'GET' && name === 'query' && (template === '/api/public/v2/metrics' || template === '/api/public/metrics')) {
      return this.checkMetricsQuery(template, value);
    }
    if (method === 'GET' && name === 'filter' && template === '/api/public/v2/observations') {
      return this.checkObservationsFilter(value);
    }
    return [];
  }

  /** Rules between parameters that the operation descriptions state. */
  private checkOperationRules(template: string, method: string, given: Map<string, string[]>): string[] {
    return method === 'GET' && template === '/api/public/v2/observations' ? observationsParamRules(given) : [];
  }

  private match(pathname: string): RouteMatch | string {
    const at = pathname.indexOf('/api/public/');
    if (at < 0) return `path: ${pathname} is not under /api/public/`;
    const rel = pathname.slice(at);
    const segments = rel.split('/');
    let best: RouteMatch | undefined;
    let bestLiterals = -1;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length || route.literals <= bestLiterals) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((t, i) => {
        const s = segments[i]!;
        const param = /^\{(.+)\}$/.exec(t)?.[1];
        if (param) {
          params[param] = s;
          return s !== '';
        }
        return t === s;
      });
      if (ok) {
        best = { template: route.template, item: route.item, params };
        bestLiterals = route.literals;
      }
    }
    return best ?? `path: ${rel} matches no path template in the spec`;
  }

  /** Resolves a `$ref` into components/schemas (siblings other than $ref kept). */
  private deref(schema: Schema): Schema {
    let cur = schema;
    for (let i = 0; i < 20 && typeof cur.$ref === 'string'; i++) {
      const name = COMPONENT_REF.exec(cur.$ref)?.[1];
      const target = name ? (this.doc.components.schemas[name] as Schema | undefined) : undefined;
      if (!target) throw new Error(`unresolvable $ref ${cur.$ref}`);
      const { $ref: _ref, ...siblings } = cur;
      cur = { ...target, ...siblings };
    }
    return cur;
  }

  private operation(template: string, method: string): Obj {
    const op = this.doc.paths[template]?.[method.toLowerCase()] as Obj | undefined;
    if (!op) throw new Error(`the spec has no ${method} ${template}`);
    return op;
  }

  // --- metrics `query` ------------------------------------------------------------------------

  private metricsGrammar(template: string): MetricsGrammar {
    const cached = this.metrics.get(template);
    if (cached) return cached;
    const { block, views, dimensions, measures, highCardinality, aggregations, granularities, directions, filters, configRanges } = readMetricsLanguage(this.doc, template);
    const schema = block.schema;
    const n = (path: string): Schema => {
      const node = block.nodes.get(path);
      if (!node) throw new Error(`GET ${template} query documentation has no ${path}`);
      return node;
    };
    Object.assign(n('view'), { enum: views, description: 'a documented view' });
    Object.assign(n('metrics.[].aggregation'), { enum: aggregations, description: 'a documented aggregation' });
    Object.assign(n('timeDimension.granularity'), { enum: granularities, description: 'a documented granularity' });
    Object.assign(n('orderBy.[].direction'), { enum: directions, description: 'a documented direction' });
    for (const key of ['fromTimestamp', 'toTimestamp']) Object.assign(n(key), { format: 'date-time' });
    for (const [key, [minimum, maximum]] of configRanges) Object.assign(n(`config.${key}`), { type: 'integer', minimum, maximum });
    applyFilterGrammar(n('filters.[]'), filters);

    if (dimensions && measures) {
      schema.allOf = views.map((view) => {
        const dims = unique([...(dimensions.get(view) ?? []), ...(highCardinality.get(view) ?? [])]);
        return {
          if: { properties: { view: { const: view } }, required: ['view'] },
          then: {
            properties: {
              dimensions: { items: { properties: { field: { enum: dims, description: `a dimension of view ${view}` } } } },
              metrics: { items: { properties: { measure: { enum: measures.get(view), description: `a measure of view ${view}` } } } },
              // "Column to filter on (any dimension field)" (high-cardinality ones included: "Use them
              // in filters instead"), plus metadata, the column of the key-value types.
              filters: { items: { properties: { column: { enum: [...dims, 'metadata'], description: `a filter column of view ${view}` } } } },
            },
          },
        };
      });
    }
    const grammar: MetricsGrammar = { highCardinality, validate: this.ajv().compile(schema) };
    this.metrics.set(template, grammar);
    return grammar;
  }

  private queryParam(template: string, name: string): Obj {
    const param = (this.operation(template, 'GET').parameters as Obj[]).find((p) => p.name === name);
    if (!param) throw new Error(`GET ${template} has no ${name} parameter`);
    return param;
  }

  private checkMetricsQuery(template: string, raw: string): string[] {
    let query: unknown;
    try {
      query = JSON.parse(raw);
    } catch (e) {
      return [`query: not valid JSON (${(e as Error).message})`];
    }
    const grammar = this.metricsGrammar(template);
    const problems = grammar.validate(query) ? [] : formatAjvErrors('query', query, grammar.validate.errors);
    if (!isObj(query)) return problems;
    const q = query as Obj;

    const highCard = typeof q.view === 'string' ? (grammar.highCardinality.get(q.view) ?? []) : [];
    return unique([...problems, ...metricsQueryRules(q, highCard)]);
  }

  // --- observations `filter` ------------------------------------------------------------------

  private observationsFilterGrammar(): ValidateFunction {
    if (this.observationsFilter) return this.observationsFilter;
    const { block, filters, columns } = readObservationsFilterLanguage(this.doc);
    const item = block.nodes.get('[]');
    if (!item) throw new Error('the observations filter documentation has no condition object');
    applyFilterGrammar(item, filters);
    Object.assign(item.properties.column, { enum: columns, description: 'a documented filter column' });
    // `metadata` filters are on nested keys: a key is needed whatever the type.
    item.allOf.push({ if: { properties: { column: { const: 'metadata' } }, required: ['column'] }, then: { required: ['key'] } });
    this.observationsFilter = this.ajv().compile(block.schema);
    return this.observationsFilter;
  }

  private checkObservationsFilter(raw: string): string[] {
    let filter: unknown;
    try {
      filter = JSON.parse(raw);
    } catch (e) {
      return [`filter: not valid JSON (${(e as Error).message})`];
    }
    const validate = this.observationsFilterGrammar();
    const problems = validate(filter) ? [] : formatAjvErrors('filter', filter, validate.errors);
    return Array.isArray(filter) ? unique([...problems, ...observationsFilterRules(filter)]) : problems;
  }

  // --- responses ------------------------------------------------------------------------------

  checkResponse(url: string | URL, status: number, body: unknown, method = 'GET'): string[] {
    const parsed = toUrl(url);
    if (typeof parsed === 'string') return [parsed];
    const m = method.toUpperCase();
    const match = this.match(decodeTemplateBraces(parsed.pathname));
    if (typeof match === 'string') return [match];
    const op = match.item[m.toLowerCase()] as Obj | undefined;
    if (!op) return [`method: ${m} is not an operation of ${match.template}`];
    const responses = (op.responses ?? {}) as Obj;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    const where = `${m} ${match.template}`;
    if (!key) return [`status: ${status} is not a documented response of ${where} (spec: ${Object.keys(responses).join(', ')})`];
    const schema = responses[key]?.content?.['application/json']?.schema as Schema | undefined;
    if (!schema) {
      return body === undefined || body === null || body === '' ? [] : [`body: ${where} ${status} documents no JSON body, got ${show(body)}`];
    }
    const cacheKey = `${where} ${key}`;
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      validate = this.ajv().compile(this.toAjv(schema));
      this.validators.set(cacheKey, validate);
    }
    return validate(body) ? [] : formatAjvErrors('body', body, validate.errors);
  }

  /** One Ajv for the spec, with components/schemas (rewritten) registered under SCHEMAS_ID. */
  private ajv(): Ajv {
    if (this.ajvInstance) return this.ajvInstance;
    const ajv = newAjv();
    const formats = new Set<string>();
    JSON.stringify(this.doc.components, (k, v: unknown) => {
      if (k === 'format' && typeof v === 'string') formats.add(v);
      return v;
    });
    // OpenAPI's numeric formats (double, float, int32, ...) say nothing JSON Schema can check.
    for (const f of formats) if (!ajv.formats[f]) ajv.addFormat(f, true);
    const schemas: Obj = {};
    for (const [name, s] of Object.entries(this.doc.components.schemas as Obj)) schemas[name] = this.toAjv(s as Schema);
    ajv.addSchema({ $id: SCHEMAS_ID, components: { schemas } });
    this.ajvInstance = ajv;
    return ajv;
  }

  /**
   * OpenAPI 3.0 schema → Ajv schema: `$ref`s point into SCHEMAS_ID; `nullable` beside `$ref`,
   * `allOf`/`anyOf`/`oneOf`, `enum` (or without `type`) becomes `anyOf: [schema, {type: 'null'}]`;
   * a `oneOf` whose branches each pin one required property to a single value becomes if/then
   * branches keyed on that property, so errors come from the branch the data claims to be.
   */
  private toAjv(schema: unknown): any {
    if (Array.isArray(schema)) return schema.map((s) => this.toAjv(s));
    if (!isObj(schema)) return schema;
    const out: Obj = {};
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'nullable') continue;
      if (k === '$ref' && typeof v === 'string') out.$ref = v.startsWith('#/') ? `${SCHEMAS_ID}${v}` : v;
      else if ((k === 'properties' || k === 'patternProperties' || k === 'definitions') && isObj(v)) {
        out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, this.toAjv(s)]));
      } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf', 'additionalItems', 'contains', 'propertyNames'].includes(k)) {
        out[k] = typeof v === 'boolean' ? v : this.toAjv(v);
      } else out[k] = v;
    }
    if (Array.isArray(out.oneOf)) this.discriminate(out, schema.oneOf as Schema[]);
    if (schema.nullable !== true) return out;
    const composite = ['$ref', 'allOf', 'anyOf', 'oneOf', 'enum', 'const'].some((k) => k in out);
    if (!composite && typeof out.type === 'string') return { ...out, nullable: true }; // Ajv's own `nullable`
    if (!composite && out.type === undefined) return out; // anything, null included
    return { anyOf: [out, { type: 'null' }], 'x-nullable': true };
  }

  private discriminate(out: Obj, rawBranches: Schema[]): void {
    const pins = rawBranches.map((b) => this.pinnedProperties(b));
    const candidates = [...(pins[0]?.keys() ?? [])].filter((p) => pins.every((pin) => pin.has(p)));
    const property = candidates.find((p) => new Set(pins.map((pin) => pin.get(p))).size === pins.length);
    if (!property) return;
    const values = pins.map((pin) => pin.get(property)!);
    const branches = out.oneOf as Obj[];
    delete out.oneOf;
    if (branches.every((b) => b.type === 'object')) out.type = 'object';
    out.required = unique([...((out.required as string[] | undefined) ?? []), property]);
    out.properties = { ...out.properties, [property]: { enum: values, description: `a documented ${property}` } };
    out.allOf = [
      ...((out.allOf as Obj[] | undefined) ?? []),
      ...branches.map((branch, i) => ({ if: { properties: { [property]: { const: values[i] } } }, then: branch })),
    ];
  }

  /** Required properties a schema pins to one value (enum of one / const), looking into allOf and $ref. */
  private pinnedProperties(schema: Schema, depth = 0): Map<string, unknown> {
    const out = new Map<string, unknown>();
    if (depth > 5) return out;
    const s = typeof schema.$ref === 'string' ? this.deref(schema) : schema;
    const required = new Set<string>((s.required as string[] | undefined) ?? []);
    const parts = [s, ...((s.allOf as Schema[] | undefined) ?? []).map((p) => (typeof p.$ref === 'string' ? this.deref(p) : p))];
    for (const part of parts) for (const r of (part.required as string[] | undefined) ?? []) required.add(r);
    for (const part of parts) {
      for (const [name, prop] of Object.entries((part.properties ?? {}) as Obj)) {
        if (!required.has(name) || !isObj(prop)) continue;
        if (Array.isArray(prop.enum) && prop.enum.length === 1) out.set(name, prop.enum[0]);
        else if ('const' in prop) out.set(name, prop.const);
      }
    }
    return out;
  }
}

/** checkResponse also takes path templates: `{param}` arrives percent-encoded from the URL parser. */
function decodeTemplateBraces(pathname: string): string {
  return pathname.replace(/%7B([^/%]+)%7D/gi, '{$1}');
}
