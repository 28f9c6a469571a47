/**
 * One error family for everything userlens throws, so a host can branch on `code` and show
 * `message` as it is: every message says what happened and what to do.
 */

export type UserlensErrorCode =
  /** A record given to `createMemoryClient` is malformed. */
  | 'invalid_dataset'
  /** A query argument is out of range (page, pageSize, sort field, date, …). */
  | 'invalid_query'
  /** A client or provider was created with bad options (a missing `baseUrl`, a cap below 1, …). */
  | 'invalid_options'
  /** The source lacks the method or figure asked for (see `client.capabilities`). */
  | 'unsupported'
  /** A source answered with a payload that does not match what it should. */
  | 'invalid_response'
  /** The network failed or the source answered with an unexpected HTTP status. */
  | 'network'
  /** The source did not answer in time. */
  | 'timeout'
  /** The source refused the request for now; see `retryAfterMs`. */
  | 'rate_limited'
  /** The request was refused for lack of permission. */
  | 'unauthorized';

export interface UserlensErrorDetails {
  /** Which record, endpoint or argument is at fault. */
  where?: string;
  /** The offending field, as a dotted path. */
  field?: string;
  /** HTTP status, when one was received. */
  status?: number;
  /** When the request may be retried, for `rate_limited`. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The error every userlens client, hook and view reports. `message` is meant for people. */
export class UserlensError extends Error {
  override readonly name = 'UserlensError';
  readonly code: UserlensErrorCode;
  readonly where: string | undefined;
  readonly field: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: UserlensErrorCode, message: string, details: UserlensErrorDetails = {}) {
    super(message.startsWith('[userlens]') ? message : `[userlens] ${message}`, {
      cause: details.cause,
    });
    this.code = code;
    this.where = details.where;
    this.field = details.field;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isUserlensError(error: unknown): error is UserlensError {
  return error instanceof UserlensError;
}

/** Errors that a retry cannot fix: asking again with the same arguments gives the same answer. */
export function isPermanentError(error: unknown): boolean {
  return (
    isUserlensError(error) &&
    (error.code === 'invalid_dataset' ||
      error.code === 'invalid_query' ||
      error.code === 'invalid_options' ||
      error.code === 'unsupported' ||
      error.code === 'unauthorized')
  );
}

/**
 * An error's message as a person reads it: the "[userlens]" prefix, which tells developers where a
 * thrown error came from, left off.
 */
export function messageForPeople(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\[userlens\]\s*/, '');
}
