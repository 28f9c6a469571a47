/// <reference types="vite/client" />
// The UI benchmark page: mounts <UserList /> on 100k users from the memory client, sorts it by
// cost, and does the same with AG Grid Community on the same 100k rows, in the same page; and
// (runLoadBench, in a page of its own) loads ~1M observations with the list mounted.
import { QueryClient } from '@tanstack/react-query';
import { AllCommunityModule, ModuleRegistry, type ColDef, type GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { createRoot, type Root } from 'react-dom/client';
import { UserDetail, UserList, UserTrackingProvider, createLoadingMemoryClient, createMemoryClient, type UserSummary, type UserTrackingClient, type UsersQuery } from '../../../src/index.ts';
import { powerUser } from '../../../stories/detailData.ts';
import { generateDemoDataset } from '../../../src/testing/index.ts';
import '../../../src/styles/userlens.css';

ModuleRegistry.registerModules([AllCommunityModule]);

const stage = document.getElementById('stage')!;

/** Resolves once `done()` holds, checked on every DOM change below `root` (and once at the start). */
function when(label: string, root: HTMLElement, done: () => boolean, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (done()) return resolve(performance.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${label}: ${root.innerHTML.slice(0, 600)}`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!done()) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * When the frame after now has been painted: a task queued from its animation frame callback
 * runs after that frame's style, layout and paint. What a reader sees, where `when` stops at the
 * DOM change (before the browser has laid it out).
 */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

function fresh(): HTMLDivElement {
  stage.replaceChildren();
  const host = document.createElement('div');
  host.style.height = '700px';
  stage.append(host);
  return host;
}

export interface BenchResult {
  users: number;
  userList: { mount: number[]; sort: number[]; sortPainted: number[]; domRows: number; sortClient: number[] };
  agGrid: { mount: number[]; sort: number[]; sortPainted: number[]; domRows: number };
}

export interface DetailBenchResult {
  traces: number;
  /** Mount with data already cached, until the figures and the first trace rows show. */
  firstRender: number[];
  /** Mount with nothing cached: fetch included. */
  coldMount: number[];
  /** Click on a tab until its rows show (data cached after the first round). */
  tabSwitch: Record<'sessions' | 'scores' | 'traces', number[]>;
  domRows: number;
}

export interface LoadBenchResult {
  records: number;
  observations: number;
  /** From the client's creation until its index is built. */
  loadMs: number;
  /** Slices the build ran in (progress reports). */
  slices: number;
  /** Durations of the main thread's long tasks (> 50 ms) from the client's creation until the index is built. */
  longTasks: number[];
  /** The same from then until the first rows show (the first answer and its render). */
  firstRowsLongTasks: number[];
  /** From the index built until the list's first rows show. */
  firstRowsMs: number;
  /** The same index built at once (createMemoryClient), for comparison. */
  buildAtOnceMs: number;
}

declare global {
  interface Window {
    runBench: (runs: number) => Promise<BenchResult>;
    runDetailBench: (runs: number) => Promise<DetailBenchResult>;
    runLoadBench: () => Promise<LoadBenchResult>;
  }
}

/** The list on `client`, in a fresh host. */
function mountList(client: UserTrackingClient) {
  const host = fresh();
  const root = createRoot(host);
  root.render(
    <UserTrackingProvider client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} theme="light">
      <UserList defaultRange={{ preset: 'all' }} showDistribution={false} getUserHref={(id) => `#${encodeURIComponent(id)}`} />
    </UserTrackingProvider>,
  );
  const rowsShown = () => when('UserList rows', host, () => host.querySelector('tbody tr[data-part="user-list-row"]') !== null);
  return { root, rowsShown };
}

window.runLoadBench = async () => {
  // The list once on a few users first, as an app has run its views' code before it loads data:
  // the page's first render (React and the list compiled) is not the load's.
  const warm = mountList(createMemoryClient(generateDemoDataset({ seed: 2, users: 50, end: '2026-11-01T00:00:00.000Z' })));
  await warm.rowsShown();
  warm.root.unmount();
  // Generated before anything is measured: its seconds on the main thread are not the load's.
  const dataset = generateDemoDataset({ seed: 1, users: 20_000, traces: 250_000, payloads: false, end: '2026-11-01T00:00:00.000Z' });
  const records = dataset.traces.length + dataset.observations.length + dataset.scores.length;
  // The generation's garbage collected before the load (Chromium runs with --expose-gc here), so
  // that a full collection of it does not land inside the load's window by chance; then the load
  // with the list on screen.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  (globalThis as { gc?: () => void }).gc?.();
  // Its task ends before the load's window opens.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const longTasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  let slices = 0;
  const start = performance.now();
  const client = createLoadingMemoryClient(dataset, { id: 'load', onProgress: () => slices++ });
  const list = mountList(client);
  await client.ready;
  const loaded = performance.now();
  const rows = await list.rowsShown();
  // A long task is reported once it has ended: a frame later, every one of them is in.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  list.root.unmount();
  const t = performance.now();
  createMemoryClient(dataset);
  const buildAtOnceMs = performance.now() - t;
  return {
    records,
    observations: dataset.observations.length,
    loadMs: loaded - start,
    slices,
    // A task that started before the index was built is the load's; after, the first rows'.
    longTasks: longTasks.filter((task) => task.start < loaded).map((task) => task.duration),
    firstRowsLongTasks: longTasks.filter((task) => task.start >= loaded).map((task) => task.duration),
    firstRowsMs: rows - loaded,
    buildAtOnceMs,
  };
};

window.runDetailBench = async (runs: number) => {
  const userId = 'power.user@example.com';
  const client = createMemoryClient(powerUser(userId, 10_000), { id: 'power' });
  const result: DetailBenchResult = { traces: 10_000, firstRender: [], coldMount: [], tabSwitch: { sessions: [], scores: [], traces: [] }, domRows: 0 };
  const rowsShown = (host: HTMLElement) => host.querySelectorAll('[role="tabpanel"] tbody tr:not([aria-hidden])').length > 0;
  const figuresShown = (host: HTMLElement) => {
    const stat = host.querySelector('[data-part="user-detail-stat"] dd');
    return stat !== null && stat.querySelector('[data-part="skeleton"]') === null && stat.textContent === '10,000';
  };
  for (let run = 0; run < runs; run++) {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const mount = async () => {
      const host = fresh();
      const root = createRoot(host);
      const t = performance.now();
      root.render(
        <UserTrackingProvider client={client} queryClient={queryClient} theme="light">
          {/* All time, as the list below: the data ends at a fixed date, so a range relative to today would hold none of it. */}
          <UserDetail userId={userId} defaultRange={{ preset: 'all' }} />
        </UserTrackingProvider>,
      );
      const took = (await when('UserDetail figures and rows', host, () => figuresShown(host) && rowsShown(host))) - t;
      return { host, root, took };
    };
    // Cold: nothing cached. Then warm: the same data cached, so only rendering is timed.
    const cold = await mount();
    result.coldMount.push(cold.took);
    for (const tab of ['sessions', 'scores', 'traces'] as const) {
      const trigger = [...cold.host.querySelectorAll<HTMLElement>('[role="tab"]')].find((el) => el.textContent?.toLowerCase() === tab)!;
      trigger.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
      trigger.click();
      await when(`${tab} rows`, cold.host, () => trigger.getAttribute('aria-selected') === 'true' && rowsShown(cold.host));
    }
    cold.root.unmount();
    const warm = await mount();
    result.firstRender.push(warm.took);
    result.domRows = warm.host.querySelectorAll('tbody tr').length;
    for (const tab of ['sessions', 'scores', 'traces'] as const) {
      const trigger = [...warm.host.querySelectorAll<HTMLElement>('[role="tab"]')].find((el) => el.textContent?.toLowerCase() === tab)!;
      const t = performance.now();
      trigger.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
      trigger.click();
      result.tabSwitch[tab].push((await when(`${tab} rows`, warm.host, () => trigger.getAttribute('aria-selected') === 'true' && rowsShown(warm.host))) - t);
    }
    warm.root.unmount();
  }
  return result;
};

window.runBench = async (runs: number) => {
  const dataset = generateDemoDataset({ seed: 9, users: 100_000, traces: 150_000, days: 60, end: '2026-11-01T00:00:00.000Z', payloads: false });
  // AG Grid is a client-side grid: it gets every row up front (not timed), as a host would pass them.
  const rows = (await createMemoryClient(dataset, { maxPageSize: 100_000 }).listUsers({ pageSize: 100_000 })).items;
  const topByCost = [...rows].sort((a, b) => b.totalCost - a.totalCost || (a.userId < b.userId ? -1 : 1))[0]!.userId;
  const result: BenchResult = {
    users: rows.length,
    userList: { mount: [], sort: [], sortPainted: [], domRows: 0, sortClient: [] },
    agGrid: { mount: [], sort: [], sortPainted: [], domRows: 0 },
  };

  for (let run = 0; run < runs; run++) {
    // --- UserList: mount until the first data row shows, then sort by cost until the top user shows.
    // Each run's client has answered nothing yet (index built, not timed), so the mount sums every
    // user's figures; the sort may reuse them, as the same client would for a host. Its listUsers
    // calls are timed, to tell the client's share of the sort from the rendering's.
    const memory = createMemoryClient(dataset, { maxPageSize: 100_000 });
    const asked: { query: UsersQuery; ms: number }[] = [];
    const client: UserTrackingClient = {
      ...memory,
      listUsers: async (query, options) => {
        const start = performance.now();
        const page = await memory.listUsers(query, options);
        asked.push({ query, ms: performance.now() - start });
        return page;
      },
    };
    const host = fresh();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const root: Root = createRoot(host);
    let t = performance.now();
    root.render(
      <UserTrackingProvider client={client} queryClient={queryClient} theme="light">
        <UserList defaultRange={{ preset: 'all' }} showDistribution={false} getUserHref={(id) => `#${encodeURIComponent(id)}`} />
      </UserTrackingProvider>,
    );
    const firstUserId = () => host.querySelector('tbody tr[data-part="user-list-row"] [data-part="user-list-user-id-text"]')?.textContent;
    result.userList.mount.push((await when('UserList rows', host, () => firstUserId() !== undefined)) - t);
    result.userList.domRows = host.querySelectorAll('tbody tr').length;
    const costButton = [...host.querySelectorAll<HTMLButtonElement>('th button')].find((b) => b.textContent?.startsWith('Cost'))!;
    t = performance.now();
    costButton.click();
    result.userList.sort.push((await when('UserList sorted', host, () => firstUserId() === topByCost)) - t);
    result.userList.sortPainted.push((await afterNextPaint()) - t);
    result.userList.sortClient.push(asked.filter(({ query }) => query.sort?.field === 'totalCost').reduce((sum, { ms }) => sum + ms, 0));
    root.unmount();

    // --- AG Grid Community (React): the same rows and columns, sorted through its API.
    const gridHost = fresh();
    const gridRoot = createRoot(gridHost);
    let api: GridApi<UserSummary> | undefined;
    const columnDefs: ColDef<UserSummary>[] = [
      { field: 'userId', headerName: 'User ID', pinned: 'left' },
      { field: 'lastEvent', headerName: 'Last event', sort: 'desc' },
      { field: 'traceCount', headerName: 'Traces' },
      { field: 'totalTokens', headerName: 'Total tokens' },
      { field: 'totalCost', headerName: 'Cost' },
      { field: 'errorCount', headerName: 'Errors' },
      { field: 'latencyP95', headerName: 'Latency p95' },
    ];
    t = performance.now();
    gridRoot.render(
      <div style={{ height: 700 }}>
        <AgGridReact<UserSummary> rowData={rows} columnDefs={columnDefs} getRowId={(p) => p.data.userId} onGridReady={(e) => (api = e.api)} />
      </div>,
    );
    const gridFirst = () =>
      gridHost.querySelector('.ag-row[row-index="0"] [col-id="userId"]')?.textContent ?? undefined;
    result.agGrid.mount.push((await when('AG Grid rows', gridHost, () => gridFirst() !== undefined)) - t);
    result.agGrid.domRows = gridHost.querySelectorAll('.ag-row').length;
    // onGridReady may land after the first rows are painted; the sort is timed from when it can be asked.
    while (!api) await new Promise((done) => requestAnimationFrame(done));
    t = performance.now();
    api.applyColumnState({ state: [{ colId: 'totalCost', sort: 'desc' }], defaultState: { sort: null } });
    result.agGrid.sort.push((await when('AG Grid sorted', gridHost, () => gridFirst() === topByCost)) - t);
    result.agGrid.sortPainted.push((await afterNextPaint()) - t);
    gridRoot.unmount();
  }
  return result;
};
