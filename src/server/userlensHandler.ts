import { UserlensError, isUserlensError } from '../client/errors.js';
import type { UserTrackingClient, UsersQuery } from '../client/types.js';
import { jsonResponse } from './responses.js';
import { checkScopeSupport, scopedCapabilities, scopedFilters, type UserlensScope } from './userlensScope.js';
import type { UserlensHandlerOptions } from './createUserlensHandler.js';

/** The methods served, all of `UserTrackingClient`'s reads. */
const METHODS = [
  'listUsers',
  'getUser',
  'listTraces',
  'listSessions',
  'listScores',
  'getActivity',
  'getUserFigures',
  'getTrends',
  'getDistribution',
  'getSegments',
  'getOverview',
  'listObservations',
  'getFilterOptions',
] as const;
type Method = (typeof METHODS)[number];
const MAX_BODY_BYTES = 1 << 20;
const MAX_CACHED = 500;

function status(error: UserlensError): number {
  if (error.code === 'unauthorized') return 403;
  if (error.code === 'rate_limited') return 429;
  if (error.code === 'unsupported') return 501;
  if (error.code === 'timeout') return 504;
  if (error.code === 'network' || error.code === 'invalid_response') return 502;
  return 400;
}

function errorAnswer(error: UserlensError): Response {
  const { code, message, where, field, retryAfterMs } = error;
  return jsonResponse(
    status(error),
    { error: { code, message: message.replace(/^\[userlens\] /, ''), where, field, retryAfterMs } },
    retryAfterMs === undefined ? {} : { retryAfter: String(Math.ceil(retryAfterMs / 1000)) },
  );
}

const refuse = (message: string) => new UserlensError('unauthorized', message);

/** The handler's body, loaded with its first request (see `createUserlensHandler`). */
export function userlensHandler(client: UserTrackingClient, options: UserlensHandlerOptions): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '/api/userlens').replace(/\/+$/, '');
  const ttl = options.cacheTtlMs ?? 30_000;
  const cache = new Map<string, { at: number; body: unknown }>();
  let invalidatedAt = 0;

  async function scopeOf(request: Request): Promise<UserlensScope | null> {
    if (!options.scope) return null;
    let scope: UserlensScope | null;
    try {
      scope = await options.scope(request);
    } catch {
      throw refuse('The signed-in user may not read these figures.');
    }
    if (scope) checkScopeSupport(scope, client.capabilities);
    return scope;
  }

  return async (request) => {
    try {
      const path = new URL(request.url).pathname;
      if (path === `${basePath}/capabilities` && request.method === 'GET') {
        return jsonResponse(200, { id: client.id ?? null, capabilities: scopedCapabilities(client.capabilities, await scopeOf(request)) });
      }
      if (path !== `${basePath}/call`) return jsonResponse(404, { error: { code: 'unsupported', message: `No such endpoint: ${path}.` } });
      if (request.method !== 'POST') return jsonResponse(405, { error: { code: 'unsupported', message: 'Calls are POSTed.' } }, { allow: 'POST' });
      const scope = await scopeOf(request);
      const { method, args } = await readCall(request);
      const scoped = scope ? scopeCall(method, args, scope) : { args, answer: undefined };
      if ('answer' in scoped && scoped.answer !== undefined) return jsonResponse(200, { result: scoped.answer });
      const key = JSON.stringify([scope, method, scoped.args]);
      const fresh = /(^|,)\s*no-cache\s*(,|$)/i.test(`${request.headers.get('cache-control')}`);
      // A refresh: the served client drops what it keeps too (at most once a second).
      if (fresh && Date.now() - invalidatedAt > 1000) {
        invalidatedAt = Date.now();
        client.invalidate?.();
      }
      const kept = cache.get(key);
      if (ttl > 0 && kept && !fresh && Date.now() - kept.at < ttl) return jsonResponse(200, { result: kept.body }, { cache: 'hit' });
      const call = client[method] as ((...given: unknown[]) => Promise<unknown>) | undefined;
      if (!call) throw new UserlensError('unsupported', `This source has no ${method}.`);
      if (method === 'listObservations' && scope) await checkTraceVisible(client, scoped.args[0] as { userId: string; traceId: string; range?: unknown }, scope, request.signal);
      // A user with no trace in the scope is unknown to it, as one the source never saw: zero figures would tell that they exist elsewhere.
      if (method === 'getUser' && scope && !(await knownInScope(client, scoped.args[0] as string, scope, request.signal))) return jsonResponse(200, { result: null });
      const result = await call.apply(client, [...scoped.args, { signal: request.signal }]);
      const body = result;
      if (ttl > 0) {
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
        cache.set(key, { at: Date.now(), body });
      }
      return jsonResponse(200, { result: body }, { cache: 'miss' });
    } catch (error) {
      if (request.signal.aborted) return jsonResponse(499, { error: { code: 'network', message: 'The request was aborted.' } });
      if (isUserlensError(error)) return errorAnswer(error);
      return jsonResponse(500, { error: { code: 'network', message: 'The server could not answer.' } });
    }
  };
}

async function readCall(request: Request): Promise<{ method: Method; args: unknown[] }> {
  const tooLarge = () => new UserlensError('invalid_query', 'The call is too large.');
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw tooLarge();
  let call: unknown;
  try {
    call = JSON.parse(text);
  } catch {
    throw new UserlensError('invalid_query', 'The call must be JSON: { "method": …, "args": [...] }.');
  }
  const { method, args } = (call ?? {}) as { method?: unknown; args?: unknown };
  if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) {
    throw new UserlensError('invalid_query', `Unknown method ${JSON.stringify(method)}: expected one of ${METHODS.join(', ')}.`, { field: 'method' });
  }
  // Only the method's data arguments: its options (the signal) are the server's.
  if (!Array.isArray(args) || args.length > (method === 'getUser' ? 2 : 1)) {
    throw new UserlensError('invalid_query', 'The call\'s "args" must be an array of the method\'s arguments, without options.', { field: 'args' });
  }
  return { method: method as Method, args };
}

type Query = Record<string, unknown> & { filters?: UsersQuery['filters']; userId?: unknown; userIds?: unknown };

/**
 * The call's arguments with the scope added; or, for a user outside it, the answer the source
 * gives for an unknown user (`getUser`: null) without asking it.
 */
function scopeCall(method: Method, args: unknown[], scope: UserlensScope): { args: unknown[]; answer?: unknown } {
  const users = scope.userIds;
  const mine = (userId: unknown) => !users || (typeof userId === 'string' && users.includes(userId));
  if (method === 'getUser') {
    if (!mine(args[0])) return { args, answer: null };
    const query = (args[1] ?? {}) as Query;
    return { args: [args[0], { ...query, filters: scopedFilters(query.filters, scope) }] };
  }
  // Which environments and tags exist across the source: names beyond any scope.
  if (method === 'getFilterOptions') throw refuse('Filter options are not served under a scope.');
  const query = { ...((args[0] ?? {}) as Query) };
  if (method !== 'listObservations') query.filters = scopedFilters(query.filters, scope);
  if (users) {
    if (method === 'listUsers' || method === 'getDistribution') {
      query.userIds = Array.isArray(query.userIds) ? query.userIds.filter(mine) : users;
    } else if (method === 'getUserFigures' || method === 'getTrends') {
      query.userIds = Array.isArray(query.userIds) ? query.userIds.filter(mine) : [];
    } else if (method === 'getSegments' || method === 'getOverview' || (method === 'getActivity' && query.userId === undefined)) {
      throw refuse('Figures over all users are not served under a scope of named users.');
    } else if (!mine(query.userId)) {
      throw refuse('The signed-in user may not read this user.');
    }
  }
  return { args: [query, ...args.slice(1)] };
}

/** A trace's observations are served only when the trace itself is in the scope. */
async function checkTraceVisible(client: UserTrackingClient, query: { userId: string; traceId: string; range?: unknown }, scope: UserlensScope, signal: AbortSignal): Promise<void> {
  const traces = await client.listTraces(
    { userId: query.userId, range: query.range as never, search: query.traceId, filters: scopedFilters(undefined, scope), pageSize: 100 },
    { signal },
  );
  if (!traces.items.some((trace) => trace.id === query.traceId)) throw refuse('The signed-in user may not read this trace.');
}

async function knownInScope(client: UserTrackingClient, userId: string, scope: UserlensScope, signal: AbortSignal): Promise<boolean> {
  const stats = await client.getUser(userId, { range: {}, filters: scopedFilters(undefined, scope) }, { signal });
  return stats !== null && stats.traceCount > 0;
}
