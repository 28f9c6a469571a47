import { http } from 'msw';
import type { RequestHandler } from 'msw';
import type { Dataset } from '../../client/dataset.js';
import { createLangfuseFake } from './createLangfuseFake.js';
import type { LangfuseFake, LangfuseFakeOptions } from './types.js';

export interface LangfuseHandlersOptions extends LangfuseFakeOptions {
  /** Origin (and path prefix) the handlers answer on, e.g. `https://cloud.langfuse.com`. @defaultValue any origin */
  baseUrl?: string;
}

/**
 * MSW 2 request handlers that answer Langfuse's public API from a dataset through one
 * `createLangfuseFake`. The only module of userlens that imports `msw` (an optional peer).
 * Pass a fake you made instead of a dataset to read its `requests` log in the test (its own
 * options apply then; `baseUrl` still does).
 *
 * @example
 * const server = setupServer(...langfuseHandlers(generateDemoDataset(), { baseUrl: 'https://langfuse.test' }));
 */
export function langfuseHandlers(source: Dataset | LangfuseFake, options: LangfuseHandlersOptions = {}): RequestHandler[] {
  const { baseUrl, ...fakeOptions } = options;
  const fake = typeof source === 'function' ? source : createLangfuseFake(source, fakeOptions);
  const base = baseUrl === undefined ? '*' : baseUrl.replace(/\/+$/, '');
  return [http.all(`${base}/api/public/*`, ({ request }) => fake(request))];
}
