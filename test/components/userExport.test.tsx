import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { UserDetail, createMemoryClient, exportUser, type UserTrackingClient } from '../../src/index.ts';
import { createFixtures, generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 23, users: 10, end: END });
// Pages of 7 rows: every export below reads several.
const memory = createMemoryClient(dataset, { maxPageSize: 7 });
const userId = (await memory.listUsers({ sort: { field: 'traceCount', direction: 'desc' }, pageSize: 1 })).items[0]!.userId;
const all = async <T,>(list: (page: number) => Promise<{ items: T[]; hasMore: boolean }>) => {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const result = await list(page);
    rows.push(...result.items);
    if (!result.hasMore) return rows;
  }
};

describe('exportUser', () => {
  it('writes every trace, session and score of the user as JSON, page after page', async () => {
    const onProgress = vi.fn();
    const doc = JSON.parse(await exportUser(memory, { userId }, { format: 'json', onProgress }));
    const traces = await all((page) => memory.listTraces({ userId, page, pageSize: 7 }));
    const sessions = await all((page) => memory.listSessions({ userId, page, pageSize: 7 }));
    const scores = await all((page) => memory.listScores({ userId, page, pageSize: 7 }));
    expect(traces.length).toBeGreaterThan(14);
    expect(doc).toEqual(JSON.parse(JSON.stringify({ userId, range: {}, filters: {}, traces, sessions, scores })));
    expect(onProgress).toHaveBeenLastCalledWith({ done: traces.length + sessions.length + scores.length, total: traces.length + sessions.length + scores.length });
  });

  it('writes one table as CSV: field names as headers, payloads as JSON text, formulas guarded', async () => {
    const f = createFixtures('2026-10-01T00:00:00.000Z');
    f.trace({ userId: 'ana', name: '=HYPERLINK("https://evil.example","x")', input: { messages: [{ role: 'user', content: 'hi, "you"' }] } });
    f.score({ name: '+cmd', comment: '@SUM(1)' });
    const client = createMemoryClient(f.dataset());
    const traces = await exportUser(client, { userId: 'ana' }, { format: 'csv' });
    const [header, row] = traces.replace('\uFEFF', '').split('\r\n');
    expect(traces.startsWith('\uFEFF')).toBe(true);
    expect(header).toBe('id,timestamp,name,sessionId,environment,tags,level,latencyMs,observationCount,inputTokens,outputTokens,totalTokens,totalCost,scores,input,output');
    expect(row).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(row).toContain(`"{""messages"":[{""role"":""user"",""content"":""hi, \\""you\\""""}]}"`);
    const scores = await exportUser(client, { userId: 'ana' }, { format: 'csv', kinds: ['scores'] });
    expect(scores.split('\r\n')[0]).toBe('\uFEFFid,timestamp,name,dataType,value,stringValue,source,comment,traceId,sessionId,observationId');
    expect(scores.split('\r\n')[1]).toContain(`'+cmd`);
    expect(scores.split('\r\n')[1]).toContain(`'@SUM(1)`);
  });

  it('stops between pages when cancelled, even from a source that ignores the signal', async () => {
    const controller = new AbortController();
    const listTraces = vi.fn(async (query: Parameters<UserTrackingClient['listTraces']>[0]) => {
      const page = await memory.listTraces(query);
      controller.abort(new Error('cancelled'));
      return page;
    });
    const client = { ...memory, listTraces } as UserTrackingClient;
    await expect(exportUser(client, { userId }, { format: 'csv', signal: controller.signal })).rejects.toThrow('cancelled');
    expect(listTraces).toHaveBeenCalledTimes(1);
  });
});

describe('UserDetailExport', () => {
  it('exports the page’s user over its range and filters, and says how many rows', async () => {
    const onExport = vi.fn();
    const { UserDetailRoot, UserDetailExport } = await import('../../src/index.ts');
    const filters = { environments: ['production'] };
    renderWithProvider(
      <UserDetailRoot userId={userId} defaultFilters={filters}>
        <UserDetailExport onExport={onExport} />
      </UserDetailRoot>,
      { client: memory, defaultRange: { preset: 'all' } },
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export this user' }), 'Sessions (CSV)');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledOnce());
    const [csv, fileName] = onExport.mock.calls[0]!;
    expect(fileName).toBe(`user-${userId.replace(/[^\w.@-]+/g, '_')}-sessions.csv`);
    const sessions = await all((page) => memory.listSessions({ userId, filters, page, pageSize: 7 }));
    expect((csv as string).trim().split('\r\n')).toHaveLength(sessions.length + 1);
    expect(screen.getByRole('status')).toHaveTextContent(`Exported ${sessions.length} rows`);
  });

  it('sits in the user page’s header', async () => {
    renderWithProvider(<UserDetail userId={userId} />, { client: memory, defaultRange: { preset: 'all' } });
    expect(await screen.findByRole('combobox', { name: 'Export this user' })).toBeInTheDocument();
  });
});
