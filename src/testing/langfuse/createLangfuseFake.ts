import type { Dataset } from '../../client/dataset.js';
import { encodeBase64 } from './base64.js';
import { FakeIndex } from './fakeIndex.js';
import { HttpRefusal } from '../../client/http/httpRefusal.js';
import { errorResponse, jsonResponse } from './httpError.js';
import { getLegacyObservations } from './legacyObservationsEndpoint.js';
import { getScoresV2 } from './legacyScoresEndpoint.js';
import { getSessions } from './legacySessionsEndpoint.js';
import { getTraces } from './legacyTracesEndpoint.js';
import { getMetrics } from './metricsEndpoint.js';
import { getObservations } from './observationsEndpoint.js';
import { getScoresV3 } from './scoresV3Endpoint.js';
import type { LangfuseFake, LangfuseFakeOptions } from './types.js';

interface Route {
  /** Which API generation the endpoint belongs to. */
  api: 'v4' | 'legacy';
  handle(index: FakeIndex, url: URL): unknown;
}

/** Paths below /api/public. */
const ROUTES: Readonly<Record<string, Route>> = {
  'v2/metrics': { api: 'v4', handle: (index, url) => getMetrics(index, url, 'v2') },
  'v2/observations': { api: 'v4', handle: getObservations },
  'v3/scores': { api: 'v4', handle: getScoresV3 },
  traces: { api: 'legacy', handle: getTraces },
  observations: { api: 'legacy', handle: getLegacyObservations },
  sessions: { api: 'legacy', handle: getSessions },
  'v2/scores': { api: 'legacy', handle: getScoresV2 },
  metrics: { api: 'legacy', handle: (index, url) => getMetrics(index, url, 'v1') },
};

const PREFIX = '/api/public/';

/**
 * A Langfuse that runs in tests: answers Langfuse's public read API (v4's v2 metrics, v2
 * observations and v3 scores; optionally the legacy v3 endpoints) over a userlens `Dataset`,
 * computing every figure as the figure definitions say. Framework-free: call it with a
 * `Request`, or mount it with `langfuseHandlers` in MSW. Deterministic: no clock, no randomness.
 *
 * The dataset is indexed on the first request, so creating a fake is cheap. Paths are matched
 * after `/api/public/`, so the fake answers below any prefix (e.g. a proxy's mount path).
 *
 * @example
 * const langfuse = createLangfuseFake(generateDemoDataset({ seed: 1 }), { auth: { publicKey: 'pk', secretKey: 'sk' } });
 * const response = await langfuse(new Request('http://langfuse.test/api/public/v3/scores?limit=10', { headers }));
 */
export function createLangfuseFake(dataset: Dataset, options: LangfuseFakeOptions = {}): LangfuseFake {
  const api = options.api ?? 'v4';
  const projectId = options.projectId ?? 'demo-project';
  const expectedAuthorization = options.auth ? `Basic ${encodeBase64(`${options.auth.publicKey}:${options.auth.secretKey}`)}` : null;
  const requests: URL[] = [];
  let index: FakeIndex | undefined;

  function answer(request: Request, url: URL): Response {
    const at = url.pathname.indexOf(PREFIX);
    const path = at < 0 ? undefined : url.pathname.slice(at + PREFIX.length).replace(/\/+$/, '');
    const route = path !== undefined && Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (!route || (api !== 'both' && route.api !== api)) {
      const why = route ? ` (this fake serves the ${api === 'v4' ? 'Langfuse v4' : 'legacy Langfuse v3'} API)` : '';
      return errorResponse(404, `Not found: ${url.pathname}${why}.`);
    }
    if (request.method !== 'GET') return errorResponse(405, `Method ${request.method} not allowed on ${url.pathname}; use GET.`);
    if (expectedAuthorization !== null) {
      const authorization = request.headers.get('authorization');
      if (authorization === null) return errorResponse(401, 'Unauthorized: send an Authorization header with Basic auth (public key : secret key).');
      if (authorization !== expectedAuthorization) return errorResponse(401, 'Unauthorized: invalid public key or secret key.');
    }
    try {
      index ??= new FakeIndex(dataset, projectId);
      return jsonResponse(route.handle(index, url));
    } catch (error) {
      if (error instanceof HttpRefusal) return errorResponse(error.status, error.message);
      return errorResponse(500, `Internal error in the Langfuse fake: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const fake = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    requests.push(url);
    return answer(request, url);
  };
  return Object.assign(fake, {
    requests,
    reset() {
      requests.length = 0;
    },
  });
}
