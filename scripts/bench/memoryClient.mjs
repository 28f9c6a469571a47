// The memory client on a dataset of ~1,000,000 observations (20k users, 250k traces):
// index build, listUsers sorted by cost, heap, a bare typed-array loop computing the same
// per-user sums, measured in the same run for the ratio, and the index built in slices
// (loadMemoryClient) with the longest the event loop waited meanwhile.
import { createMemoryClient, loadMemoryClient, observationCost, observationTokens } from '../../dist/core.js';
import { generateDemoDataset } from '../../dist/testing/index.js';
import { median, mb, ms, settle } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

let t = performance.now();
const dataset = generateDemoDataset({ seed: 1, users: 20_000, traces: 250_000, payloads: false, end: '2026-11-01T00:00:00.000Z' });
const generatedMs = performance.now() - t;
console.log('\n== Memory client');
console.log(
  `dataset: ${dataset.traces.length.toLocaleString('en-US')} traces, ${dataset.observations.length.toLocaleString('en-US')} observations, ` +
    `${dataset.scores.length.toLocaleString('en-US')} scores (generated in ${ms(generatedMs)})`,
);

// Index build: each run after a full collection, so a run does not pay for the previous one's garbage.
const buildTimes = [];
for (let i = 0; i < RUNS; i++) {
  settle();
  t = performance.now();
  createMemoryClient(dataset);
  buildTimes.push(performance.now() - t);
}
// Array buffers are freed after a collection, by a sweeper of their own: one turn of the event
// loop before reading, so the figure counts the index's arrays, not the builds' garbage.
const settled = async () => {
  settle();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return settle();
};
const heapBefore = await settled();
const client = createMemoryClient(dataset);
const heapAfter = await settled();
console.log(`users: ${client.userCount.toLocaleString('en-US')}`);
console.log(`index build (createMemoryClient, at once): median ${ms(median(buildTimes))} (min ${ms(Math.min(...buildTimes))}, max ${ms(Math.max(...buildTimes))}, ${RUNS} runs) — target ≤ 0.6 s`);
console.log(
  `memory held by the index: heap ${mb(heapAfter.heapUsed - heapBefore.heapUsed)}, typed arrays ${mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers)} ` +
    `(heap used in all, dataset included: ${mb(heapAfter.heapUsed)})`,
);

// listUsers sorted by cost, first page of 50. Each run asks for a different range end, so no
// run can be answered from anything an earlier run left behind.
const end = dataset.traces.reduce((max, trace) => Math.max(max, Date.parse(trace.timestamp)), 0) + 1;
const listTimes = [];
let page;
for (let i = 0; i < RUNS * 3; i++) {
  const range = { to: new Date(end + i * 1000).toISOString() };
  t = performance.now();
  page = await client.listUsers({ range, sort: { field: 'totalCost', direction: 'desc' }, pageSize: 50 });
  listTimes.push(performance.now() - t);
}
console.log(`listUsers (sort by cost, page of 50, all ${page.total.toLocaleString('en-US')} users): median ${ms(median(listTimes))}`);

// The bare loop: the same per-user sums (traces, observations, input/output/total tokens, cost,
// errors) straight from typed arrays prepared beforehand — the floor any index can approach.
const userOf = new Map();
const traceUser = new Map();
for (const trace of dataset.traces) {
  if (!userOf.has(trace.userId)) userOf.set(trace.userId, userOf.size);
  traceUser.set(trace.id, userOf.get(trace.userId));
}
const traceUserArray = Int32Array.from(dataset.traces, (trace) => userOf.get(trace.userId));
const n = dataset.observations.length;
const obsUser = new Int32Array(n);
const obsIn = new Float64Array(n);
const obsOut = new Float64Array(n);
const obsTotal = new Float64Array(n);
const obsCost = new Float64Array(n);
const obsError = new Uint8Array(n);
dataset.observations.forEach((o, i) => {
  obsUser[i] = traceUser.get(o.traceId);
  const tokens = observationTokens(o.usageDetails);
  obsIn[i] = tokens.input;
  obsOut[i] = tokens.output;
  obsTotal[i] = tokens.total;
  obsCost[i] = observationCost(o.totalCost, o.costDetails);
  obsError[i] = o.level === 'ERROR' ? 1 : 0;
});
const users = userOf.size;
const bareTimes = [];
let checksum = 0;
for (let r = 0; r < RUNS * 3; r++) {
  t = performance.now();
  const traces = new Float64Array(users);
  const observations = new Float64Array(users);
  const input = new Float64Array(users);
  const output = new Float64Array(users);
  const total = new Float64Array(users);
  const cost = new Float64Array(users);
  const errors = new Float64Array(users);
  for (let i = 0; i < traceUserArray.length; i++) traces[traceUserArray[i]]++;
  for (let i = 0; i < n; i++) {
    const u = obsUser[i];
    observations[u]++;
    input[u] += obsIn[i];
    output[u] += obsOut[i];
    total[u] += obsTotal[i];
    cost[u] += obsCost[i];
    errors[u] += obsError[i];
  }
  bareTimes.push(performance.now() - t);
  checksum += cost[0] + traces[0];
}
const ratio = median(listTimes) / median(bareTimes);
console.log(`bare typed-array loop (same per-user sums over ${n.toLocaleString('en-US')} observations): median ${ms(median(bareTimes))} (checksum ${checksum.toFixed(2)})`);
console.log(`ratio listUsers / bare loop: ${ratio.toFixed(2)}× — target ≤ 3×`);

// The same index in slices (loadMemoryClient). A slice's length is the longest the event loop
// waited: a probe queues itself again with setImmediate and keeps the longest gap between turns.
const sliced = [];
for (let i = 0; i < RUNS; i++) {
  settle();
  let longest = 0;
  let last = performance.now();
  let probing = true;
  const probe = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (probing) setImmediate(probe);
  };
  setImmediate(probe);
  t = performance.now();
  await loadMemoryClient(dataset);
  sliced.push({ took: performance.now() - t, longest });
  probing = false;
}
const slicedMedian = median(sliced.map((run) => run.took));
console.log(
  `index build in slices (loadMemoryClient): median ${ms(slicedMedian)} (${(slicedMedian / median(buildTimes)).toFixed(2)}× the build at once); ` +
    `longest slice (event loop held) ${ms(Math.max(...sliced.map((run) => run.longest)))} — target ≤ 50 ms`,
);
