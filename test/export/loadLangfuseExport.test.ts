import { describe, expect, it } from 'vitest';
import { createMemoryClient, loadLangfuseExport, type Dataset, type LangfuseExportFile } from '../../src/core.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { gzipSync } from 'node:zlib';
import { blobEnrichedObservations, blobObservations, blobScores, blobTraces, manifest, serialize, uiObservations, uiScores, uiTraces } from './langfuseExportWriter.ts';

const END = '2026-11-01T00:00:00.000Z';
const dataset = generateDemoDataset({ seed: 11, users: 40, end: END });

/**
 * Every figure of every user, and of a few users' pages, as the memory client gives them.
 * `traceIo: false` leaves out the traces' input and output, which exports that make traces from
 * observation rows (enriched observations, the UI's observations table) do not carry.
 */
async function figures(d: Dataset, { traceIo = true } = {}) {
  const client = createMemoryClient(d);
  const users = await client.listUsers({ range: {}, pageSize: 1000, sort: { field: 'userId', direction: 'asc' } });
  const some = users.items.filter((_, i) => i % 9 === 0).map((user) => user.userId);
  const pages = await Promise.all(
    some.map(async (userId) => ({
      user: await client.getUser(userId, { range: {} }),
      traces: await client.listTraces({ userId, range: {}, pageSize: 1000 }),
      sessions: await client.listSessions({ userId, range: {}, pageSize: 1000 }),
      scores: await client.listScores({ userId, range: {}, pageSize: 1000 }),
    })),
  );
  const rows = (items: Awaited<ReturnType<typeof client.listTraces>>['items']) => (traceIo ? items : items.map((row) => ({ ...row, input: undefined, output: undefined })));
  return { users: users.items, pages: pages.map(({ user, traces, sessions, scores }) => ({ user, sessions, scores, traces: rows(traces.items) })) };
}

const oracle = figures(dataset);
const oracleWithoutTraceIo = figures(dataset, { traceIo: false });
type FileType = 'json' | 'jsonl' | 'csv';
const STEM = '2026-07-10T10-00-00';

function file(table: string, rows: Record<string, unknown>[], type: FileType, gzipped: boolean): LangfuseExportFile & { rows: number; table: string; type: FileType; gzipped: boolean } {
  const text = serialize(rows, type);
  return { name: `proj-1/${table}/${STEM}.${type}${gzipped ? '.gz' : ''}`, body: gzipped ? new Uint8Array(gzipSync(text)) : text, rows: rows.length, table, type, gzipped };
}

describe('loadLangfuseExport — a blob-storage run loads into the same figures as the records it was written from', () => {
  for (const type of ['jsonl', 'json', 'csv'] as const) {
    for (const gzipped of [false, true]) {
      it(`traces/ + observations/ + scores/ (legacy), ${type}${gzipped ? '.gz' : ''}`, async () => {
        const files = [file('traces', blobTraces(dataset, { legacyDigits: 3 }), type, gzipped), file('observations', blobObservations(dataset), type, gzipped), file('scores', blobScores(dataset), type, gzipped)];
        const loaded = await loadLangfuseExport(files);
        expect(loaded.skipped).toBe(0);
        expect(loaded.files.map(({ table, rows }) => [table, rows])).toEqual(files.map((f) => [f.table, f.rows]));
        expect(await figures(loaded.dataset)).toEqual(await oracle);
      });

      it(`observations_v2/ (enriched) + scores/, ${type}${gzipped ? '.gz' : ''}`, async () => {
        const files = [file('observations_v2', blobEnrichedObservations(dataset), type, gzipped), file('scores', blobScores(dataset), type, gzipped)];
        const loaded = await loadLangfuseExport(files);
        expect(loaded.skipped).toBe(0);
        expect(await figures(loaded.dataset, { traceIo: false })).toEqual(await oracleWithoutTraceIo);
      });
    }
  }

  it('reads only the files a run’s manifest lists, and checks their row counts', async () => {
    const traces = file('traces', blobTraces(dataset), 'jsonl', true);
    const observations = file('observations', blobObservations(dataset), 'jsonl', true);
    const scores = file('scores', blobScores(dataset), 'jsonl', true);
    const entry = (f: typeof traces) => ({ key: f.name, table: f.table, type: f.type, gzipped: f.gzipped, rows: f.rows, bytes: (f.body as Uint8Array).byteLength });
    const run = manifest(STEM, [traces, observations, scores].map(entry), 'TRACES_OBSERVATIONS');
    // A file of a run still being written (no manifest lists it) is left out.
    const unfinished = file('traces', blobTraces({ traces: [{ id: 'late', timestamp: END, userId: 'late-user' }] }), 'jsonl', false);
    unfinished.name = 'proj-1/traces/2026-07-10T11-00-00.jsonl';
    const loaded = await loadLangfuseExport([{ name: `proj-1/manifests/${STEM}.json`, body: run }, traces, observations, scores, unfinished]);
    expect(loaded.files.map((f) => f.name)).toEqual([traces.name, observations.name, scores.name]);
    expect(await figures(loaded.dataset)).toEqual(await oracle);

    // A file cut short no longer matches its manifest's count.
    const short = file('scores', blobScores(dataset).slice(0, -3), 'jsonl', true);
    short.name = scores.name;
    await expect(loadLangfuseExport([{ name: `proj-1/manifests/${STEM}.json`, body: run }, traces, observations, short])).rejects.toThrow(
      new RegExp(`${scores.name.replaceAll('.', '\\.')}: Its run's manifest lists ${scores.rows} rows; the file holds ${scores.rows - 3}`),
    );
  });
});

describe('loadLangfuseExport — UI exports and API JSON', () => {
  // The observations table carries each row's trace (name, tags, time, user) but not its session.
  const withoutSessions = figures({ ...dataset, traces: dataset.traces.map((trace) => ({ ...trace, sessionId: null })) }, { traceIo: false });

  for (const type of ['jsonl', 'json', 'csv'] as const) {
    it(`the UI's observations table with its traces' context, and the scores table, as ${type}: every figure but sessions`, async () => {
      const loaded = await loadLangfuseExport([
        { name: `1720605600000-lf-observations-export-proj-1.${type}`, body: serialize(uiObservations(dataset), type) },
        { name: `1720605600000-lf-scores-export-proj-1.${type}`, body: serialize(uiScores(dataset), type) },
      ]);
      expect(loaded.skipped).toBe(0);
      expect(await figures(loaded.dataset, { traceIo: false })).toEqual(await withoutSessions);
    });

    it(`the UI's traces table (score columns ignored) with observations and scores, as ${type}`, async () => {
      const loaded = await loadLangfuseExport([
        { name: `1720605600000-lf-traces-export-proj-1.${type}`, body: serialize(uiTraces(dataset), type) },
        { name: `1720605600000-lf-observations-export-proj-1.${type}`, body: serialize(uiObservations(dataset), type) },
        { name: `1720605600000-lf-scores-export-proj-1.${type}`, body: serialize(uiScores(dataset), type) },
      ]);
      expect(await figures(loaded.dataset)).toEqual(await oracle);
    });
  }

  it('reads the API’s shapes as they are: pages of traces, observations and scores, and a dataset object', async () => {
    const pages = await loadLangfuseExport([
      { name: 'traces.json', body: JSON.stringify({ data: dataset.traces, meta: { page: 1 } }) },
      { name: 'observations.json', body: JSON.stringify({ data: dataset.observations }) },
      { name: 'scores.json', body: JSON.stringify({ data: dataset.scores }) },
    ]);
    expect(await figures(pages.dataset)).toEqual(await oracle);
    const whole = await loadLangfuseExport(JSON.parse(JSON.stringify(dataset)) as Record<string, unknown>);
    expect(await figures(whole.dataset)).toEqual(await oracle);
  });
});
