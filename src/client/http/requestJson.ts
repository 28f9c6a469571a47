import * as v from 'valibot';
import { abortableDelay } from '../abortableDelay.js';
import { UserlensError } from '../errors.js';

/**
 * GET a JSON endpoint the way a metrics source needs it: a timeout combined with the caller's
 * signal, retries with exponential backoff and jitter on network errors and 5xx (GETs are
 * idempotent), a bounded wait on 429 `Retry-After`, and the payload checked against a schema —
 * every failure a `UserlensError` that names the endpoint, the status and the field.
 */

export interface RetryOptions {
  /** Attempts after the first. @defaultValue 2 */
  retries?: number;
  /** First backoff, ms; doubles each time, with up to 50 % jitter. @defaultValue 300 */
  baseDelayMs?: number;
  /** The longest a 429 `Retry-After` is waited for before giving up with `rate_limited`. @defaultValue 10000 */
  maxRetryAfterMs?: number;
}

export interface RequestJsonOptions<Schema extends v.GenericSchema> {
  /** The payload's expected shape. */
  schema: Schema;
  /** For messages: which endpoint this is (e.g. `GET /api/public/v2/metrics`). */
  endpoint: string;
  signal?: AbortSignal | undefined;
  /** @defaultValue 30000 */
  timeoutMs?: number;
  retry?: RetryOptions;
  fetch?: typeof fetch;
  headers?: HeadersInit;
  /** Waits; injectable so tests need not sleep. @defaultValue a timer that honours the signal */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  /** Source of jitter in [0, 1). @defaultValue Math.random */
  random?: () => number;
}

export async function requestJson<Schema extends v.GenericSchema>(
  url: string,
  options: RequestJsonOptions<Schema>,
): Promise<v.InferOutput<Schema>> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const retries = options.retry?.retries ?? 2;
  const baseDelay = options.retry?.baseDelayMs ?? 300;
  const maxRetryAfter = options.retry?.maxRetryAfterMs ?? 10_000;
  const sleep = options.sleep ?? abortableDelay;
  const random = options.random ?? Math.random;
  const where = options.endpoint;

  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const backoff = baseDelay * 2 ** attempt * (1 + random() / 2);
    let response: Response;
    try {
      response = await fetchImpl(url, { method: 'GET', headers: options.headers, signal });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted) {
        if (attempt < retries) {
          await sleep(backoff, options.signal);
          continue;
        }
        throw new UserlensError('timeout', `${where} did not answer within ${options.timeoutMs ?? 30_000} ms. Try again, or raise timeoutMs.`, {
          where,
          cause: error,
        });
      }
      if (attempt < retries) {
        await sleep(backoff, options.signal);
        continue;
      }
      throw new UserlensError('network', `${where} could not be reached (${describe(error)}). Check the connection and the base URL, then retry.`, {
        where,
        cause: error,
      });
    }

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

    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new UserlensError('invalid_response', `${where} answered ${response.status} with a body that is not JSON (truncated or not JSON). Retry; if it persists, the source or a proxy in between is answering with something else.`, {
        where,
        status: response.status,
        cause: error,
      });
    }
    const result = v.safeParse(options.schema, body);
    if (!result.success) {
      const issue = result.issues[0]!;
      const field = v.getDotPath(issue) ?? '(the payload)';
      throw new UserlensError(
        'invalid_response',
        `${where} answered ${response.status} with an unexpected payload: ${field}: ${issue.message}. The source may be a version userlens does not speak; see the README's "Connect to Langfuse".`,
        { where, status: response.status, field },
      );
    }
    return result.output;
  }
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
