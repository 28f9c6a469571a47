import type { CacheState } from './responses.js';
import { errorResponse, rawJsonResponse } from './responses.js';
import type { UpstreamOutcome } from './upstream.js';

/**
 * Turns what Langfuse answered into what the browser sees. Only 200 payloads pass through;
 * every other answer is one of the proxy's own fixed messages, because upstream text can echo
 * what the browser must never see (the Authorization header, the upstream path). Credential
 * refusals become a generic 502 (the browser cannot fix them); 5xx, unreadable and oversized
 * answers a generic 502; timeouts 504; 429 keeps its `Retry-After`; other 4xx keep their status.
 * Langfuse's message goes to the host's `onError` instead, redacted.
 */

export const CREDENTIALS_REFUSED = "The metrics source refused the proxy's credentials.";

/** `Retry-After` as delta-seconds or an HTTP date; anything else is dropped. */
function safeRetryAfter(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return trimmed;
  return /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

export function answerFromUpstream(outcome: UpstreamOutcome, cache: CacheState): Response {
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
    case 'busy':
      return errorResponse(503, 'The proxy is reading too many large answers at once; try again shortly.', { cache, retryAfter: '1' });
    case 'over_budget': {
      const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
      return errorResponse(429, `Too many requests for this account; try again in ${seconds} s.`, { cache, retryAfter: String(seconds) });
    }
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
    const message = status === 404 ? 'The metrics source does not offer this endpoint or item (404).' : `The metrics source refused the request (${status}).`;
    return errorResponse(status, message, { cache });
  }
  return errorResponse(502, `The metrics source failed (${status}).`, { cache });
}
