// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { pair } from '../client/langfuse/harness.ts';
import { SPEC_MISSING_MESSAGE, loadLangfuseSpec } from './openapi.ts';

// Every request the Langfuse client makes, and every answer of the fake Langfuse it talks to,
// checked against Langfuse's published OpenAPI spec.
const spec = loadLangfuseSpec();
if (!spec) console.warn(SPEC_MISSING_MESSAGE);

const dataset = generateDemoDataset({ seed: 21, users: 30, days: 14 });
const range = { from: '2026-10-25T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

describe.skipIf(!spec).each(['v4', 'legacy'] as const)('Langfuse client (%s) against the OpenAPI spec', (api) => {
  it('makes only requests the spec allows, and the fake answers only what the spec describes', async () => {
    const { langfuse, memory, requests, answers } = pair(dataset, { fake: { api }, client: { api } });
    const users = await memory.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 3 });
    const ids = users.items.map((u) => u.userId);
    // Everything the two views ask for.
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

    expect(requests.length).toBeGreaterThan(10);
    const problems = requests.flatMap((url) => spec!.checkRequest(url).map((problem) => `${url.pathname}?${url.searchParams}: ${problem}`));
    expect(problems).toEqual([]);
    const bodyProblems = (await Promise.all(answers.map(async (a) => spec!.checkResponse(a.url, a.status, await a.body).map((p) => `${a.url.pathname}: ${p}`)))).flat();
    expect(bodyProblems).toEqual([]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});
