import type { DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { parseIsoDate } from '../parseIsoDate.js';

/**
 * Readers of one exported row into the records the memory client takes. One reader per table
 * reads every shape Langfuse writes it in: the public API's and the UI export's camelCase keys,
 * and the blob-storage export's snake_case ones, with their value forms (CSV texts, JSON text in
 * a cell, `usage_details` counts as strings, `YYYY-MM-DD HH:MM:SS.ffffff` times in UTC).
 * Columns they do not read are ignored.
 */

/** A row's field that cannot be read: which field, what it should hold, what it held. */
export class RowProblem extends Error {
  constructor(
    readonly field: string,
    readonly expectation: string,
    readonly value: unknown,
  ) {
    super(`field "${field}" must be ${expectation}`);
  }
}

type Row = Record<string, unknown>;

/** The first of `keys` the row has a value for (null, undefined and '' count as none). */
function pick(row: Row, ...keys: string[]): { key: string; value: unknown } {
  for (const key of keys) {
    const value = row[key];
    if (value !== undefined && value !== null && value !== '') return { key, value };
  }
  return { key: keys[0]!, value: null };
}

function text(row: Row, ...keys: string[]): string | null {
  const { key, value } = pick(row, ...keys);
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new RowProblem(key, 'a string', value);
}

function required(row: Row, ...keys: string[]): string {
  const value = text(row, ...keys);
  if (value === null) throw new RowProblem(keys[0]!, 'a non-empty string', row[keys[0]!]);
  return value;
}

/** An instant as ISO-8601 text: the API's form as it is, the blob export's space-separated UTC form with a `T` and `Z`. */
function time(row: Row, ...keys: string[]): string | null {
  const { key, value } = pick(row, ...keys);
  if (value === null) return null;
  if (typeof value !== 'string') throw new RowProblem(key, 'a date-time', value);
  // A UI CSV export writes a date as JSON text, quotes included.
  const unquoted = value.length > 1 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  // The blob form by its space at 10 (parseIsoDate then checks every field of the result).
  const iso = unquoted.length >= 19 && unquoted.charCodeAt(10) === 32 ? `${unquoted.slice(0, 10)}T${unquoted.slice(11)}Z` : unquoted;
  if (Number.isNaN(parseIsoDate(iso))) throw new RowProblem(key, 'an ISO-8601 date-time or YYYY-MM-DD HH:MM:SS.ffffff (UTC)', value);
  return iso;
}

function requiredTime(row: Row, ...keys: string[]): string {
  const value = time(row, ...keys);
  if (value === null) throw new RowProblem(keys[0]!, 'a date-time', row[keys[0]!]);
  return value;
}

/** JSON written into a CSV cell (an object, an array) read back; other values as they are. */
function structured(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const start = value.trimStart()[0];
  if (start !== '{' && start !== '[') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function number(row: Row, ...keys: string[]): number | null {
  const { key, value } = pick(row, ...keys);
  if (value === null) return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new RowProblem(key, 'a number', value);
  return n;
}

/** A `{ key: amount }` map: an object or its JSON text, amounts as numbers or as numeric strings. */
function amounts(row: Row, ...keys: string[]): Record<string, number> | null {
  const { key, value } = pick(row, ...keys);
  if (value === null) return null;
  const map = structured(value);
  if (map === null || typeof map !== 'object' || Array.isArray(map)) throw new RowProblem(key, 'an object of amounts', value);
  const out: Record<string, number> = {};
  for (const [name, amount] of Object.entries(map as Row)) {
    if (amount === null || amount === undefined) continue;
    const n = typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : NaN;
    if (!Number.isFinite(n)) throw new RowProblem(`${key}.${name}`, 'a number', amount);
    out[name] = n;
  }
  return out;
}

function strings(row: Row, ...keys: string[]): string[] | null {
  const { key, value } = pick(row, ...keys);
  if (value === null) return null;
  const list = structured(value);
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new RowProblem(key, 'an array of strings', value);
  return list as string[];
}

function flag(row: Row, ...keys: string[]): boolean | null {
  const { key, value } = pick(row, ...keys);
  if (value === null || typeof value === 'boolean') return value;
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  throw new RowProblem(key, 'true or false', value);
}

function json(row: Row, ...keys: string[]): unknown {
  return structured(pick(row, ...keys).value);
}

/** A trace (API, UI export or blob `traces/`). */
export function readTrace(row: Row): DatasetTrace {
  return {
    id: required(row, 'id'),
    timestamp: requiredTime(row, 'timestamp'),
    name: text(row, 'name'),
    userId: text(row, 'userId', 'user_id'),
    sessionId: text(row, 'sessionId', 'session_id'),
    tags: strings(row, 'tags') ?? [],
    environment: text(row, 'environment'),
    release: text(row, 'release'),
    version: text(row, 'version'),
    public: flag(row, 'public'),
    metadata: json(row, 'metadata'),
    input: json(row, 'input'),
    output: json(row, 'output'),
  };
}

/** What an observation row says of its trace, where the export carries it on every row (enriched observations, UI observation exports). */
export interface TraceContext {
  traceId: string;
  userId: string | null;
  sessionId: string | null;
  name: string | null;
  tags: string[] | null;
  environment: string | null;
  release: string | null;
  /** The trace's own time, where the row has it (UI exports); else the trace is dated by its root observation. */
  timestamp: string | null;
  /** Whether this observation is the trace's root (no parent). */
  root: boolean;
}

const LEVELS = new Set(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']);

/** An observation (API v1/v2, UI export, blob `observations/` or `observations_v2/`), with its trace's context when the row carries one. */
export function readObservation(row: Row): { observation: DatasetObservation; context: TraceContext | null } {
  const traceId = text(row, 'traceId', 'trace_id');
  const level = text(row, 'level');
  if (level !== null && !LEVELS.has(level)) throw new RowProblem('level', 'one of DEBUG, DEFAULT, WARNING, ERROR', level);
  const parent = text(row, 'parentObservationId', 'parent_observation_id');
  const observation: DatasetObservation = {
    id: required(row, 'id'),
    traceId,
    type: text(row, 'type') ?? undefined,
    name: text(row, 'name'),
    parentObservationId: parent,
    startTime: requiredTime(row, 'startTime', 'start_time'),
    endTime: time(row, 'endTime', 'end_time'),
    completionStartTime: time(row, 'completionStartTime', 'completion_start_time'),
    level: (level as DatasetObservation['level']) ?? 'DEFAULT',
    statusMessage: text(row, 'statusMessage', 'status_message'),
    environment: text(row, 'environment'),
    model: text(row, 'model', 'providedModelName', 'provided_model_name'),
    usageDetails: amounts(row, 'usageDetails', 'usage_details') ?? {},
    costDetails: amounts(row, 'costDetails', 'cost_details') ?? {},
    totalCost: number(row, 'totalCost', 'total_cost', 'calculatedTotalCost'),
    metadata: json(row, 'metadata'),
    input: json(row, 'input'),
    output: json(row, 'output'),
  };
  const userId = text(row, 'userId', 'user_id');
  const traceName = text(row, 'traceName', 'trace_name');
  const sessionId = text(row, 'sessionId', 'session_id');
  const carries = traceId !== null && (userId !== null || traceName !== null || sessionId !== null || 'user_id' in row || 'userId' in row);
  const context: TraceContext | null = carries
    ? {
        traceId: traceId!,
        userId,
        sessionId,
        name: traceName,
        tags: strings(row, 'tags', 'traceTags'),
        environment: observation.environment as string | null,
        release: text(row, 'release'),
        timestamp: time(row, 'traceTimestamp'),
        root: parent === null,
      }
    : null;
  return { observation, context };
}

const SCORE_TYPES = new Set(['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'CORRECTION', 'TEXT']);
const SCORE_SOURCES = new Set(['API', 'ANNOTATION', 'EVAL']);

/** A score (API v2/v3, UI export, blob `scores/`); a v3 categorical score's label in `value` becomes its `stringValue`. */
export function readScore(row: Row): DatasetScore {
  const dataType = required(row, 'dataType', 'data_type');
  if (!SCORE_TYPES.has(dataType)) throw new RowProblem('dataType', 'one of NUMERIC, BOOLEAN, CATEGORICAL, CORRECTION, TEXT', dataType);
  const source = required(row, 'source');
  if (!SCORE_SOURCES.has(source)) throw new RowProblem('source', 'one of API, ANNOTATION, EVAL', source);
  const given = pick(row, 'value').value;
  const label = typeof given === 'string' && (dataType === 'CATEGORICAL' || dataType === 'TEXT') && Number.isNaN(Number(given));
  return {
    id: required(row, 'id'),
    timestamp: requiredTime(row, 'timestamp'),
    traceId: text(row, 'traceId', 'trace_id'),
    observationId: text(row, 'observationId', 'observation_id'),
    sessionId: text(row, 'sessionId', 'session_id'),
    name: required(row, 'name'),
    dataType: dataType as DatasetScore['dataType'],
    source: source as DatasetScore['source'],
    // A text score has no value (Langfuse exports 0 for it); a label is a string value.
    value: label || dataType === 'TEXT' ? null : number(row, 'value'),
    stringValue: label ? (given as string) : text(row, 'stringValue', 'string_value'),
    comment: text(row, 'comment'),
    environment: text(row, 'environment'),
  };
}
