import type { CacheState } from './responses.js';
import { errorResponse, rawJsonResponse } from './responses.js';
import type { UpstreamOutcome } from './upstream.js';

/**
 * Turns what Langfuse answered into what the browser sees. Only 200 payloads pass through.
 * Credential refusals become a generic 502 (the browser cannot fix them, and Langfuse's text
 * may describe the keys); 5xx, unreadable and oversized answers a generic 502; timeouts 504; 429 keeps
 * its `Retry-After`; other 4xx keep their status with Langfuse's message only when it names
 * none of the secrets — the keys, the base URL or its host.
 */

export const CREDENTIALS_REFUSED = "The metrics source refused the proxy's credentials.";

/** Strings that must never appear in anything sent to the browser. */
export type Secrets = readonly string[];

const MAX_DETAIL = 300;

/** Langfuse's message when it is short and mentions no secret; otherwise null. */
export function safeDetail(message: string | null, secrets: Secrets): string | null {
  if (message === null) return null;
  const lower = message.toLowerCase();
  if (secrets.some((secret) => secret !== '' && lower.includes(secret.toLowerCase()))) return null;
  // Anything shaped like a Langfuse key, even one that is not ours.
  if (/\b[ps]k-lf-/i.test(message)) return null;
  return message.length > MAX_DETAIL ? `${message.slice(0, MAX_DETAIL)}…` : message;
}

/** `Retry-After` as delta-seconds or an HTTP date; anything else is dropped. */
function safeRetryAfter(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return trimmed;
  return /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

export function answerFromUpstream(outcome: UpstreamOutcome, cache: CacheState, secrets: Secrets): Response {
  switch (outcome.kind) {
    case 'ok':
      return rawJsonResponse(200, outcome.body, { cache });
    case 'timeout':
      return errorResponse(504, 'The metrics source did not answer in time.', { cache });
    case 'network':
      return errorResponse(502, 'The metrics source could not be reached.', { cache });
    case 'not_json':
    case 'unexpected':
      return errorResponse(502, 'The metrics source answered with something other than the expected JSON.', { cache });
    case 'too_large':
      return errorResponse(502, 'The metrics source answered with more data than the proxy accepts.', { cache });
    case 'status':
      break;
  }
  const { status } = outcome;
  if (status === 401 || status === 403) return errorResponse(502, CREDENTIALS_REFUSED, { cache });
  if (status === 429) {
    const retryAfter = safeRetryAfter(outcome.retryAfter);
    return errorResponse(429, 'The metrics source is rate-limiting requests; try again later.', {
      cache,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }
  if (status >= 400 && status < 500) {
    const detail = safeDetail(outcome.message, secrets);
    const generic = status === 404 ? 'The metrics source does not offer this endpoint or item (404).' : `The metrics source refused the request (${status}).`;
    return errorResponse(status, detail === null ? generic : `${generic} ${detail}`, { cache });
  }
  return errorResponse(502, `The metrics source failed (${status}).`, { cache });
}
