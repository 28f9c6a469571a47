import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserList, createExportClient, createMemoryClient, type LoadProgress } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';
import { blobObservations, blobScores, blobTraces, serialize } from './langfuseExportWriter.ts';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 23, users: 30, end: END });
const memory = createMemoryClient(dataset);
const files = () => [
  { name: 'proj-1/traces/2026-07-10T10-00-00.jsonl', body: serialize(blobTraces(dataset), 'jsonl') },
  { name: 'proj-1/observations/2026-07-10T10-00-00.csv', body: serialize(blobObservations(dataset), 'csv') },
  { name: 'proj-1/scores/2026-07-10T10-00-00.json', body: serialize(blobScores(dataset), 'json') },
];
const byCost = { range: {}, sort: { field: 'totalCost', direction: 'desc' }, pageSize: 1000 } as const;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(END + 86_400_000);
});
afterEach(() => vi.useRealTimers());

describe('createExportClient', () => {
  it('reads an export, then indexes it, telling both; then answers as the memory client over the same records', async () => {
    const progress: LoadProgress[] = [];
    const client = createExportClient(files(), { onProgress: (p) => progress.push(p) });
    expect(client.loading.getSnapshot()).toMatchObject({ phase: 'reading', done: 0, rows: 0 });
    expect(await client.listUsers(byCost)).toEqual(await memory.listUsers(byCost));
    const someone = dataset.traces[0]!.userId!;
    expect(await client.getUser(someone, { range: {} })).toEqual(await memory.getUser(someone, { range: {} }));
    expect(client.loading.getSnapshot()).toBeNull();
    const reading = progress.filter((p) => p.phase === 'reading');
    const rows = dataset.traces.length + dataset.observations.length + dataset.scores.length;
    expect(reading.at(-1)).toMatchObject({ rows, skipped: 0, total: files().reduce((sum, f) => sum + f.body.length, 0) });
    expect(reading.at(-1)!.done).toBe(reading.at(-1)!.total);
    // Reading first, indexing after; the last report is the index's end.
    expect(progress.findIndex((p) => p.phase !== 'reading')).toBe(reading.length);
    expect(progress.at(-1)).toMatchObject({ phase: 'index' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    const read = await client.read;
    expect(read.files.map(({ table, rows }) => [table, rows])).toEqual([
      ['traces', dataset.traces.length],
      ['observations', dataset.observations.length],
      ['scores', dataset.scores.length],
    ]);
    expect(read).not.toHaveProperty('dataset');
  });

  it('leaves malformed rows out with invalidRows: skip, and says which', async () => {
    const [traces, ...rest] = files();
    const client = createExportClient([{ ...traces!, body: `${traces!.body}{"id":"t-bad","timestamp":"soon"}\n` }, ...rest], { invalidRows: 'skip' });
    expect(await client.listUsers(byCost)).toEqual(await memory.listUsers(byCost));
    expect(await client.read).toMatchObject({ skipped: 1, errors: [{ file: traces!.name, line: dataset.traces.length + 1, field: 'timestamp' }] });
  });

  it('fails its calls, and `read`, with the row at fault when a row is malformed', async () => {
    const client = createExportClient([{ name: 'traces/run.jsonl', body: '{"id":"t-bad","timestamp":"soon"}\n' }]);
    await expect(client.listUsers(byCost)).rejects.toMatchObject({ code: 'invalid_dataset', where: 'traces/run.jsonl, line 1', field: 'timestamp' });
    await expect(client.read).rejects.toMatchObject({ code: 'invalid_dataset' });
    await expect(client.ready).rejects.toMatchObject({ code: 'invalid_dataset' });
    expect(client.loading.getSnapshot()).toBeNull();
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const client = createExportClient(files(), { signal: controller.signal });
    controller.abort(new DOMException('Closed', 'AbortError'));
    await expect(client.ready).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('feeds the views: the list shows the export’s users once read', async () => {
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, { client: createExportClient(files(), { id: 'export' }) });
    const page = await memory.listUsers({ range: {}, sort: { field: 'lastEvent', direction: 'desc' }, pageSize: 50 });
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(page.items.length + 1));
    expect(within(grid).getAllByRole('row')[1]).toHaveTextContent(page.items[0]!.userId);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
