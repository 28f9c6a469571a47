/**
 * The public types of the Langfuse fake (`createLangfuseFake`, `langfuseHandlers`).
 */

/**
 * Which generation of Langfuse's public read API the fake answers.
 * - `'v4'`: v2 metrics, v2 observations, v3 scores; the legacy endpoints answer 404, as on
 *   Langfuse v4 self-hosted and on Cloud after 2026-11-16.
 * - `'legacy'`: traces, v1 metrics, v2 scores (and sessions); the v4 endpoints answer 404, as on a
 *   self-hosted Langfuse v3.
 * - `'both'`: everything.
 */
export type LangfuseFakeApi = 'v4' | 'legacy' | 'both';

export interface LangfuseFakeOptions {
  /** Which endpoints exist. @defaultValue 'v4' */
  api?: LangfuseFakeApi;
  /** When given, a request without `Authorization: Basic base64(publicKey:secretKey)` gets 401. @defaultValue no auth check */
  auth?: { publicKey: string; secretKey: string };
  /** The `projectId` the fake's records carry. @defaultValue 'demo-project' */
  projectId?: string;
}

/**
 * A fetch-style handler that answers Langfuse's public read API over a `Dataset`, plus a log of
 * the requests it answered.
 */
export interface LangfuseFake {
  (request: Request): Promise<Response>;
  /** Every request URL answered (errors included), in order. */
  readonly requests: URL[];
  /** Empties `requests`. */
  reset(): void;
}
