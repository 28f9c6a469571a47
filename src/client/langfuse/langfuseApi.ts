import type { Check, Infer } from '../shape.js';
import { requestJson, type RequestHeaders, type RetryOptions } from '../http/requestJson.js';
import {
  legacyObservationsResponse,
  legacyScoresResponse,
  legacyTracesResponse,
  metricsResponse,
  observationsV2Response,
  scoresV3Response,
} from './schemas.js';

/**
 * The Langfuse read endpoints the client uses, as typed calls: v4's metrics v2, observations v2
 * and scores v3, and the legacy endpoints of v3 deployments. No credentials here.
 */

export interface LangfuseApiOptions {
  baseUrl: string;
  fetch?: typeof fetch | undefined;
  headers?: RequestHeaders | undefined;
  timeoutMs?: number | undefined;
  retry?: RetryOptions | undefined;
  /** True while requests should bypass caches on the way (after a refresh). */
  fresh?: () => boolean;
}

/** A metrics v2 query, as the `query` parameter's JSON documents it. */
export interface MetricsQuery {
  view: 'observations' | 'scores-numeric' | 'scores-boolean' | 'scores-categorical';
  dimensions?: { field: string }[];
  metrics: { measure: string; aggregation: string }[];
  filters?: MetricsFilter[];
  timeDimension?: { granularity: string };
  fromTimestamp: string;
  toTimestamp: string;
  orderBy?: { field: string; direction: 'asc' | 'desc' }[];
  config?: { row_limit?: number; bins?: number };
}

/**
 * One filter condition as Langfuse reads them in a metrics `query.filters` and in the
 * observations `filter` parameter (shared with the proxy and the fake, which read them too).
 */
export interface LangfuseFilter {
  type: string;
  column: string;
  operator: string;
  /** Absent only for the `null` type's operators. */
  value?: unknown;
  /** For metadata columns. */
  key?: string;
}
export type MetricsFilter = LangfuseFilter;

/** Query parameters; arrays repeat the parameter, `undefined` leaves it out. */
export type Params = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface LangfuseApi {
  metrics(query: MetricsQuery, signal?: AbortSignal): Promise<Infer<typeof metricsResponse>>;
  observations(params: Params, signal?: AbortSignal): Promise<Infer<typeof observationsV2Response>>;
  scores(params: Params, signal?: AbortSignal): Promise<Infer<typeof scoresV3Response>>;
  legacy: {
    metrics(query: MetricsQuery | LegacyMetricsQuery, signal?: AbortSignal): Promise<Infer<typeof metricsResponse>>;
    traces(params: Params, signal?: AbortSignal): Promise<Infer<typeof legacyTracesResponse>>;
    observations(params: Params, signal?: AbortSignal): Promise<Infer<typeof legacyObservationsResponse>>;
    scores(params: Params, signal?: AbortSignal): Promise<Infer<typeof legacyScoresResponse>>;
  };
}

const PATHS = {
  metrics: '/api/public/v2/metrics',
  observations: '/api/public/v2/observations',
  scores: '/api/public/v3/scores',
  legacyMetrics: '/api/public/metrics',
  legacyTraces: '/api/public/traces',
  legacyObservations: '/api/public/observations',
  legacyScores: '/api/public/v2/scores',
} as const;
export type EndpointName = keyof typeof PATHS;

/** An endpoint as errors name it (`where`), e.g. `GET /api/public/v2/observations`. */
export function endpointName(name: EndpointName): string {
  return `GET ${PATHS[name]}`;
}

/** Metrics v1 also has a `traces` view. */
export type LegacyMetricsQuery = Omit<MetricsQuery, 'view'> & { view: 'traces' };

export function createLangfuseApi(options: LangfuseApiOptions): LangfuseApi {
  const base = options.baseUrl.replace(/\/+$/, '');

  function get<Schema extends Check>(name: EndpointName, params: Params, schema: Schema, signal: AbortSignal | undefined) {
    const headers = new Headers(options.headers);
    if (options.fresh?.()) headers.set('cache-control', 'no-cache');
    return requestJson(`${base}${PATHS[name]}${toSearch(params)}`, {
      schema,
      endpoint: endpointName(name),
      signal,
      fetch: options.fetch,
      headers,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  return {
    metrics: (query, signal) => get('metrics', { query: JSON.stringify(query) }, metricsResponse, signal),
    observations: (params, signal) => get('observations', params, observationsV2Response, signal),
    scores: (params, signal) => get('scores', params, scoresV3Response, signal),
    legacy: {
      metrics: (query, signal) => get('legacyMetrics', { query: JSON.stringify(query) }, metricsResponse, signal),
      traces: (params, signal) => get('legacyTraces', params, legacyTracesResponse, signal),
      observations: (params, signal) => get('legacyObservations', params, legacyObservationsResponse, signal),
      scores: (params, signal) => get('legacyScores', params, legacyScoresResponse, signal),
    },
  };
}

export function toSearch(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, item);
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
