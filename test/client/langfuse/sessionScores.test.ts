// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFixtures } from '../../../src/testing/index.ts';
import { oracleScores, oracleUser } from '../../oracle/oracle.ts';
import { asOracle, endpointOf, pair, roundCosts } from './harness.ts';

/** Two users share session `s-shared`; `s-ana` is Ana's alone; `s-nobody` has no trace. */
function sessionDataset() {
  const f = createFixtures();
  f.trace({ userId: 'ana', sessionId: 's-ana' });
  f.observation({ totalCost: 0.01 });
  f.score({ name: 'helpfulness', value: 1 });
  f.trace({ userId: 'ana', sessionId: 's-shared' });
  f.observation({ totalCost: 0.02 });
  f.trace({ userId: 'ana', sessionId: 's-shared' });
  f.observation({ totalCost: 0.02 });
  f.trace({ userId: 'ben', sessionId: 's-shared' });
  f.observation({ totalCost: 0.03 });
  f.score({ sessionId: 's-ana', name: 'helpfulness', value: 0 });
  f.score({ sessionId: 's-shared', name: 'helpfulness', value: 0.5 });
  f.score({ sessionId: 's-shared', name: 'resolved', dataType: 'BOOLEAN', value: 1 });
  f.score({ sessionId: 's-nobody', name: 'helpfulness', value: 0.25 });
  return f.dataset();
}

describe('scores on sessions', () => {
  const dataset = sessionDataset();
  const oracle = asOracle(dataset);

  it('count once for each user with a trace of the session, on the memory client and in the oracle', async () => {
    const { memory } = pair(dataset);
    const ana = await memory.getUser('ana');
    expect(ana!.scores).toEqual([
      { name: 'helpfulness', dataType: 'NUMERIC', count: 3, mean: 0.5 },
      { name: 'resolved', dataType: 'BOOLEAN', count: 1, mean: 1 },
    ]);
    expect((await memory.getUser('ben'))!.scores).toEqual(oracleUser(oracle, 'ben')!.scores);
    expect(oracleUser(oracle, 'ben')!.scores).toEqual([
      { name: 'helpfulness', dataType: 'NUMERIC', count: 1, mean: 0.5 },
      { name: 'resolved', dataType: 'BOOLEAN', count: 1, mean: 1 },
    ]);
    const rows = await memory.listScores({ userId: 'ana', pageSize: 100 });
    expect(rows.items).toEqual(oracleScores(oracle, 'ana'));
    expect(rows.items.filter((row) => row.traceId === null).map((row) => row.sessionId).sort()).toEqual(['s-ana', 's-shared', 's-shared']);
    expect(memory.ignored.scoresWithoutTrace).toBe(1);
  });

  it('on Langfuse, are read by session only with sessionScores: one request more, and then equal the oracle', async () => {
    const off = pair(dataset);
    expect(off.langfuse.capabilities.sessionScores).toBe(false);
    const without = await off.langfuse.getUser('ana');
    expect(without!.scores).toEqual([{ name: 'helpfulness', dataType: 'NUMERIC', count: 1, mean: 1 }]);
    expect(off.requests.filter((url) => url.searchParams.has('sessionId'))).toHaveLength(0);

    const on = pair(dataset, { client: { sessionScores: true } });
    expect(on.langfuse.capabilities.sessionScores).toBe(true);
    expect(roundCosts(await on.langfuse.getUser('ana'))).toEqual(roundCosts(oracleUser(oracle, 'ana')));
    // Langfuse labels a BOOLEAN score "True" / "False"; the rest of each row is the oracle's.
    const withoutLabel = (rows: { stringValue: string | null }[]) => rows.map((row) => ({ ...row, stringValue: null }));
    expect(withoutLabel((await on.langfuse.listScores({ userId: 'ana', pageSize: 100 })).items)).toEqual(withoutLabel(oracleScores(oracle, 'ana')));
    const bySession = on.requests.filter((url) => url.searchParams.has('sessionId'));
    expect(bySession.map(endpointOf)).toEqual(['/api/public/v3/scores']);
    expect(bySession[0]!.searchParams.get('sessionId')!.split(',').sort()).toEqual(['s-ana', 's-shared']);
    expect(on.requests).toHaveLength(off.requests.length + 1);
  });

  it('on Langfuse, fall back to the scores on traces where a scoped proxy refuses them, and are never declared on legacy endpoints', async () => {
    const scoped = pair(dataset, {
      client: { sessionScores: true },
      intercept: (url) => (url.searchParams.has('sessionId') ? Response.json({ message: 'Scores by session are not available to a user limited to some users or tags; ask by traceId.' }, { status: 403 }) : undefined),
    });
    expect((await scoped.langfuse.getUser('ana'))!.scores).toEqual([{ name: 'helpfulness', dataType: 'NUMERIC', count: 1, mean: 1 }]);
    const legacy = pair(dataset, { fake: { api: 'legacy' }, client: { api: 'legacy', sessionScores: true } });
    expect(legacy.langfuse.capabilities.sessionScores).toBe(false);
    // In auto mode the client learns it is on legacy endpoints from their answer, and says so from then on.
    const auto = pair(dataset, { fake: { api: 'legacy' }, client: { api: 'auto', sessionScores: true } });
    expect(auto.langfuse.capabilities.sessionScores).toBe(true);
    await auto.langfuse.listUsers({});
    expect(auto.langfuse.capabilities.sessionScores).toBe(false);
  });
});
