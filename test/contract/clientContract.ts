import { beforeAll, describe, expect, it } from 'vitest';
import { UserlensError, createMemoryClient, type Dataset, type UserTrackingClient } from '../../src/core.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';

const END = '2026-11-01T00:00:00.000Z';
const WEEK = { from: '2026-10-25T00:00:00.000Z', to: END };

/**
 * The client contract, for any client built over a dataset: every read answers as the memory
 * client over the same records does (whose figures the figure tests hold to the definitions),
 * an unknown user is `null`, a bad query is refused with `invalid_query` and its field, and an
 * abort rejects with the signal's reason.
 */
export function clientContract(name: string, make: (dataset: Dataset) => Promise<UserTrackingClient> | UserTrackingClient): void {
  describe(`the client contract — ${name}`, () => {
    const dataset = generateDemoDataset({ seed: 13, users: 30, end: END });
    const reference = createMemoryClient(dataset, { id: 'reference' });
    let client: UserTrackingClient;
    let userIds: string[];
    beforeAll(async () => {
      client = await make(dataset);
      userIds = (await reference.listUsers({ range: {}, pageSize: 100, sort: { field: 'totalCost', direction: 'desc' } })).items.map((user) => user.userId);
    });

    it('has the capabilities of the client it reads', () => {
      expect(client.capabilities).toEqual(reference.capabilities);
    });

    it('lists users as the reference does: sorts, pages, search, filters, bands, a list of ids', async () => {
      const queries = [
        {},
        { range: {}, sort: { field: 'totalCost', direction: 'desc' }, pageSize: 7, page: 2 },
        { range: WEEK, sort: { field: 'userId', direction: 'asc' }, search: 'a' },
        { range: {}, filters: { environments: ['production'], tags: ['chat'] } },
        { range: {}, bands: [{ field: 'traceCount', gte: 5 }] },
        { range: {}, userIds: userIds.slice(0, 3) },
      ] as const;
      for (const query of queries) expect(await client.listUsers(query)).toEqual(await reference.listUsers(query));
    });

    it('answers a user’s page as the reference does: stats, traces, sessions, scores, activity, a trace’s steps', async () => {
      for (const userId of [userIds[0]!, userIds[userIds.length - 1]!]) {
        expect(await client.getUser(userId, { range: WEEK })).toEqual(await reference.getUser(userId, { range: WEEK }));
        for (const method of ['listTraces', 'listSessions', 'listScores'] as const) {
          const query = { userId, range: {}, pageSize: 5, page: 2 };
          expect(await client[method](query)).toEqual(await reference[method](query));
        }
        const activity = { userId, range: WEEK, granularity: 'day' as const, timeZone: 'Pacific/Chatham' };
        expect(await client.getActivity(activity)).toEqual(await reference.getActivity(activity));
        const trace = (await reference.listTraces({ userId, range: {}, pageSize: 1 })).items[0]!;
        expect(await client.listObservations!({ userId, traceId: trace.id, range: {} })).toEqual(await reference.listObservations!({ userId, traceId: trace.id, range: {} }));
      }
    });

    it('answers the views over all users as the reference does', async () => {
      const selection = { userIds: userIds.slice(0, 5), range: WEEK };
      expect(await client.getUserFigures!(selection)).toEqual(await reference.getUserFigures!(selection));
      expect(await client.getTrends!({ ...selection, timeZone: 'UTC' })).toEqual(await reference.getTrends!({ ...selection, timeZone: 'UTC' }));
      expect(await client.getDistribution!({ field: 'totalCost', range: {}, scale: 'log' })).toEqual(await reference.getDistribution!({ field: 'totalCost', range: {}, scale: 'log' }));
      expect(await client.getSegments!({ dimension: 'environment', range: {} })).toEqual(await reference.getSegments!({ dimension: 'environment', range: {} }));
      expect(await client.getOverview!({ range: WEEK })).toEqual(await reference.getOverview!({ range: WEEK }));
      expect(await client.getFilterOptions!({ range: {} })).toEqual(await reference.getFilterOptions!({ range: {} }));
    });

    it('answers null for a user the source has never seen', async () => {
      expect(await client.getUser('nobody-at-all', {})).toBeNull();
    });

    it('refuses a bad query as the reference does: invalid_query, naming the field', async () => {
      const bad = { pageSize: 0 };
      const refusal = (asked: Promise<unknown>) => asked.then(() => null, (error: unknown) => error as UserlensError);
      const expected = (await refusal(reference.listUsers(bad)))!;
      const got = (await refusal(client.listUsers(bad)))!;
      expect(expected).toBeInstanceOf(UserlensError);
      expect(got).toBeInstanceOf(UserlensError);
      expect({ code: got.code, field: got.field, message: got.message }).toEqual({ code: expected.code, field: expected.field, message: expected.message });
    });

    it('rejects with the signal’s reason when aborted', async () => {
      const controller = new AbortController();
      const reason = new Error('the reader left');
      const asked = client.listUsers({ range: {} }, { signal: controller.signal });
      controller.abort(reason);
      await expect(asked).rejects.toBe(reason);
    });
  });
}
