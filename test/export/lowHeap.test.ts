// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A file larger than the memory a process may use loads, because it is streamed: 200 MB of
 * enriched-observation JSON lines, read by a Node whose heap is capped at 64 MB, where reading the
 * same file whole (readFile, then JSON.parse line by line) runs out of memory. Each row carries a
 * 20 kB column the loader does not keep (as Langfuse's own unknown or unused columns), so the
 * records themselves fit in the cap and only the reading is put to the test.
 */
const HEAP_MB = 64;
const ROWS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'userlens-low-heap-'));
const file = join(dir, 'observations_v2.jsonl');
let loader = '';

function row(i: number) {
  const start = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
  const blob = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
  return {
    id: `obs-${i}`,
    trace_id: `trace-${Math.floor(i / 4)}`,
    project_id: 'proj-1',
    type: 'GENERATION',
    parent_observation_id: i % 4 === 0 ? '' : `obs-${i - (i % 4)}`,
    start_time: blob(start),
    end_time: blob(start),
    name: 'chat',
    level: 'DEFAULT',
    user_id: `user-${i % 97}`,
    session_id: '',
    trace_name: 'conversation',
    tags: [],
    environment: 'production',
    provided_model_name: 'gpt-4o',
    usage_details: { input: 100, output: 20, total: 120 },
    cost_details: { total: 0.001 },
    total_cost: 0.001,
    model_parameters: 'p'.repeat(20_000),
  };
}

beforeAll(async () => {
  const out = createWriteStream(file);
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`${JSON.stringify(row(i))}\n`)) await new Promise<void>((done) => out.once('drain', () => done()));
  }
  await new Promise<void>((done) => out.end(() => done()));
  // The loader as one module a plain Node can run (the tests import TypeScript sources).
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: { outDir: join(dir, 'lib'), minify: false, lib: { entry: resolve('src/client/loadLangfuseExport.ts'), formats: ['es'], fileName: 'loader' } },
  });
  loader = pathToFileURL(join(dir, 'lib/loader.js')).href;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCapped(script: string, ...args: string[]) {
  const path = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(path, script);
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, path, ...args], { encoding: 'utf8', timeout: 120_000 });
}

describe(`a ${ROWS.toLocaleString('en-US')}-row export of 200 MB, in a Node capped at ${HEAP_MB} MB of heap`, () => {
  it('is larger than the cap', () => {
    expect(statSync(file).size).toBeGreaterThan(200_000_000);
  });

  it('cannot be read whole: readFile, then JSON.parse line by line, runs out of memory', () => {
    const run = runCapped(`import { readFileSync } from 'node:fs';
const rows = readFileSync(process.argv[2], 'utf8').split('\\n').filter(Boolean).map((line) => JSON.parse(line));
console.log(rows.length);`, file);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/heap out of memory|Allocation failed/);
  }, 120_000);

  it('loads with loadLangfuseExport, streamed from disk, into every record', () => {
    const run = runCapped(`import { openAsBlob } from 'node:fs';
const { loadLangfuseExport } = await import(process.argv[2]);
const loaded = await loadLangfuseExport({ name: 'observations_v2/run.jsonl', body: await openAsBlob(process.argv[3]) });
const cost = loaded.dataset.observations.reduce((sum, o) => sum + o.totalCost, 0);
console.log(JSON.stringify({ observations: loaded.dataset.observations.length, traces: loaded.dataset.traces.length, users: new Set(loaded.dataset.traces.map((t) => t.userId)).size, cost, skipped: loaded.skipped }));`, loader, file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { observations: number; traces: number; users: number; cost: number; skipped: number };
    expect(result).toMatchObject({ observations: ROWS, traces: ROWS / 4, users: 97, skipped: 0 });
    expect(result.cost).toBeCloseTo(ROWS * 0.001, 6);
  }, 120_000);
});
