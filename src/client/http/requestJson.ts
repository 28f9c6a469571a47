import { abortableDelay } from '../abortableDelay.js';
import type { Check, Infer } from '../shape.js';
import { describeProblem } from '../shape.js';
import { UserlensError, isUserlensError } from '../errors.js';

/**
 * GET a JSON endpoint the way a metrics source needs it: a timeout combined with the caller's
 * signal, over the headers and the body alike, retries with exponential backoff and jitter on
 * network errors, timeouts and 5xx (GETs are idempotent), a bounded wait on 429 `Retry-After`,
 * redirects followed only within the origin, and the payload checked against a schema — every
 * failure a `UserlensError` that names the endpoint, the status and the field, except the
 * caller's abort, which rejects with the signal's reason.
 */

/**
 * Headers as `new Headers(init)` takes them: a `Headers`, a record or `[name, value]` pairs. Said
 * through the `Headers` constructor rather than the DOM lib's `HeadersInit`, which a host that
 * type-checks without the DOM lib (a Node server with `@types/node`) does not have; `Headers`
 * itself is global in both.
 */
export type RequestHeaders = NonNullable<ConstructorParameters<typeof Headers>[0]>;

export interface RetryOptions {
  /** Attempts after the first. @defaultValue 2 */
  retries?: number;
  /** First backoff, ms; doubles each time, with up to 50 % jitter. @defaultValue 300 */
  baseDelayMs?: number;
  /** The longest a 429 `Retry-After` is waited for before giving up with `rate_limited`. @defaultValue 10000 */
  maxRetryAfterMs?: number;
}

export interface RequestJsonOptions<Schema extends Check> {
  /** The payload's expected shape. */
  schema: Schema;
  /** For messages: which endpoint this is (e.g. `GET /api/public/v2/metrics`). */
  endpoint: string;
  signal?: AbortSignal | undefined;
  /** @defaultValue 30000 */
  timeoutMs?: number;
  retry?: RetryOptions;
  fetch?: typeof fetch;
  headers?: RequestHeaders;
  /** Waits; injectable so tests need not sleep. @defaultValue a timer that honours the signal */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Source of jitter in [0, 1). @defaultValue Math.random */
  random?: () => number;
}

export async function requestJson<Schema extends Check>(
  url: string,
  options: RequestJsonOptions<Schema>,
): Promise<Infer<Schema>> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const retries = options.retry?.retries ?? 2;
  const baseDelay = options.retry?.baseDelayMs ?? 300;
  const maxRetryAfter = options.retry?.maxRetryAfterMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? abortableDelay;
  const random = options.random ?? Math.random;
  const where = options.endpoint;

  /**
   * After a transport failure (no answer, or a body that broke off): the caller's abort as its
   * reason, else a wait before the next attempt, else a timeout or network error.
   */
  async function failed(error: unknown, timeout: AbortSignal, attempt: number, backoff: number, during: 'request' | 'body'): Promise<void> {
    if (options.signal?.aborted) throw options.signal.reason;
    if (attempt < retries) return sleep(backoff, options.signal);
    if (timeout.aborted) {
      throw new UserlensError('timeout', `${where} did not answer within ${timeoutMs} ms. Try again, or raise timeoutMs.`, { where, cause: error });
    }
    const what = during === 'request' ? 'could not be reached' : 'broke off its answer';
    throw new UserlensError('network', `${where} ${what} (${describe(error)}). Check the connection and the base URL, then retry.`, {
      where,
      cause: error,
    });
  }

  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    // One timeout per attempt, over the answer's headers, any redirects and its body alike.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const backoff = baseDelay * 2 ** attempt * (1 + random() / 2);
    let response: Response;
    try {
      response = await fetchSameOrigin(fetchImpl, url, { method: 'GET', headers: options.headers, signal }, where);
    } catch (error) {
      // A refused redirect is the source's answer, not a transport failure: asking again gives it again.
      if (isUserlensError(error) && !options.signal?.aborted) throw error;
      await failed(error, timeout, attempt, backoff, 'request');
      continue;
    }

    // Only a successful answer's body is read; the others are let go of at once.
    if (!response.ok) discard(response);
    if (response.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'));
      if (attempt < retries && waitMs !== null && waitMs <= maxRetryAfter) {
        await sleep(waitMs, options.signal);
        continue;
      }
      const when = waitMs === null ? 'later' : `in ${Math.ceil(waitMs / 1000)} s`;
      throw new UserlensError('rate_limited', `${where} is rate-limited (429). Try again ${when}.`, {
        where,
        status: 429,
        ...(waitMs === null ? {} : { retryAfterMs: waitMs }),
      });
    }
    if (response.status >= 500 && attempt < retries) {
      await sleep(backoff, options.signal);
      continue;
    }
    if (!response.ok) {
      const code = response.status === 401 || response.status === 403 ? 'unauthorized' : 'network';
      const hint =
        code === 'unauthorized'
          ? 'Check the credentials the proxy adds and the scope of the signed-in user.'
          : response.status === 404
            ? 'Check the base URL, and whether this deployment has this endpoint.'
            : 'Retry, and check the source’s status if it persists.';
      throw new UserlensError(code, `${where} answered ${response.status}. ${hint}`, { where, status: response.status });
    }

    let text: string;
    try {
      text = await readText(response, signal);
    } catch (error) {
      // The body broke off: the caller left, the attempt's time ran out, or the connection failed.
      await failed(error, timeout, attempt, backoff, 'body');
      continue;
    }
    return parsePayload(text, response.status, options.schema, where);
  }
}

/** Redirect statuses that name the next URL in `Location`. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Same-origin redirects followed per request: a trailing slash or two, never a loop. */
export const MAX_REDIRECTS = 5;

/**
 * fetch that follows redirects only within the request's origin (a host's proxy adding a
 * trailing slash), at most `MAX_REDIRECTS`, with the same headers. A redirect to another origin
 * is refused: the request carries the host's headers (a CSRF token, say), and whatever answers
 * there would be shown as this source's figures. Browsers hide where a redirect leads
 * (`opaqueredirect`), so there every redirect is refused, with a message that says so.
 */
async function fetchSameOrigin(fetchImpl: typeof fetch, url: string, init: RequestInit, where: string): Promise<Response> {
  const origin = originOf(url);
  let current = url;
  for (let followed = 0; ; followed++) {
    const response = await untilAborted(fetchImpl(current, { ...init, redirect: 'manual' }), init.signal);
    if (response.type === 'opaqueredirect') {
      throw refusedRedirect(where, 'answered with a redirect, and the browser does not let userlens see where it leads');
    }
    if (!REDIRECT_STATUSES.has(response.status)) {
      // A fetch that follows redirects whatever it is asked must not have left the origin either.
      if (response.redirected && response.url !== '' && originOf(response.url) !== origin) throw crossOrigin(where, response.status, response.url);
      return response;
    }
    discard(response);
    const location = response.headers.get('location');
    if (location === null) {
      throw refusedRedirect(where, `answered ${response.status}, a redirect without a Location`, response.status);
    }
    const next = resolveUrl(location, current);
    if (next === null || origin === null || originOf(next) !== origin) throw crossOrigin(where, response.status, next ?? location);
    if (followed === MAX_REDIRECTS) throw refusedRedirect(where, `redirected more than ${MAX_REDIRECTS} times`, response.status);
    current = next;
  }
}

function crossOrigin(where: string, status: number, target: string): UserlensError {
  const to = originOf(target) ?? JSON.stringify(target);
  return refusedRedirect(where, `answered ${status}, a redirect to another origin (${to}), which would get your headers and pass for this source`, status);
}

function refusedRedirect(where: string, what: string, status?: number): UserlensError {
  return new UserlensError('invalid_response', `${where} ${what}; userlens does not follow it. Point baseUrl at the URL the API answers at itself.`, {
    where,
    ...(status === undefined ? {} : { status }),
  });
}

/** The URL's origin, relative URLs taken from the page's; null when it has none to compare. */
function originOf(url: string): string | null {
  const absolute = resolveUrl(url, globalThis.location?.href);
  if (absolute === null) return null;
  const { origin } = new URL(absolute);
  return origin === 'null' ? null : origin;
}

function resolveUrl(url: string, base: string | undefined): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** Lets go of a body that will not be read, so the connection is not held for it. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/**
 * The body as text, ending as soon as `signal` aborts (with its reason): a fetch given the
 * signal should break the body off itself, but an injected one may not, and a body that
 * trickles in must not outlive the timeout or the caller.
 */
async function readText(response: Response, signal: AbortSignal): Promise<string> {
  signal.throwIfAborted();
  if (!response.body) return '';
  const reader = response.body.getReader();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const chunk = await Promise.race([reader.read(), aborted]);
      if (chunk.done) return text + decoder.decode();
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (signal.aborted) reader.cancel(signal.reason).catch(() => {});
  }
}

/** The text as JSON checked against the schema, or an error naming the endpoint and field. */
function parsePayload<Schema extends Check>(text: string, status: number, schema: Schema, where: string): Infer<Schema> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new UserlensError('invalid_response', `${where} answered ${status} with a body that is not JSON (truncated or not JSON). Retry; if it persists, the source or a proxy in between is answering with something else.`, {
      where,
      status,
      cause: error,
    });
  }
  const problem = schema(body, '');
  if (problem) {
    const field = problem.path || '(the payload)';
    throw new UserlensError(
      'invalid_response',
      `${where} answered ${status} with an unexpected payload ${describeProblem(problem)}. The source may be a version userlens does not speak; see the README's "Connect to Langfuse".`,
      { where, status, field },
    );
  }
  return body as Infer<Schema>;
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `pending`, or the signal's reason once it aborts, whichever comes first. A fetch is meant to
 * reject on its own when its signal aborts; Node's follows the signal through a Request whose
 * link to it is a weak reference, and one that a collection broke would wait past every timeout.
 */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return pending;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
