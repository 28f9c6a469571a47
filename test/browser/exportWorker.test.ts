import { describe, expect, it } from 'vitest';
import { isUserlensError, loadLangfuseExport, type LangfuseExportProgress } from '../../src/core.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { blobEnrichedObservations, blobScores, serialize } from '../export/langfuseExportWriter.ts';

const dataset = generateDemoDataset({ seed: 5, users: 60, end: '2026-11-01T00:00:00.000Z' });
const observations = serialize(blobEnrichedObservations(dataset), 'jsonl');
const scores = serialize(blobScores(dataset), 'csv');
const files = () => [new File([observations], 'observations_v2/2026-07-10T10-00-00.jsonl'), new File([scores], 'scores/2026-07-10T10-00-00.csv')];

/** The workers the page starts while `run` goes on, by script URL. */
async function workersStarted<T>(run: () => Promise<T>): Promise<{ result: T; started: string[] }> {
  const Original = window.Worker;
  const started: string[] = [];
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push(String(url));
    }
  };
  try {
    return { result: await run(), started };
  } finally {
    window.Worker = Original;
  }
}

const gzipped = (text: string) => new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();

describe('loadLangfuseExport in a browser — read in the package’s worker', () => {
  it('reads files in a worker, into the records a read on the page gives, with the same summary', async () => {
    const progress: LangfuseExportProgress[] = [];
    const { result: inWorker, started } = await workersStarted(() => loadLangfuseExport(files(), { onProgress: (p) => progress.push(p) }));
    expect(started).toHaveLength(1);
    expect(started[0]).toMatch(/exportWorker\.(ts|js)/);
    const onPage = await loadLangfuseExport(files(), { worker: false });
    expect(inWorker.dataset.observations!.length).toBe(dataset.observations.length);
    expect(inWorker.dataset.traces.length).toBe(dataset.traces.length);
    expect(inWorker).toEqual(onPage);
    // Progress came over from the worker: the last report has every row and every byte.
    expect(progress.at(-1)).toMatchObject({ rows: dataset.observations.length + dataset.scores.length, bytes: observations.length + scores.length, skipped: 0 });
  });

  it('reads a gzipped stream handed to the worker, and a fetch response', async () => {
    const blob = await gzipped(observations);
    const { result, started } = await workersStarted(() => loadLangfuseExport({ name: 'observations_v2/run.jsonl.gz', body: blob.stream() }));
    expect(started).toHaveLength(1);
    expect(result.dataset.observations!.length).toBe(dataset.observations.length);
    const fetched = await loadLangfuseExport(new Response(blob));
    expect(fetched.dataset.observations!.length).toBe(dataset.observations.length);
    await expect(loadLangfuseExport(new Response('nope', { status: 404 }))).rejects.toMatchObject({ code: 'network', status: 404 });
  });

  it('reports a malformed row from the worker as the page would: its file, line and field', async () => {
    const bad = `${observations.split('\n').slice(0, 3).join('\n')}\n{"id":"o-x","trace_id":"t-1","start_time":"yesterday","type":"SPAN"}\n`;
    const error = await loadLangfuseExport([new File([bad], 'observations_v2/run.jsonl')]).catch((e: unknown) => e);
    expect(isUserlensError(error) && error.code).toBe('invalid_dataset');
    expect((error as Error).message).toContain('observations_v2/run.jsonl, line 4');
    expect(error).toMatchObject({ field: 'start_time' });
    const skipped = await loadLangfuseExport([new File([bad], 'observations_v2/run.jsonl')], { invalidRows: 'skip' });
    expect(skipped).toMatchObject({ skipped: 1, errors: [{ file: 'observations_v2/run.jsonl', line: 4, field: 'start_time' }] });
    expect(skipped.dataset.observations).toHaveLength(3);
  });

  it('stops the worker on abort, and rejects with the signal’s reason', async () => {
    const big = new File([observations.repeat(20)], 'observations_v2/big.jsonl');
    const controller = new AbortController();
    const terminated: string[] = [];
    const Original = window.Worker;
    const load = loadLangfuseExport(big, {
      signal: controller.signal,
      worker: () => {
        const worker = new Original(new URL('../../src/client/export/exportWorker.ts', import.meta.url), { type: 'module' });
        const terminate = worker.terminate.bind(worker);
        worker.terminate = () => (terminated.push('terminated'), terminate());
        return worker;
      },
      onProgress: () => controller.abort(new DOMException('Enough', 'AbortError')),
    });
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: 'Enough' });
    expect(terminated).toEqual(['terminated']);
  });

  it('falls back to the page when the worker cannot start, unless it was handed a stream', async () => {
    const broken = () => new Worker('/no-such-worker.js', { type: 'module' });
    const loaded = await loadLangfuseExport(files(), { worker: broken });
    expect(loaded.dataset.observations!.length).toBe(dataset.observations.length);
    const stream = new Blob([observations]).stream();
    await expect(loadLangfuseExport({ name: 'observations_v2/run.jsonl', body: stream }, { worker: broken })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('worker: false'),
    });
  });
});
