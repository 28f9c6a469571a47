/**
 * What userlens relies on in Langfuse's public API, as test fixtures: the read endpoints its
 * client and proxy use, their query parameters, the JSON-in-a-string `query` (metrics) and
 * `filter` (observations) languages, and the fields of the answers.
 *
 * The contract checks (langfuseContract.ts) read only this file, so they run in any clone.
 * specAgreement.test.ts holds it against Langfuse's OpenAPI spec wherever a copy is at hand:
 * change a fact only together with the spec it comes from.
 */

// ---------------------------------------------------------------------------------------------
// Notation

/** A query parameter: its type, `string[]` when it may repeat, `json` for JSON in a string (grammars below), or its allowed values. */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'string[]' | 'json' | readonly string[];

/** A scalar field; a trailing `?` means it may also be null. `any` is any JSON value, null included. */
export type Scalar = 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'any' | 'string[]' | 'record<integer>' | 'record<number>' | 'record<any>';
export type FieldType = Scalar | `${Scalar}?` | Enum | Shape | Union | List | OrNull;
export interface Enum {
  oneOf: readonly string[];
}
export interface List {
  listOf: FieldType;
}
export interface OrNull {
  orNull: FieldType;
}
/** An object: fields always present, and fields that may be absent. Other keys may appear. */
export interface Shape {
  required?: Readonly<Record<string, FieldType>>;
  optional?: Readonly<Record<string, FieldType>>;
}
/** An object whose `by` field picks the case: `common` fields plus the case's own. */
export interface Union {
  by: string;
  common: Shape;
  cases: Readonly<Record<string, Shape>>;
}

export interface EndpointFacts {
  params: Readonly<Record<string, ParamType>>;
  required?: readonly string[];
  /** The largest `limit` the spec states. */
  maxLimit?: number;
  /** The groups `fields` accepts. */
  fieldGroups?: readonly string[];
  /** The body of a 200. */
  response: Shape;
}

// ---------------------------------------------------------------------------------------------
// Response building blocks

const LEVEL: Enum = { oneOf: ['DEBUG', 'DEFAULT', 'WARNING', 'ERROR'] };
const SCORE_SOURCE: Enum = { oneOf: ['ANNOTATION', 'API', 'EVAL'] };

/** Legacy lists (Langfuse v3) number their pages and say when they are going away. */
const DEPRECATION: Shape = { required: { message: 'string' }, optional: { replacement: 'string?', docsUrl: 'string?', sunsetAt: 'string?' } };
const PAGE_META: Shape = { required: { page: 'integer', limit: 'integer', totalItems: 'integer', totalPages: 'integer' } };
const legacyPage = (item: FieldType): Shape => ({
  required: { data: { listOf: item }, meta: PAGE_META },
  optional: { _deprecation: { orNull: DEPRECATION } },
});

/** Metrics rows: dimensions under their field name, values under `${aggregation}_${measure}`. */
const METRICS_ROWS: Shape = { required: { data: { listOf: 'record<any>' } } };

/** One observation of GET /v2/observations; which optional fields come depends on `fields`. */
const OBSERVATION_V2: Shape = {
  required: {
    // the core group
    id: 'string', traceId: 'string?', startTime: 'date-time', endTime: 'date-time?', projectId: 'string', parentObservationId: 'string?', type: 'string',
    // Always present, null unless the model group is asked for; prices are decimal strings here.
    modelId: 'string?', inputPrice: 'string?', outputPrice: 'string?', totalPrice: 'string?',
  },
  optional: {
    // basic
    name: 'string?', level: { orNull: LEVEL }, statusMessage: 'string?', version: 'string?', environment: 'string?',
    bookmarked: 'boolean?', public: 'boolean?', userId: 'string?', sessionId: 'string?', isRootObservation: 'boolean?',
    // time, io, metadata
    completionStartTime: 'date-time?', createdAt: 'date-time?', updatedAt: 'date-time?', input: 'any', output: 'any', metadata: 'any',
    // model
    providedModelName: 'string?', internalModelId: 'string?', modelParameters: 'any',
    // usage: token counts are integers, costs USD
    usageDetails: 'record<integer>?', costDetails: 'record<number>?', totalCost: 'number?', usagePricingTierName: 'string?',
    // prompt, metrics (seconds), trace_context
    promptId: 'string?', promptName: 'string?', promptVersion: 'integer?', latency: 'number?', timeToFirstToken: 'number?',
    tags: 'string[]?', release: 'string?', traceName: 'string?',
  },
};

/** What a v3 score is attached to. */
const SCORE_SUBJECT: Union = {
  by: 'kind',
  common: { required: { id: 'string' } },
  cases: { trace: {}, observation: { optional: { traceId: 'string?' } }, session: {}, experiment: {} },
};

/** One score of GET /v3/scores: `value` takes the type its `dataType` says. */
const SCORE_V3: Union = {
  by: 'dataType',
  common: {
    required: {
      id: 'string', projectId: 'string', name: 'string', source: SCORE_SOURCE, timestamp: 'date-time', environment: 'string',
      createdAt: 'date-time', updatedAt: 'date-time',
    },
    // the details, annotation and subject groups
    optional: { comment: 'string?', configId: 'string?', metadata: 'record<any>?', authorUserId: 'string?', queueId: 'string?', subject: { orNull: SCORE_SUBJECT } },
  },
  cases: {
    NUMERIC: { required: { value: 'number' } },
    BOOLEAN: { required: { value: 'boolean' } },
    CATEGORICAL: { required: { value: 'string' } },
    TEXT: { required: { value: 'string' } },
    CORRECTION: { required: { value: 'string' } },
  },
};

/** One trace of the legacy GET /traces; excluded `metrics` read -1, excluded lists []. */
const LEGACY_TRACE: Shape = {
  required: {
    id: 'string', timestamp: 'date-time', name: 'string?', sessionId: 'string?', release: 'string?', version: 'string?', userId: 'string?',
    tags: 'string[]', public: 'boolean', environment: 'string', htmlPath: 'string',
  },
  optional: { input: 'any', output: 'any', metadata: 'any', latency: 'number?', totalCost: 'number?', observations: 'string[]?', scores: 'string[]?' },
};

/** One observation of the legacy GET /observations: every field always present; prices are numbers here. */
const LEGACY_OBSERVATION: Shape = {
  required: {
    id: 'string', traceId: 'string?', type: 'string', name: 'string?', startTime: 'date-time', endTime: 'date-time?', completionStartTime: 'date-time?',
    model: 'string?', modelParameters: 'any', input: 'any', output: 'any', metadata: 'any', version: 'string?', level: LEVEL,
    statusMessage: 'string?', parentObservationId: 'string?', environment: 'string',
    usage: {
      required: { input: 'integer', output: 'integer', total: 'integer', unit: 'string?' },
      optional: { inputCost: 'number?', outputCost: 'number?', totalCost: 'number?' },
    },
    usageDetails: 'record<integer>', costDetails: 'record<number>',
    promptId: 'string?', promptName: 'string?', promptVersion: 'integer?',
    modelId: 'string?', inputPrice: 'number?', outputPrice: 'number?', totalPrice: 'number?',
    calculatedInputCost: 'number?', calculatedOutputCost: 'number?', calculatedTotalCost: 'number?', latency: 'number?', timeToFirstToken: 'number?',
  },
};

/** One score of the legacy GET /v2/scores: numeric `value`, `stringValue` for the label, trace context on request. */
const LEGACY_SCORE: Union = {
  by: 'dataType',
  common: {
    required: {
      id: 'string', name: 'string', source: SCORE_SOURCE, timestamp: 'date-time', createdAt: 'date-time', updatedAt: 'date-time',
      authorUserId: 'string?', comment: 'string?', metadata: 'any', configId: 'string?', queueId: 'string?', environment: 'string',
    },
    optional: {
      traceId: 'string?', sessionId: 'string?', observationId: 'string?', datasetRunId: 'string?',
      trace: { orNull: { optional: { userId: 'string?', tags: 'string[]?', environment: 'string?', sessionId: 'string?' } } },
    },
  },
  cases: {
    NUMERIC: { required: { value: 'number' } },
    CATEGORICAL: { required: { value: 'number', stringValue: 'string' } },
    BOOLEAN: { required: { value: 'number', stringValue: 'string' } },
    CORRECTION: { required: { value: 'number', stringValue: 'string' } },
    TEXT: { required: { stringValue: 'string' } },
  },
};

// ---------------------------------------------------------------------------------------------
// The endpoints (GET only): the v4 ones first, then the legacy fallbacks for v3 deployments

export const ENDPOINT_FACTS = {
  '/api/public/v2/metrics': { params: { query: 'json' }, required: ['query'], response: METRICS_ROWS },
  '/api/public/v2/observations': {
    params: {
      fields: 'string', expandMetadata: 'string', limit: 'integer', cursor: 'string', parseIoAsJson: 'boolean',
      name: 'string', userId: 'string', sessionId: 'string', type: 'string', traceId: 'string', level: LEVEL.oneOf,
      parentObservationId: 'string', isRootObservation: 'boolean', environment: 'string[]',
      fromStartTime: 'date-time', toStartTime: 'date-time', version: 'string', filter: 'json',
    },
    maxLimit: 1000,
    fieldGroups: ['core', 'basic', 'time', 'io', 'metadata', 'model', 'usage', 'prompt', 'metrics', 'trace_context'],
    response: { required: { data: { listOf: OBSERVATION_V2 }, meta: { optional: { cursor: 'string?' } } } },
  },
  '/api/public/v3/scores': {
    // Lists are comma-separated in one string here, not repeated parameters.
    params: {
      limit: 'integer', cursor: 'string', fields: 'string',
      id: 'string', name: 'string', source: 'string', dataType: 'string', environment: 'string', configId: 'string', queueId: 'string', authorUserId: 'string',
      value: 'string', valueMin: 'number', valueMax: 'number',
      traceId: 'string', sessionId: 'string', observationId: 'string', experimentId: 'string', fromTimestamp: 'date-time', toTimestamp: 'date-time',
    },
    maxLimit: 100,
    fieldGroups: ['details', 'subject', 'annotation'],
    response: { required: { data: { listOf: SCORE_V3 }, meta: { required: { limit: 'integer' }, optional: { cursor: 'string?' } } } },
  },
  '/api/public/traces': {
    params: {
      page: 'integer', limit: 'integer', userId: 'string', name: 'string', sessionId: 'string', fromTimestamp: 'date-time', toTimestamp: 'date-time',
      orderBy: 'string', tags: 'string[]', version: 'string', release: 'string', environment: 'string[]', fields: 'string', filter: 'string',
    },
    fieldGroups: ['core', 'io', 'scores', 'observations', 'metrics'],
    response: legacyPage(LEGACY_TRACE),
  },
  '/api/public/metrics': {
    params: { query: 'json' },
    required: ['query'],
    response: { ...METRICS_ROWS, optional: { _deprecation: { orNull: DEPRECATION } } },
  },
  '/api/public/v2/scores': {
    params: {
      page: 'integer', limit: 'integer', userId: 'string', name: 'string', fromTimestamp: 'date-time', toTimestamp: 'date-time',
      environment: 'string[]', source: SCORE_SOURCE.oneOf, operator: 'string', value: 'number', scoreIds: 'string', configId: 'string',
      sessionId: 'string', datasetRunId: 'string', traceId: 'string', observationId: 'string', queueId: 'string',
      dataType: ['NUMERIC', 'BOOLEAN', 'CATEGORICAL', 'CORRECTION', 'TEXT'], traceTags: 'string[]', fields: 'string', filter: 'string',
    },
    maxLimit: 100,
    fieldGroups: ['score', 'trace'],
    response: legacyPage(LEGACY_SCORE),
  },
  '/api/public/observations': {
    params: {
      page: 'integer', limit: 'integer', name: 'string', userId: 'string', type: 'string', traceId: 'string', level: LEVEL.oneOf,
      parentObservationId: 'string', environment: 'string[]', fromStartTime: 'date-time', toStartTime: 'date-time', version: 'string', filter: 'string',
    },
    response: legacyPage(LEGACY_OBSERVATION),
  },
} as const satisfies Record<string, EndpointFacts>;

export type FactsEndpoint = keyof typeof ENDPOINT_FACTS;

/** Error statuses every endpoint documents, without a body schema. */
export const ERROR_STATUSES: readonly number[] = [400, 401, 403, 404, 405];

// ---------------------------------------------------------------------------------------------
// The filter language, shared by the metrics `filters` and the observations `filter`

export const FILTER_TYPES = ['datetime', 'string', 'number', 'stringOptions', 'categoryOptions', 'arrayOptions', 'stringObject', 'numberObject', 'boolean', 'null'] as const;

const STRING_OPS = ['=', 'contains', 'does not contain', 'starts with', 'ends with'];
const NUMBER_OPS = ['=', '>', '<', '>=', '<='];
const OPTIONS_OPS = ['any of', 'none of'];

/** Operators per filter type in the metrics `filters` (categoryOptions as in the observations table, which lists it). */
export const METRICS_FILTER_OPERATORS: Readonly<Record<(typeof FILTER_TYPES)[number], readonly string[]>> = {
  datetime: ['>', '<', '>=', '<='],
  string: STRING_OPS,
  number: NUMBER_OPS,
  stringOptions: OPTIONS_OPS,
  categoryOptions: OPTIONS_OPS,
  arrayOptions: [...OPTIONS_OPS, 'all of'],
  stringObject: STRING_OPS,
  numberObject: NUMBER_OPS,
  boolean: ['=', '<>'],
  null: ['is null', 'is not null'],
};

/** The observations `filter` adds indexed text search (`matches`) to the string types. */
export const OBSERVATIONS_FILTER_OPERATORS: typeof METRICS_FILTER_OPERATORS = {
  ...METRICS_FILTER_OPERATORS,
  string: [...STRING_OPS, 'matches'],
  stringObject: [...STRING_OPS, 'matches'],
};

/** Filter types that need a `key` (the metadata key). */
export const METRICS_KEY_TYPES = ['stringObject', 'numberObject'] as const;
export const OBSERVATIONS_KEY_TYPES = ['stringObject', 'numberObject', 'categoryOptions'] as const;

/** A condition of either language; `value` (not for `null`) and `key` are required per type. */
export const FILTER_CONDITION: Shape = { required: { type: 'string', column: 'string', operator: 'string' }, optional: { value: 'any', key: 'string' } };

/** Columns of the observations `filter`, then their aliases. */
export const OBSERVATIONS_FILTER_COLUMNS = [
  'id', 'type', 'name', 'traceId', 'startTime', 'endTime', 'environment', 'level', 'statusMessage', 'version', 'userId', 'sessionId', 'isRootObservation',
  'traceName', 'traceTags', 'tags',
  'latency', 'timeToFirstToken', 'tokensPerSecond',
  'inputTokens', 'outputTokens', 'totalTokens', 'tokens',
  'inputCost', 'outputCost', 'totalCost',
  'model', 'providedModelName', 'promptName', 'promptVersion',
  'input', 'output', 'metadata',
] as const;

/** Rules the `/v2/observations` documentation states in prose. */
export const OBSERVATIONS_V2_RULES = {
  /** Parameters that are not filters: `filter`, when given, overrides every other one. */
  notFilters: ['filter', 'fields', 'expandMetadata', 'limit', 'cursor', 'parseIoAsJson'],
  /** Values answered with 400. */
  refused: { parseIoAsJson: 'true' },
  /** Text-indexed columns: `matches` works on them (and on stringObject metadata), and filtering them needs one `=` or `matches`. */
  textColumns: ['input', 'output'],
} as const;

// ---------------------------------------------------------------------------------------------
// The metrics `query` (v2, and the legacy v1 that shares its form)

/** Objects are closed: Langfuse refuses unknown keys. `filters` items follow FILTER_CONDITION. */
export const METRICS_QUERY: Shape = {
  required: {
    view: 'string',
    metrics: { listOf: { required: { measure: 'string', aggregation: 'string' } } },
    fromTimestamp: 'date-time',
    toTimestamp: 'date-time',
  },
  optional: {
    dimensions: { listOf: { required: { field: 'string' } } },
    filters: { listOf: FILTER_CONDITION },
    timeDimension: { orNull: { required: { granularity: 'string' } } },
    orderBy: { orNull: { listOf: { required: { field: 'string', direction: 'string' } } } },
    config: { optional: { bins: 'integer', row_limit: 'integer' } },
  },
};

export const METRICS_AGGREGATIONS = ['sum', 'avg', 'count', 'max', 'min', 'p50', 'p75', 'p90', 'p95', 'p99', 'histogram'] as const;
export const METRICS_GRANULARITIES = ['auto', 'minute', 'hour', 'day', 'week', 'month'] as const;
export const METRICS_DIRECTIONS = ['asc', 'desc'] as const;
/** Inclusive ranges of `config`. */
export const METRICS_CONFIG_RANGES = { bins: [1, 100], row_limit: [1, 1000] } as const;

export interface MetricsView {
  dimensions: readonly string[];
  measures: readonly string[];
  /** Usable as filter columns, not as grouping dimensions (400) — `userId` only as a top-N query. */
  highCardinality: readonly string[];
}

const SCORE_DIMENSIONS = [
  'environment', 'name', 'source', 'dataType', 'configId', 'timestampMonth', 'timestampDay', 'value',
  'traceName', 'tags', 'traceRelease', 'traceVersion',
  'observationName', 'observationModelName', 'observationPromptName', 'observationPromptVersion',
];
const SCORE_HIGH_CARDINALITY = ['id', 'traceId', 'userId', 'sessionId', 'observationId'];

export const METRICS_V2_VIEWS: Readonly<Record<string, MetricsView>> = {
  observations: {
    dimensions: [
      'environment', 'type', 'name', 'level', 'version', 'tags', 'release', 'traceName', 'traceRelease', 'traceVersion',
      'providedModelName', 'promptName', 'promptVersion', 'isRootObservation', 'startTimeMonth',
    ],
    measures: [
      'count', 'latency', 'streamingLatency', 'inputTokens', 'outputTokens', 'totalTokens', 'outputTokensPerSecond', 'tokensPerSecond',
      'inputCost', 'outputCost', 'totalCost', 'timeToFirstToken', 'countScores',
    ],
    highCardinality: ['id', 'traceId', 'userId', 'sessionId', 'parentObservationId'],
  },
  'scores-numeric': { dimensions: SCORE_DIMENSIONS, measures: ['count', 'value'], highCardinality: SCORE_HIGH_CARDINALITY },
  'scores-boolean': { dimensions: [...SCORE_DIMENSIONS, 'booleanValue'], measures: ['count', 'value'], highCardinality: SCORE_HIGH_CARDINALITY },
  'scores-categorical': {
    dimensions: SCORE_DIMENSIONS.map((d) => (d === 'value' ? 'stringValue' : d)),
    measures: ['count'],
    highCardinality: SCORE_HIGH_CARDINALITY,
  },
};

/** v1 adds the traces view and documents no per-view dimensions or measures: any name passes. */
export const METRICS_V1_VIEWS = ['traces', 'observations', 'scores-numeric', 'scores-boolean', 'scores-categorical'] as const;
