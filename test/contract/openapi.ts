/**
 * Contract checker for tests: checks the requests userlens makes and the responses its fixtures
 * return against Langfuse's own OpenAPI spec, read at test time (never copied into the project).
 *
 * - `checkRequest` matches the URL to a path template and checks every query parameter against the
 *   operation's declared parameters. The JSON-in-a-string parameters (`query` of the metrics
 *   endpoints, `filter` of `/v2/observations`) are checked against JSON Schemas built here from the
 *   prose the spec documents them with (the commented JSON block, the `### <view>` sections, ...).
 * - `checkResponse` validates a body with Ajv against the operation's response schema, after
 *   rewriting the OpenAPI 3.0 dialect (`nullable`, discriminated `oneOf`) into JSON Schema.
 *
 * Test-only: not shipped, not exported from the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

export interface LangfuseSpec {
  /** Problems with a request the client makes ([] when it conforms). */
  checkRequest(url: string | URL, method?: string): string[];
  /** Problems with a response body for (method, path template or concrete path, status) against the spec's response schema ([] when it conforms). */
  checkResponse(url: string | URL, status: number, body: unknown, method?: string): string[];
}

// ---------------------------------------------------------------------------------------------
// Finding and loading the spec

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_SPEC_PATH = resolve(REPO_ROOT, '..', 'shared', 'langfuse-api', 'openapi.yml');

function specPath(): string {
  const fromEnv = process.env.LANGFUSE_OPENAPI;
  return fromEnv ? resolve(fromEnv) : DEFAULT_SPEC_PATH;
}

/** The message tests print when the spec is missing, naming where it looked. */
export const SPEC_MISSING_MESSAGE: string = process.env.LANGFUSE_OPENAPI
  ? `Langfuse OpenAPI spec not found at ${specPath()} (from LANGFUSE_OPENAPI): contract tests skipped.`
  : `Langfuse OpenAPI spec not found at ${DEFAULT_SPEC_PATH}: contract tests skipped. ` +
    'Set LANGFUSE_OPENAPI to the path of a copy of https://cloud.langfuse.com/generated/api/openapi.yml to run them.';

const loaded = new Map<string, LangfuseSpec>();

/** Finds and parses the spec: env LANGFUSE_OPENAPI (a path), else <repo root>/../shared/langfuse-api/openapi.yml. null when absent. Parse once (cache). */
export function loadLangfuseSpec(): LangfuseSpec | null {
  const path = specPath();
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path)) return null;
  // The spec reuses one `security` anchor in every operation: lift yaml's alias-bomb guard.
  const doc = parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: -1 }) as Obj;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${path} does not look like an OpenAPI document (no paths / components.schemas)`);
  }
  const spec = new Spec(doc);
  loaded.set(path, spec);
  return spec;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

type Obj = Record<string, any>;
type Schema = Obj;

const SCHEMAS_ID = 'langfuse-openapi.json';
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

function quoted(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
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
function formatAjvErrors(root: string, data: unknown, errors: ErrorObject[] | null | undefined): string[] {
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
        out.push(
          `${path}: ${show(value)} is not ${description ?? 'an allowed value'} (allowed: ${(e.params.allowedValues as unknown[]).join(', ')})`,
        );
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
// Query-parameter value checks

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** `limit` "Maximum 1000, default 50." → 1000 */
function documentedMaximum(description: string | undefined): number | undefined {
  const m = /\bMaximum (\d+)\b/.exec(description ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Field-group parameters document their groups in prose ("Available groups: core, basic, ..."). */
function documentedGroups(description: string | undefined): string[] | undefined {
  const m = /(?:Available(?: field)? groups|Allowed):\s*([\s\S]*?)(?:\.(?:\s|$)|—)/.exec(description ?? '');
  if (!m) return undefined;
  const text = m[1]!;
  const names = /[`']/.test(text)
    ? [...text.matchAll(/[`']([\w-]+)[`']/g)].map((x) => x[1]!)
    : text.split(',').map((s) => s.trim());
  return names.length > 0 && names.every((n) => /^[\w-]+$/.test(n)) ? names : undefined;
}

/** Problem with one raw (already URL-decoded) parameter value, or undefined. */
function checkRawValue(label: string, raw: string, schema: Schema, description?: string): string | undefined {
  if (Array.isArray(schema.enum)) {
    return schema.enum.includes(raw) ? undefined : `${label}: ${show(raw)} is not one of ${schema.enum.join(', ')}`;
  }
  switch (schema.type) {
    case 'integer': {
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) return `${label}: ${show(raw)} is not an integer`;
      return checkRange(label, Number(raw), schema, description);
    }
    case 'number': {
      if (!/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(raw) || !Number.isFinite(Number(raw))) {
        return `${label}: ${show(raw)} is not a number`;
      }
      return checkRange(label, Number(raw), schema, description);
    }
    case 'boolean':
      return raw === 'true' || raw === 'false' ? undefined : `${label}: ${show(raw)} is not a boolean (true or false)`;
    case 'string':
    case undefined:
      if (schema.format === 'date-time' && !isIsoDateTime(raw)) {
        return `${label}: ${show(raw)} is not an ISO 8601 date-time with a time zone`;
      }
      if (typeof schema.minLength === 'number' && raw.length < schema.minLength) {
        return `${label}: ${show(raw)} is shorter than ${schema.minLength}`;
      }
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(raw)) {
        return `${label}: ${show(raw)} does not match ${schema.pattern}`;
      }
      return undefined;
    default:
      return `${label}: parameters of type ${String(schema.type)} are not supported by this checker`;
  }
}

function checkRange(label: string, n: number, schema: Schema, description?: string): string | undefined {
  const max = typeof schema.maximum === 'number' ? schema.maximum : documentedMaximum(description);
  if (typeof schema.minimum === 'number' && n < schema.minimum) return `${label}: ${n} is below the minimum ${schema.minimum}`;
  if (max !== undefined && n > max) return `${label}: ${n} is above the documented maximum ${max}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The commented JSON blocks the JSON-string parameters are documented with

interface JsonBlock {
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

interface FilterGrammar {
  types: string[];
  operators: Map<string, string[]>;
  /** Filter types that need a `key`. */
  keyTypes: string[];
}

function parseFilterGrammar(block: JsonBlock, prefix: string, fallback?: FilterGrammar): FilterGrammar {
  const types = listedValues(block.comments.get(`${prefix}type`)) ?? fallback?.types;
  if (!types) throw new Error(`no filter types documented at ${prefix}type`);
  const operators = parseOperatorTable(block.comments.get(`${prefix}operator`));
  for (const [t, ops] of fallback?.operators ?? []) if (!operators.has(t)) operators.set(t, ops);
  const keyComment = block.comments.get(`${prefix}key`) ?? '';
  let keyTypes = (keyComment.match(/\w+/g) ?? []).filter((w) => types.includes(w));
  if (keyTypes.length === 0) keyTypes = fallback?.keyTypes ?? [];
  return { types, operators, keyTypes };
}

/** Per-type rules for a filter-condition item schema: operator, value, key. */
function applyFilterGrammar(item: Schema, grammar: FilterGrammar): void {
  item.properties.type = { ...item.properties.type, enum: grammar.types, description: 'a documented filter type' };
  // `value` and `key` are required per type (below), whatever their comments say.
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
  aggregations: string[];
  filterGrammar: FilterGrammar;
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
      const problem = checkRawValue(`${p.name} (path)`, value, this.deref(p.schema ?? {}), p.description);
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
          const problem = checkRawValue(name, v, items, param.description);
          if (problem) problems.push(problem);
        }
        continue;
      }
      if (values.length > 1) {
        problems.push(`${name}: given ${values.length} times (${values.map((v) => show(v)).join(', ')}) but it is not an array parameter`);
      }
      for (const v of values) {
        const problem = checkRawValue(name, v, schema, param.description);
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
      if (!groups) return [];
      return value
        .split(',')
        .map((g) => g.trim())
        .filter((g) => !groups.includes(g))
        .map((g) => `fields: ${g === '' ? 'empty group name' : show(g)} is not a documented field group (allowed: ${groups.join(', ')})`);
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
    const problems: string[] = [];
    if (method === 'GET' && template === '/api/public/v2/observations') {
      // "When using the `filter` parameter, it takes precedence over individual query parameter filters."
      const notFilters = new Set(['filter', 'fields', 'expandMetadata', 'limit', 'cursor', 'parseIoAsJson']);
      if (given.has('filter')) {
        for (const name of given.keys()) {
          if (!notFilters.has(name)) problems.push(`${name}: ignored by Langfuse because \`filter\` is given (filter takes precedence over query parameter filters)`);
        }
      }
      // "Setting this to `true` will return a 400 error."
      if (given.get('parseIoAsJson')?.includes('true')) problems.push('parseIoAsJson: true returns 400 (deprecated)');
    }
    return problems;
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
    const op = this.operation(template, 'GET');
    const param = (op.parameters as Obj[]).find((p) => p.name === 'query');
    if (!param) throw new Error(`GET ${template} has no query parameter`);
    const block = parseJsonBlock(param.description as string);
    const description = op.description as string;
    // v1 documents neither views sections nor an exhaustive aggregation list: those come from v2,
    // which documents the same query language.
    const v2 = template === '/api/public/v2/metrics' ? undefined : this.metricsGrammar('/api/public/v2/metrics');
    const views = parseViews(description);
    const viewNames = views ? [...views.measures.keys()] : listedValues(block.comments.get('view')?.split('One of')[1]);
    if (!viewNames) throw new Error(`no views documented for GET ${template}`);
    const aggregations = parseAvailable(description, /^## Aggregations/) ?? listedValues(block.comments.get('metrics.[].aggregation')) ?? v2?.aggregations;
    const granularities = parseAvailable(description, /^## Time Granularities/) ?? listedValues(block.comments.get('timeDimension.granularity')?.split('One of')[1]);
    const directions = listedValues(block.comments.get('orderBy.[].direction'));
    if (!aggregations || !granularities || !directions) throw new Error(`aggregations, granularities or directions not documented for GET ${template}`);
    // Types the metrics table lacks (categoryOptions) take their operators from the observations
    // filter table, which documents the same filter language in full.
    const fallbackFilters = v2?.filterGrammar ?? parseFilterGrammar(parseJsonBlock(this.queryParam('/api/public/v2/observations', 'filter').description), '[].');
    const filters = parseFilterGrammar(block, 'filters.[].', fallbackFilters);

    applyRequired(block);
    const schema = block.schema;
    const n = (path: string): Schema => {
      const node = block.nodes.get(path);
      if (!node) throw new Error(`GET ${template} query documentation has no ${path}`);
      return node;
    };
    Object.assign(n('view'), { enum: viewNames, description: 'a documented view' });
    Object.assign(n('metrics.[].aggregation'), { enum: aggregations, description: 'a documented aggregation' });
    Object.assign(n('timeDimension.granularity'), { enum: granularities, description: 'a documented granularity' });
    Object.assign(n('orderBy.[].direction'), { enum: directions, description: 'a documented direction' });
    for (const key of ['fromTimestamp', 'toTimestamp']) Object.assign(n(key), { format: 'date-time' });
    for (const [path, node] of block.nodes) {
      const range = /\((\d+)\s*-\s*(\d+)\)/.exec(block.comments.get(path) ?? '');
      if (path.startsWith('config.') && range) Object.assign(node, { type: 'integer', minimum: Number(range[1]), maximum: Number(range[2]) });
    }
    applyFilterGrammar(n('filters.[]'), filters);

    const highCardinality = v2 ? new Map<string, string[]>() : parseHighCardinality(description);
    if (views) {
      schema.allOf = viewNames.map((view) => {
        const dims = unique([...(views.dimensions.get(view) ?? []), ...(highCardinality.get(view) ?? [])]);
        return {
          if: { properties: { view: { const: view } }, required: ['view'] },
          then: {
            properties: {
              dimensions: { items: { properties: { field: { enum: dims, description: `a dimension of view ${view}` } } } },
              metrics: { items: { properties: { measure: { enum: views.measures.get(view), description: `a measure of view ${view}` } } } },
              // "Column to filter on (any dimension field)" (high-cardinality ones included: "Use them
              // in filters instead"), plus metadata, the column of the key-value types.
              filters: { items: { properties: { column: { enum: [...dims, 'metadata'], description: `a filter column of view ${view}` } } } },
            },
          },
        };
      });
    }
    const grammar: MetricsGrammar = { highCardinality, aggregations, filterGrammar: filters, validate: this.ajv().compile(schema) };
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
    const highCard = typeof q.view === 'string' ? (grammar.highCardinality.get(q.view) ?? []) : [];
    dimensions.forEach((field, i) => {
      if (typeof field !== 'string' || !highCard.includes(field)) return;
      const label = `query.dimensions[${i}].field`;
      if (field !== 'userId') {
        problems.push(`${label}: ${field} is a high-cardinality dimension of view ${q.view}; grouping by it returns 400 (filter on it instead)`);
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
    return unique(problems);
  }

  // --- observations `filter` ------------------------------------------------------------------

  private observationsFilterGrammar(): ValidateFunction {
    if (this.observationsFilter) return this.observationsFilter;
    const description = this.queryParam('/api/public/v2/observations', 'filter').description as string;
    const block = parseJsonBlock(description);
    const grammar = parseFilterGrammar(block, '[].');
    applyRequired(block);
    const item = block.nodes.get('[]');
    if (!item) throw new Error('the observations filter documentation has no condition object');
    applyFilterGrammar(item, grammar);
    // "## Available Columns": `- \`name\` (type) - ... (alias: \`other\`)`
    const columns: string[] = [];
    for (const line of sectionLines(description, /^## Available Columns/)) {
      const name = bulletName(line);
      if (!name) continue;
      columns.push(name);
      for (const alias of line.matchAll(/\(alias: `([^`]+)`\)/g)) columns.push(alias[1]!);
    }
    if (columns.length === 0) throw new Error('no columns under ## Available Columns in the observations filter documentation');
    Object.assign(item.properties.column, { enum: unique(columns), description: 'a documented filter column' });
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
    if (!Array.isArray(filter)) return problems;
    // "The `matches` operator is only supported for `input`, `output`, and stringObject `metadata` filters."
    // "Any v2 `input` or `output` filter must be accompanied by at least one `=` or `matches` filter on `input` or `output`."
    const conditions = filter.filter(isObj);
    const io = conditions.filter((c) => c.column === 'input' || c.column === 'output');
    conditions.forEach((c, i) => {
      const ioColumn = c.column === 'input' || c.column === 'output';
      if (c.operator === 'matches' && !ioColumn && !(c.column === 'metadata' && c.type === 'stringObject')) {
        problems.push(`filter[${i}].operator: matches is only supported on input, output and stringObject metadata, not ${show(c.column)}`);
      }
    });
    if (io.length > 0 && !io.some((c) => c.operator === '=' || c.operator === 'matches')) {
      problems.push('filter: input/output filters must include at least one = or matches filter on input or output');
    }
    return unique(problems);
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
    const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateSchema: false });
    addFormats(ajv);
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

function toUrl(url: string | URL): URL | string {
  try {
    return url instanceof URL ? url : new URL(url, 'http://localhost');
  } catch {
    return `url: ${show(String(url))} is not a URL`;
  }
}

/** checkResponse also takes path templates: `{param}` arrives percent-encoded from the URL parser. */
function decodeTemplateBraces(pathname: string): string {
  return pathname.replace(/%7B([^/%]+)%7D/gi, '{$1}');
}
