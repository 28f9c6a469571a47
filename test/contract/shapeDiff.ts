/**
 * Compares a field description of langfuseFacts.ts with the schema the OpenAPI spec gives for it,
 * name by name, and words each disagreement (used by specAgreement.test.ts). Both sides are first
 * brought to one small form, so that, say, `'string?'` and `{ type: string, nullable: true }` meet.
 */
import type { Obj } from './checks.ts';
import type { FieldType, Shape } from './langfuseFacts.ts';

export type Node =
  | { kind: 'scalar'; type: string; nullable: boolean }
  | { kind: 'enum'; values: string[]; nullable: boolean }
  | { kind: 'list' | 'record'; of: Node; nullable: boolean }
  | ObjectNode
  | { kind: 'union'; by: string; cases: Record<string, ObjectNode>; nullable: boolean };
interface ObjectNode {
  kind: 'object';
  fields: Record<string, { required: boolean; type: Node }>;
  nullable: boolean;
}

const scalar = (type: string, nullable: boolean): Node => ({ kind: 'scalar', type, nullable: type === 'any' || nullable });

// ---------------------------------------------------------------------------------------------
// Our side

export function fromFacts(field: FieldType): Node {
  if (typeof field === 'string') {
    const nullable = field.endsWith('?');
    const name = nullable ? field.slice(0, -1) : field;
    if (name === 'string[]') return { kind: 'list', of: scalar('string', false), nullable };
    const record = /^record<(\w+)>$/.exec(name);
    if (record) return { kind: 'record', of: scalar(record[1]!, false), nullable };
    return scalar(name, nullable);
  }
  if ('oneOf' in field) return { kind: 'enum', values: [...field.oneOf].sort(), nullable: false };
  if ('listOf' in field) return { kind: 'list', of: fromFacts(field.listOf), nullable: false };
  if ('orNull' in field) return { ...fromFacts(field.orNull), nullable: true };
  if ('by' in field) {
    const cases = Object.fromEntries(Object.entries(field.cases).map(([value, own]) => [value, objectOf([field.common, own])]));
    return { kind: 'union', by: field.by, cases, nullable: false };
  }
  return objectOf([field]);
}

function objectOf(shapes: Shape[]): ObjectNode {
  const fields: ObjectNode['fields'] = {};
  for (const shape of shapes) {
    for (const [name, f] of Object.entries(shape.required ?? {})) fields[name] = { required: true, type: fromFacts(f) };
    for (const [name, f] of Object.entries(shape.optional ?? {})) fields[name] = { required: false, type: fromFacts(f) };
  }
  return { kind: 'object', fields, nullable: false };
}

// ---------------------------------------------------------------------------------------------
// The spec's side (OpenAPI 3.0 schemas, or the JSON Schema skeleton of a documented JSON block)

function deref(doc: Obj, schema: Obj): Obj {
  let cur = schema;
  for (let i = 0; i < 20 && typeof cur.$ref === 'string'; i++) {
    const { $ref, ...siblings } = cur;
    const target = doc.components.schemas[String($ref).split('/').pop()!] as Obj | undefined;
    if (!target) throw new Error(`unresolvable $ref ${$ref}`);
    cur = { ...target, ...siblings };
  }
  return cur;
}

/** Properties and requiredness of an object schema, its `allOf` parts merged in. */
function flatten(doc: Obj, schema: Obj): { properties: Record<string, Obj>; required: Set<string> } {
  const s = deref(doc, schema);
  const properties: Record<string, Obj> = {};
  const required = new Set<string>((s.required as string[] | undefined) ?? []);
  for (const part of (s.allOf as Obj[] | undefined) ?? []) {
    const inner = flatten(doc, part);
    Object.assign(properties, inner.properties);
    for (const r of inner.required) required.add(r);
  }
  Object.assign(properties, s.properties ?? {});
  return { properties, required };
}

function objectFrom(doc: Obj, schema: Obj, nullable: boolean, omit?: string): ObjectNode {
  const { properties, required } = flatten(doc, schema);
  const fields: ObjectNode['fields'] = {};
  for (const [name, p] of Object.entries(properties)) if (name !== omit) fields[name] = { required: required.has(name), type: fromSpec(doc, p) };
  return { kind: 'object', fields, nullable };
}

export function fromSpec(doc: Obj, schema: Obj): Node {
  const s = deref(doc, schema);
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type === undefined ? [] : [s.type as string];
  const nullable = s.nullable === true || types.includes('null');
  const type = types.find((t) => t !== 'null');
  if (Array.isArray(s.oneOf)) {
    // A discriminated union: each branch pins one required property to a single value.
    const branches = (s.oneOf as Obj[]).map((b) => flatten(doc, b));
    const by = Object.keys(branches[0]?.properties ?? {}).find((p) => branches.every((b) => b.required.has(p) && b.properties[p]?.enum?.length === 1));
    if (!by) throw new Error('a oneOf without a discriminating property');
    const cases = Object.fromEntries((s.oneOf as Obj[]).map((b, i) => [String(branches[i]!.properties[by]!.enum[0]), objectFrom(doc, b, false, by)]));
    return { kind: 'union', by, cases, nullable };
  }
  if (Array.isArray(s.enum)) return { kind: 'enum', values: [...(s.enum as string[])].sort(), nullable };
  if (type === 'array') return { kind: 'list', of: fromSpec(doc, s.items ?? {}), nullable };
  if (type === 'object' || (type === undefined && (s.properties || s.allOf))) {
    if (s.properties || s.allOf) return objectFrom(doc, s, nullable);
    const of = typeof s.additionalProperties === 'object' ? fromSpec(doc, s.additionalProperties as Obj) : scalar('any', true);
    return { kind: 'record', of, nullable };
  }
  if (type === undefined) return scalar('any', true);
  return scalar(type === 'string' && s.format === 'date-time' ? 'date-time' : type, nullable);
}

// ---------------------------------------------------------------------------------------------
// The comparison

function describe(node: Node): string {
  const base = node.kind === 'scalar' ? node.type : node.kind === 'enum' ? `one of ${node.values.join('|')}` : node.kind;
  return node.nullable && !(node.kind === 'scalar' && node.type === 'any') ? `${base} or null` : base;
}

/** `narrowing`: ours may be narrower than a documented placeholder (date-time for string, integer for number). */
function fits(ours: Node, theirs: Node, narrowing: boolean): boolean {
  if (ours.kind === 'scalar' && theirs.kind === 'scalar' && ours.type === theirs.type) return true;
  if (!narrowing || theirs.kind !== 'scalar') return false;
  return ours.kind === 'scalar' && ((theirs.type === 'string' && ours.type === 'date-time') || (theirs.type === 'number' && ours.type === 'integer'));
}

/** Every disagreement between our description and the spec's, by path; [] when they agree. */
export function diff(ours: Node, theirs: Node, path: string, narrowing = false): string[] {
  const differ = () => [`${path}: ours ${describe(ours)}, the spec's ${describe(theirs)}`];
  if (ours.kind === 'scalar' || theirs.kind === 'scalar') {
    if (narrowing && theirs.kind === 'scalar' && theirs.type === 'any') return [];
    return fits(ours, theirs, narrowing) && ours.nullable === theirs.nullable ? [] : differ();
  }
  if (ours.kind !== theirs.kind || ours.nullable !== theirs.nullable) return differ();
  switch (ours.kind) {
    case 'enum':
      return ours.values.join('|') === (theirs as typeof ours).values.join('|') ? [] : differ();
    case 'list':
    case 'record':
      return diff(ours.of, (theirs as typeof ours).of, `${path}[]`, narrowing);
    case 'object':
      return diffFields(ours, theirs as ObjectNode, path, narrowing);
    case 'union': {
      const other = theirs as typeof ours;
      if (ours.by !== other.by) return [`${path}: ours is told apart by ${ours.by}, the spec's by ${other.by}`];
      return unionCases(ours, other, path).concat(
        Object.keys(ours.cases)
          .filter((c) => c in other.cases)
          .flatMap((c) => diffFields(ours.cases[c]!, other.cases[c]!, `${path}(${ours.by}=${c})`, narrowing)),
      );
    }
  }
}

function unionCases(ours: { cases: object }, theirs: { cases: object }, path: string): string[] {
  const a = Object.keys(ours.cases).sort().join(', ');
  const b = Object.keys(theirs.cases).sort().join(', ');
  return a === b ? [] : [`${path}: cases ${a} here, ${b} in the spec`];
}

function diffFields(ours: ObjectNode, theirs: ObjectNode, path: string, narrowing: boolean): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(ours.fields), ...Object.keys(theirs.fields)])) {
    const a = ours.fields[name];
    const b = theirs.fields[name];
    const at = `${path}.${name}`;
    if (!b) out.push(`${at}: not in the spec`);
    else if (!a) out.push(`${at}: in the spec, missing here`);
    else {
      if (a.required !== b.required) out.push(`${at}: ${a.required ? 'required' : 'optional'} here, ${b.required ? 'required' : 'optional'} in the spec`);
      out.push(...diff(a.type, b.type, at, narrowing));
    }
  }
  return out;
}
