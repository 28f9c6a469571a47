// Builds the UI benchmark page, opens it in headless Chromium and prints median mount and sort
// times of <UserList /> and of AG Grid Community on the same 100k users, with the ratios; then
// loads ~1M observations with <UserList /> on screen and prints the longest main-thread task.
import { openBenchPage } from './benchPage.mjs';
import { median, ms } from './stats.mjs';

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 5);
// --expose-gc: the load bench collects its generated dataset's garbage before it measures.
const { origin, browser, close } = await openBenchPage('ui', ['--js-flags=--expose-gc']);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('[page]', error.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  const result = await page.evaluate((runs) => window.runBench(runs), RUNS);
  const line = (name, values) => `${name}: median ${ms(median(values))} (${values.map((v) => v.toFixed(0)).join(', ')} ms)`;
  console.log(`\n== UserList vs AG Grid Community, ${result.users.toLocaleString('en-US')} users, headless Chromium, ${RUNS} runs`);
  console.log(line('UserList mount (first rows on screen)', result.userList.mount));
  console.log(line('AG Grid  mount (first rows on screen)', result.agGrid.mount));
  console.log(line('UserList sort by cost', result.userList.sort) + ' — target ≤ 50 ms');
  // The sort's split: the memory client's answer, and the rest (rendering, layout, the frame between).
  console.log(line('  of which the memory client (listUsers)', result.userList.sortClient));
  console.log(line('  of which rendering, layout and scheduling', result.userList.sort.map((ms, i) => ms - result.userList.sortClient[i])));
  console.log(line('AG Grid  sort by cost', result.agGrid.sort));
  // The same sorts until the sorted rows are painted (the frame after the DOM change).
  console.log(line('UserList sort by cost, until painted', result.userList.sortPainted));
  console.log(line('AG Grid  sort by cost, until painted', result.agGrid.sortPainted));
  console.log(`ratio mount UserList / AG Grid: ${(median(result.userList.mount) / median(result.agGrid.mount)).toFixed(2)}× — target ≤ 0.5×`);
  console.log(`ratio sort  UserList / AG Grid: ${(median(result.userList.sort) / median(result.agGrid.sort)).toFixed(2)}× — target ≤ 0.5×`);
  console.log(`ratio sort until painted  UserList / AG Grid: ${(median(result.userList.sortPainted) / median(result.agGrid.sortPainted)).toFixed(2)}×`);
  console.log(`DOM rows: UserList ${result.userList.domRows} (a page of 50), AG Grid ${result.agGrid.domRows} — target ≤ 100`);

  const detail = await page.evaluate((runs) => window.runDetailBench(runs), RUNS);
  console.log(`\n== UserDetail, power user with ${detail.traces.toLocaleString('en-US')} traces, headless Chromium, ${RUNS} runs`);
  console.log(line('first meaningful render, data cached (figures + first trace rows)', detail.firstRender) + ' — target ≤ 100 ms');
  console.log(line('mount with nothing cached (queries included)', detail.coldMount));
  for (const tab of ['sessions', 'scores', 'traces']) {
    console.log(line(`tab switch to ${tab}, data cached`, detail.tabSwitch[tab]) + ' — target ≤ 50 ms');
  }
  console.log(`DOM rows in the page: ${detail.domRows}`);

  // The load in a page of its own: its ~1M observations take the memory of one.
  // In a browser context of its own, so that a renderer process the benches above filled (and
  // whose collector may still be at work) is not the load's.
  const loadContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const loadPage = await loadContext.newPage();
  loadPage.on('pageerror', (error) => console.error('[page]', error.message));
  await loadPage.goto(`${origin}/index.html`);
  await loadPage.waitForFunction(() => typeof window.runLoadBench === 'function');
  const load = await loadPage.evaluate(() => window.runLoadBench());
  await loadContext.close();
  const longest = Math.max(0, ...load.longTasks);
  console.log(`\n== Loading ${load.observations.toLocaleString('en-US')} observations (${load.records.toLocaleString('en-US')} records) with UserList mounted, headless Chromium (loadMemoryClient's slices)`);
  console.log(
    `longest main-thread task while loading 1M observations: ${load.longTasks.length ? ms(longest) : '0 ms (none over 50 ms)'} — target ≤ 50 ms; ` +
      `long tasks (> 50 ms): ${load.longTasks.length}`,
  );
  console.log(`load wall time: ${ms(load.loadMs)} in ${load.slices} slices (the index built at once in this page: ${ms(load.buildAtOnceMs)} — target ≤ 0.6 s)`);
  console.log(
    `first rows after the load: ${ms(load.firstRowsMs)}` +
      (load.firstRowsLongTasks.length ? ` (the first answer and its render in one task of ${ms(Math.max(...load.firstRowsLongTasks))})` : ' (no task over 50 ms)'),
  );
} finally {
  await close();
}
