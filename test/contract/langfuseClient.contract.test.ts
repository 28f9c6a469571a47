// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { pair } from '../client/langfuse/harness.ts';
import type { LangfuseSpec } from './checks.ts';
import { langfuseContract } from './langfuseContract.ts';
import { loadLangfuseSpec, specMissingMessage } from './openapi.ts';

// Every request the Langfuse client makes, and every answer of the fake Langfuse it talks to,
// checked against what userlens relies on in Langfuse's API (langfuseFacts.ts) — and, where a copy
// is at hand, against Langfuse's published OpenAPI spec as well.
const spec = loadLangfuseSpec();
if (!spec) console.warn(specMissingMessage());

const dataset = generateDemoDataset({ seed: 21, users: 30, days: 14, end: '2026-11-01T00:00:00.000Z' });
const range = { from: '2026-10-25T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

/** Everything the two views ask for, through the fake; run once per API generation. */
async function exercise(api: 'v4' | 'legacy') {
  const { langfuse, memory, requests, answers } = pair(dataset, { fake: { api }, client: { api } });
  const users = await memory.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 3 });
  const ids = users.items.map((u) => u.userId);
  for (const field of langfuse.capabilities.sortableFields) {
    await langfuse.listUsers({ sort: { field, direction: 'desc' }, range, search: 'user', filters: { environments: ['production'], tags: ['chat'] } });
  }
  await langfuse.getUserFigures!({ userIds: ids, range, filters: { environments: ['production'] } });
  await langfuse.getFilterOptions!({ range });
  for (const userId of ids) {
    for (const r of [undefined, range]) {
      langfuse.invalidate();
      const query = { userId, ...(r ? { range: r } : {}) };
      await Promise.all([langfuse.getUser(userId, query), langfuse.getActivity(query), langfuse.listTraces(query), langfuse.listSessions(query), langfuse.listScores(query)]);
    }
  }
  await langfuse.getUser('nobody', { range });
  return { requests, answers: await Promise.all(answers.map(async (a) => ({ ...a, body: await a.body }))) };
}

const runs = new Map<string, ReturnType<typeof exercise>>();
const exercised = (api: 'v4' | 'legacy') => runs.get(api) ?? runs.set(api, exercise(api)).get(api)!;

async function problems(api: 'v4' | 'legacy', checker: LangfuseSpec) {
  const { requests, answers } = await exercised(api);
  return {
    requests: requests.flatMap((url) => checker.checkRequest(url).map((problem) => `${url.pathname}?${url.searchParams}: ${problem}`)),
    answers: answers.flatMap((a) => checker.checkResponse(a.url, a.status, a.body).map((p) => `${a.url.pathname}: ${p}`)),
  };
}

describe.each(['v4', 'legacy'] as const)('Langfuse client (%s)', (api) => {
  it('makes only requests userlens knows Langfuse to accept, and the fake answers only what Langfuse documents', async () => {
    const { requests, answers } = await exercised(api);
    expect(requests.length).toBeGreaterThan(10);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(await problems(api, langfuseContract)).toEqual({ requests: [], answers: [] });
  });

  it.skipIf(!spec)('[needs ../shared] the bundled OpenAPI spec accepts the same requests and answers', async () => {
    expect(await problems(api, spec!)).toEqual({ requests: [], answers: [] });
  });
});
