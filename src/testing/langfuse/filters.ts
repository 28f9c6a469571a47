import type { LangfuseFilter } from '../../client/langfuse/langfuseApi.js';
import { parseIsoDate } from '../../client/parseIsoDate.js';
import { badRequest } from '../../client/http/httpRefusal.js';

/**
 * Langfuse's structured filters (`{ type, column, operator, value, key? }`), compiled once per
 * request into a predicate over record indices. Columns are declared per endpoint or view with
 * the kind of value they hold; a filter whose type does not fit its column is a 400, as the real
 * API's validation answers.
 *
 * String semantics follow Langfuse's ClickHouse SQL: `=` is exact, and `contains`, `does not
 * contain`, `starts with` and `ends with` are `position`/`startsWith`/`endsWith`, i.e.
 * case-sensitive. A missing string
 * (null) compares as "" (ClickHouse string columns default to empty), so it never matches a
 * positive operator with a non-empty value and always matches `does not contain`.
 */

export type ColumnKind = 'string' | 'number' | 'boolean' | 'datetime' | 'array' | 'object';

export interface Column {
  kind: ColumnKind;
  /**
   * string → string | null; number → number | null; boolean → boolean | null;
   * datetime → epoch ms (NaN/±Infinity when missing); array → string[]; object → record | null.
   */
  get(i: number): unknown;
}

export type Columns = Readonly<Record<string, Column>>;
export type Predicate = (i: number) => boolean;

export type FilterCondition = LangfuseFilter;

const OPERATORS: Readonly<Record<string, readonly string[]>> = {
  datetime: ['>', '<', '>=', '<='],
  string: ['=', 'contains', 'does not contain', 'starts with', 'ends with'],
  stringOptions: ['any of', 'none of'],
  categoryOptions: ['any of', 'none of'],
  arrayOptions: ['any of', 'none of', 'all of'],
  number: ['=', '>', '<', '>=', '<='],
  stringObject: ['=', 'contains', 'does not contain', 'starts with', 'ends with'],
  numberObject: ['=', '>', '<', '>=', '<='],
  boolean: ['=', '<>'],
  null: ['is null', 'is not null'],
};

/** Filter types each column kind accepts. */
const TYPES_FOR_KIND: Readonly<Record<ColumnKind, readonly string[]>> = {
  string: ['string', 'stringOptions', 'categoryOptions', 'null'],
  number: ['number', 'null'],
  boolean: ['boolean', 'null'],
  datetime: ['datetime', 'null'],
  array: ['arrayOptions', 'null'],
  object: ['stringObject', 'numberObject'],
};

/** Parses `filter` JSON (a string) or an already-parsed array; 400 on anything malformed. */
export function parseFilterList(input: unknown, where: string): FilterCondition[] {
  let list = input;
  if (typeof input === 'string') {
    try {
      list = JSON.parse(input);
    } catch {
      throw badRequest(`Invalid ${where}: not valid JSON.`);
    }
  }
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw badRequest(`Invalid ${where}: expected an array of { type, column, operator, value }.`);
  return list.map((item: unknown, n) => {
    if (!item || typeof item !== 'object') throw badRequest(`Invalid ${where}[${n}]: expected an object { type, column, operator, value }.`);
    const { type, column, operator, value, key } = item as Record<string, unknown>;
    for (const [name, field] of [['type', type], ['column', column], ['operator', operator]] as const) {
      if (typeof field !== 'string' || field === '') throw badRequest(`Invalid ${where}[${n}].${name}: expected a non-empty string.`);
    }
    if (key !== undefined && key !== null && typeof key !== 'string') throw badRequest(`Invalid ${where}[${n}].key: expected a string.`);
    return { type: type as string, column: column as string, operator: operator as string, value, ...(typeof key === 'string' ? { key } : {}) };
  });
}

/** One predicate for all conditions (AND); `null` when there are none. */
export function compileFilters(conditions: readonly FilterCondition[], columns: Columns, where: string): Predicate | null {
  if (conditions.length === 0) return null;
  const predicates = conditions.map((condition, n) => compileCondition(condition, columns, `${where}[${n}]`));
  if (predicates.length === 1) return predicates[0]!;
  return (i) => {
    for (const predicate of predicates) if (!predicate(i)) return false;
    return true;
  };
}

export function compileCondition(condition: FilterCondition, columns: Columns, where: string): Predicate {
  const { type, column: name, operator, value } = condition;
  const column = Object.prototype.hasOwnProperty.call(columns, name) ? columns[name] : undefined;
  if (!column) throw badRequest(`Invalid ${where}: unknown column "${name}". Filterable columns: ${Object.keys(columns).join(', ')}.`);
  const operators = OPERATORS[type];
  if (!operators) throw badRequest(`Invalid ${where}: unknown filter type "${type}". Types: ${Object.keys(OPERATORS).join(', ')}.`);
  if (!TYPES_FOR_KIND[column.kind].includes(type)) {
    throw badRequest(`Invalid ${where}: column "${name}" cannot take a filter of type "${type}"; use ${TYPES_FOR_KIND[column.kind].join(' or ')}.`);
  }
  if (!operators.includes(operator)) throw badRequest(`Invalid ${where}: operator "${operator}" does not apply to type "${type}"; use one of ${operators.join(', ')}.`);
  const get = column.get;

  switch (type) {
    case 'null':
      return operator === 'is null' ? (i) => isMissing(get(i)) : (i) => !isMissing(get(i));
    case 'string':
      return stringPredicate((i) => get(i) as string | null, operator, expectString(value, where));
    case 'stringOptions':
    case 'categoryOptions': {
      const options = new Set(expectStrings(value, where));
      return operator === 'any of'
        ? (i) => options.has((get(i) as string | null) ?? '')
        : (i) => !options.has((get(i) as string | null) ?? '');
    }
    case 'arrayOptions': {
      const options = expectStrings(value, where);
      const wanted = new Set(options);
      if (operator === 'all of') return (i) => options.every((option) => (get(i) as readonly string[]).includes(option));
      const anyOf = (i: number) => (get(i) as readonly string[]).some((item) => wanted.has(item));
      return operator === 'any of' ? anyOf : (i) => !anyOf(i);
    }
    case 'number':
      return numberPredicate((i) => get(i) as number | null, operator, expectNumber(value, where));
    case 'boolean': {
      if (typeof value !== 'boolean') throw badRequest(`Invalid ${where}.value: expected true or false.`);
      return operator === '=' ? (i) => get(i) === value : (i) => get(i) !== value;
    }
    case 'datetime': {
      const ms = typeof value === 'string' ? parseIsoDate(value) : NaN;
      if (Number.isNaN(ms)) throw badRequest(`Invalid ${where}.value: expected an ISO-8601 date-time.`);
      return numberPredicate((i) => get(i) as number, operator, ms);
    }
    case 'stringObject':
    case 'numberObject': {
      const key = condition.key;
      if (!key) throw badRequest(`Invalid ${where}: filter type "${type}" needs a "key".`);
      const field = (i: number): unknown => {
        const object = get(i);
        return object && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined;
      };
      if (type === 'numberObject') {
        return numberPredicate((i) => toNumber(field(i)), operator, expectNumber(value, where));
      }
      return stringPredicate((i) => {
        const v = field(i);
        return v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
      }, operator, expectString(value, where));
    }
    default:
      throw badRequest(`Invalid ${where}: unknown filter type "${type}".`);
  }
}

function stringPredicate(get: (i: number) => string | null, operator: string, value: string): Predicate {
  switch (operator) {
    case '=':
      return (i) => (get(i) ?? '') === value;
    case 'contains':
      return (i) => (get(i) ?? '').includes(value);
    case 'does not contain':
      return (i) => !(get(i) ?? '').includes(value);
    case 'starts with':
      return (i) => (get(i) ?? '').startsWith(value);
    default:
      return (i) => (get(i) ?? '').endsWith(value);
  }
}

/** Comparisons with a missing (null / NaN) value are false, as in SQL. */
function numberPredicate(get: (i: number) => number | null, operator: string, value: number): Predicate {
  const present = (v: number | null): v is number => v !== null && !Number.isNaN(v);
  switch (operator) {
    case '=':
      return (i) => get(i) === value;
    case '>':
      return (i) => {
        const v = get(i);
        return present(v) && v > value;
      };
    case '<':
      return (i) => {
        const v = get(i);
        return present(v) && v < value;
      };
    case '>=':
      return (i) => {
        const v = get(i);
        return present(v) && v >= value;
      };
    default:
      return (i) => {
        const v = get(i);
        return present(v) && v <= value;
      };
  }
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function expectString(value: unknown, where: string): string {
  if (typeof value !== 'string') throw badRequest(`Invalid ${where}.value: expected a string.`);
  return value;
}

function expectStrings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw badRequest(`Invalid ${where}.value: expected an array of strings.`);
  }
  return value as string[];
}

function expectNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`Invalid ${where}.value: expected a finite number.`);
  return value;
}
