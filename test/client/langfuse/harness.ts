import { createLangfuseClient, createMemoryClient, type Dataset, type LangfuseClientOptions } from '../../../src/core.ts';
import { createFixtures, createLangfuseFake, type LangfuseFakeOptions } from '../../../src/testing/index.ts';
import type { OracleDataset } from '../../oracle/oracle.ts';

export const BASE_URL = 'https://langfuse.test/api/userlens';
/**
 * The clients' clock: open ranges end here (Langfuse's metrics need both ends), after every
 * dataset these tests build, whatever day the machine thinks it is.
 */
export const TEST_NOW = Date.parse('2026-11-02T12:00:00.000Z');

/**
 * A memory client and a Langfuse client over the same dataset, the latter through the fake API.
 * Both derive figures from `src/client/figures.ts`, so expected figures come from the oracle
 * (`asOracle`), never from `memory`: comparing the two would let a shared bug cancel out.
 */
export function pair(dataset: Dataset, options: { fake?: LangfuseFakeOptions; client?: Partial<LangfuseClientOptions>; intercept?: Intercept } = {}) {
  const fake = createLangfuseFake(dataset, options.fake);
  const requests: URL[] = [];
  /** Every answer the fake gave, for checks against the spec's response schemas. */
  const answers: { url: URL; status: number; body: Promise<unknown> }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(url);
    // Like a real fetch, give up when the caller's signal aborts (the transport's timeout). The
    // caller's own signal, not the Request's copy: Node's Request follows the given signal
    // through a weak reference, and a collection in between can leave the copy never aborting
    // (a timeout test then waited 15 s on a busy CI machine).
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const aborted = new Promise<never>((_, reject) => {
      if (!signal) return;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    const forced = await Promise.race([options.intercept?.(url, requests.length), aborted]);
    if (forced) return forced;
    const response = await fake(request);
    answers.push({ url, status: response.status, body: response.clone().json() as Promise<unknown> });
    return response;
  };
  const langfuse = createLangfuseClient({ baseUrl: BASE_URL, fetch, retry: { baseDelayMs: 1 }, now: () => TEST_NOW, ...options.client });
  return { memory: createMemoryClient(dataset), langfuse, fake, requests, answers };
}

/** Answers instead of the fake when it returns a Response (the n-th request counts from 1). */
export type Intercept = (url: URL, n: number) => Response | undefined | Promise<Response | undefined>;

/** The endpoint of a recorded request, without the mount prefix. */
export const endpointOf = (url: URL) => url.pathname.slice(url.pathname.indexOf('/api/public'));

export const metricsQueryOf = (url: URL) => JSON.parse(url.searchParams.get('query')!) as Record<string, any>;

/** Cost sums may differ in the last bits with the order of addition. */
export function roundCosts<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v) => (typeof v === 'number' && /cost|mean/i.test(key) ? Number(v.toPrecision(12)) : v)) as T;
}

/** The dataset as the oracle reads it. */
export const asOracle = (dataset: Dataset) => dataset as unknown as OracleDataset;

/**
 * User `late`: 20 traces from noon on `day` (UTC), then 600 observations from 2 a.m. the day after
 * the range that ends at the next midnight — within the 24 h a detail read looks past a range's
 * end, so a read of 500 meets them before any of the range.
 */
export function lateUserDataset(day: string): Dataset {
  const f = createFixtures();
  const start = Date.parse(`${day}T12:00:00.000Z`);
  for (let t = 0; t < 20; t++) {
    const trace = f.trace({ userId: 'late', timestamp: new Date(start + t * 60_000).toISOString() });
    f.observation({ type: 'SPAN', startTime: trace.timestamp, endTime: trace.timestamp });
  }
  const after = f.trace({ userId: 'late', timestamp: new Date(start + 13 * 3_600_000).toISOString() });
  const root = f.observation({ type: 'SPAN', startTime: after.timestamp, endTime: after.timestamp });
  for (let o = 0; o < 600; o++) f.observation({ parentObservationId: root.id, startTime: new Date(start + 14 * 3_600_000 + o * 1_000).toISOString() });
  return f.dataset();
}
