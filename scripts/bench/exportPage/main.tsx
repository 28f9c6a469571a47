/// <reference types="vite/client" />
// The export load bench's page: an export picked in a file input, loaded by createExportClient
// from the built package (so its worker is bundled as a host's Vite bundles it), with <UserList />
// mounted. Measures the main thread's long tasks and frames while it reads and indexes.
import { createRoot } from 'react-dom/client';
import { UserList, UserTrackingProvider, createExportClient, type LoadProgress } from '../../../dist/index.js';
import '../../../dist/styles/userlens.css';

declare global {
  interface Window {
    runExportBench(): Promise<ExportBenchResult>;
  }
}

export interface ExportBenchResult {
  workers: string[];
  readMs: number;
  readyMs: number;
  firstRowsMs: number;
  longTasks: number[];
  /** When each long task started, ms after the load began. */
  longTaskStarts: number[];
  /** When the list first showed the load's bar (its mount done), ms after the load began. */
  barMs: number;
  frames: number;
  reports: number;
  lastReading: LoadProgress | null;
  rows: number;
  users: number | null;
}

window.runExportBench = async () => {
  const files = [...(document.getElementById('files') as HTMLInputElement).files!];
  const workers: string[] = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workers.push(String(url));
    }
  };
  const start = performance.now();
  const longTasks: number[] = [];
  const longTaskStarts: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (longTasks.push(entry.duration), longTaskStarts.push(entry.startTime - start))));
  observer.observe({ type: 'longtask' });
  let frames = 0;
  let counting = true;
  const frame = () => {
    frames++;
    if (counting) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  let readMs = 0;
  let reports = 0;
  let lastReading = null as LoadProgress | null;
  const client = createExportClient(files, {
    id: 'export-bench',
    onProgress: (progress) => {
      reports++;
      if (progress.phase === 'reading') lastReading = progress;
      else if (!readMs) readMs = performance.now() - start;
    },
  });
  const stage = document.getElementById('stage')!;
  createRoot(stage).render(
    <UserTrackingProvider client={client}>
      <UserList defaultRange={{ preset: 'all' }} showDistribution={false} />
    </UserTrackingProvider>,
  );
  // The list's first render (its skeleton and the load's bar): its long task is the mount's.
  await new Promise<void>((resolve) => {
    const check = () => (stage.querySelector('progress') ? resolve() : requestAnimationFrame(check));
    check();
  });
  const barMs = performance.now() - start;
  await client.ready;
  const readyMs = performance.now() - start;
  await new Promise<void>((resolve) => {
    const check = () => (stage.querySelector('[data-part="user-list-row"]') && !stage.querySelector('progress') ? resolve() : requestAnimationFrame(check));
    check();
  });
  const firstRowsMs = performance.now() - start;
  counting = false;
  observer.disconnect();
  window.Worker = Original;
  const read = await client.read;
  const users = (await client.listUsers({ range: {}, pageSize: 1 })).total;
  return { workers, barMs, readMs, readyMs, firstRowsMs, longTasks, longTaskStarts, frames, reports, lastReading, rows: read.files.reduce((sum, file) => sum + file.rows, 0), users };
};
