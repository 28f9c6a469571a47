// Loading a Langfuse export: ~2M rows of enriched observations (observations_v2/) as one JSONL
// file, read by loadLangfuseExport, against a bare loop that reads the same file line by line
// and JSON.parses each line, in the same run. Each reader runs in a Node of its own so that its
// peak heap is its own; the peak is sampled every 20 ms and at each progress call.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { mb, ms } from './stats.mjs';

const mode = process.argv[2];
const file = process.argv[3];

/** The enriched row Langfuse writes for an observation (core, basic, time, io, metadata, model, usage, prompt, metrics, trace_context groups). */
function enrichedRow(o, t) {
  const time = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}000` : null);
  return {
    id: o.id, trace_id: o.traceId, project_id: 'proj-1', type: o.type, parent_observation_id: o.parentObservationId ?? '', start_time: time(o.startTime), end_time: time(o.endTime),
    name: o.name ?? '', level: o.level, status_message: o.statusMessage ?? '', version: '', environment: t.environment, bookmarked: false, public: false, user_id: t.userId ?? '', session_id: t.sessionId ?? '',
    completion_start_time: null, created_at: time(o.startTime), updated_at: time(o.startTime), input: '', output: '', metadata: {},
    provided_model_name: o.model ?? '', model_id: '', model_parameters: '', usage_details: o.usageDetails ?? {}, cost_details: o.costDetails ?? {}, total_cost: o.totalCost ?? 0,
    usage_pricing_tier_id: '', usage_pricing_tier_name: '', prompt_id: '', prompt_name: '', prompt_version: null, latency: null, time_to_first_token: null,
    trace_name: t.name ?? '', tags: t.tags ?? [], release: t.release ?? '', input_price: null, output_price: null, total_price: null,
  };
}

/** Samples the heap until stopped; the highest reading. */
function heapPeak() {
  let peak = process.memoryUsage().heapUsed;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 20);
  return { sample, stop: () => (clearInterval(timer), sample(), peak) };
}

if (mode === 'write') {
  const { generateDemoDataset } = await import('../../dist/testing/index.js');
  const dataset = generateDemoDataset({ seed: 4, users: 40_000, traces: 500_000, payloads: false, end: '2026-11-01T00:00:00.000Z' });
  const traces = new Map(dataset.traces.map((t) => [t.id, t]));
  const out = createWriteStream(file);
  let lines = [];
  for (const o of dataset.observations) {
    lines.push(JSON.stringify(enrichedRow(o, traces.get(o.traceId))));
    if (lines.length === 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await new Promise((resolve) => out.once('drain', resolve));
      lines = [];
    }
  }
  out.end(lines.length ? `${lines.join('\n')}\n` : '');
  await new Promise((resolve) => out.on('finish', resolve));
  console.log(JSON.stringify({ rows: dataset.observations.length }));
} else if (mode === 'bare') {
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  const peak = heapPeak();
  const t = performance.now();
  const rows = [];
  const decoder = new TextDecoder();
  let rest = '';
  for await (const bytes of createReadStream(file)) {
    const text = rest + decoder.decode(bytes, { stream: true });
    const lines = text.split('\n');
    rest = lines.pop();
    for (const line of lines) if (line) rows.push(JSON.parse(line));
    peak.sample();
  }
  if (rest) rows.push(JSON.parse(rest));
  const took = performance.now() - t;
  console.log(JSON.stringify({ rows: rows.length, ms: took, peak: peak.stop() - base }));
} else if (mode === 'load') {
  const { createMemoryClient, loadLangfuseExport } = await import('../../dist/core.js');
  globalThis.gc();
  const base = process.memoryUsage().heapUsed;
  const peak = heapPeak();
  const t = performance.now();
  const loaded = await loadLangfuseExport({ name: 'proj-1/observations_v2/2026-11-01T00-00-00.jsonl', body: Readable.toWeb(createReadStream(file)) }, { onProgress: peak.sample });
  const took = performance.now() - t;
  const loadPeak = peak.stop() - base;
  // The dataset as the memory client holds it: records and index, after a collection.
  const client = createMemoryClient(loaded.dataset);
  globalThis.gc();
  const indexed = process.memoryUsage().heapUsed - base + process.memoryUsage().arrayBuffers;
  console.log(JSON.stringify({ rows: loaded.files[0].rows, traces: loaded.dataset.traces.length, users: client.userCount, ms: took, peak: loadPeak, indexed }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'userlens-export-'));
  const path = join(dir, 'observations_v2.jsonl');
  const self = fileURLToPath(import.meta.url);
  const run = (step) => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', self, step, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`${step} failed`);
    return JSON.parse(child.stdout.trim().split('\n').pop());
  };
  try {
    const written = run('write');
    const bytes = statSync(path).size;
    const bare = run('bare');
    const load = run('load');
    console.log('\n== Loading a Langfuse export (loadLangfuseExport), Node');
    console.log(`file: ${written.rows.toLocaleString('en-US')} enriched observation rows as JSONL, ${mb(bytes)}`);
    console.log(`bare loop (read lines, JSON.parse each, keep the objects): ${ms(bare.ms)}, ${Math.round(bare.rows / (bare.ms / 1000)).toLocaleString('en-US')} rows/s, peak heap ${mb(bare.peak)}`);
    console.log(
      `loadLangfuseExport: ${ms(load.ms)}, ${Math.round(load.rows / (load.ms / 1000)).toLocaleString('en-US')} rows/s (${load.traces.toLocaleString('en-US')} traces made, ${load.users.toLocaleString('en-US')} users), peak heap ${mb(load.peak)}`,
    );
    console.log(`ratio load / bare loop: ${(load.ms / bare.ms).toFixed(2)}× — target ≤ 1.5×`);
    console.log(`peak heap while loading / the indexed dataset (${mb(load.indexed)}): ${(load.peak / load.indexed).toFixed(2)}× — target ≤ 2×`);

    const { loadInChromium } = await import('./exportPage.mjs');
    const page = await loadInChromium(path);
    // A long task that began before the list first showed the bar is the list's mount, not the load.
    const mount = page.longTasks.filter((_, i) => page.longTaskStarts[i] < page.barMs);
    const during = page.longTasks.filter((_, i) => page.longTaskStarts[i] >= page.barMs);
    const longest = Math.max(0, ...during);
    const seconds = page.firstRowsMs / 1000;
    console.log(`\n== The same file in headless Chromium: createExportClient, <UserList /> on screen (the page built by Vite from dist/)`);
    console.log(`workers started: ${page.workers.length} (${page.workers.map((url) => url.replace(/^.*\//, '')).join(', ') || 'none: read on the page'})`);
    console.log(`${page.rows.toLocaleString('en-US')} rows, ${page.users.toLocaleString('en-US')} users; ${page.reports} progress reports, the last while reading at ${mb(page.lastReading?.done ?? 0)} of ${mb(page.lastReading?.total ?? 0)}`);
    console.log(`read in the worker and received: ${ms(page.readMs)}; indexed: ${ms(page.readyMs)}; first rows on screen: ${ms(page.firstRowsMs)}`);
    console.log(
      `the list's mount (its bar shown at ${ms(page.barMs)}): ${mount.length ? `a task of ${ms(Math.max(...mount))}` : 'no task over 50 ms'}\n` +
        `longest main-thread task while reading and indexing, list mounted: ${during.length ? ms(longest) : '0 ms (none over 50 ms)'}; long tasks (> 50 ms): ${during.length}, ${ms(during.reduce((sum, t) => sum + t, 0))} in all; ` +
        `frames painted: ${page.frames} (${(page.frames / seconds).toFixed(1)} a second)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
