// Requests per view on the Langfuse source: what the list and detail views ask of Langfuse (and,
// through createLangfuseProxy with a tenant scope, of Langfuse behind the proxy), for a typical,
// a heavy and the heaviest user of a generated dataset, on v4 and on legacy endpoints.
import { createLangfuseClient, createMemoryClient } from '../../dist/core.js';
import { createLangfuseProxy } from '../../dist/server/index.js';
import { createLangfuseFake, generateDemoDataset } from '../../dist/testing/index.js';
import { median, ms } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// A fixed end: the same dataset, and so the same users and request counts, on every run.
const END = '2026-11-01T00:00:00.000Z';
const dataset = generateDemoDataset({ seed: 1, users: 2_000, traces: 25_000, end: END });
const memory = createMemoryClient(dataset);
// The detail view's range: the last 7 days of the data.
const range = { from: new Date(Date.parse(END) - 7 * 86_400_000).toISOString(), to: END };
const byTraces = (await memory.listUsers({ range, sort: { field: 'traceCount', direction: 'desc' }, pageSize: 2_000 })).items.filter((u) => u.traceCount > 0);
const users = {
  'median user': byTraces[Math.floor(byTraces.length / 2)],
  'p90 user': byTraces[Math.floor(byTraces.length / 10)],
  'heaviest user': byTraces[0],
};

console.log('\n== Langfuse source: requests per view');
console.log(`dataset: ${dataset.traces.length.toLocaleString('en-US')} traces, ${dataset.observations.length.toLocaleString('en-US')} observations, ${byTraces.length.toLocaleString('en-US')} users`);

/** A client over the fake, directly or behind the proxy (its rate limit off: the bench counts requests); counts what reaches the fake. */
function source(api, viaProxy, scope = { environments: ['production', 'staging'] }) {
  const fake = createLangfuseFake(dataset, { api, ...(viaProxy ? { auth: { publicKey: 'pk-lf-bench', secretKey: 'sk-lf-bench' } } : {}) });
  const upstream = async (input, init) => fake(new Request(input, init));
  const proxy = viaProxy
    ? createLangfuseProxy({ baseUrl: 'https://langfuse.bench', basePath: '/api/userlens', publicKey: 'pk-lf-bench', secretKey: 'sk-lf-bench', fetch: upstream, cacheTtlMs: 0, rateLimit: false, scope: () => scope })
    : null;
  let browser = 0;
  const fetch = async (input, init) => {
    browser++;
    const request = new Request(input, init);
    return proxy ? proxy(request) : fake(request);
  };
  const client = createLangfuseClient({ baseUrl: 'https://host.bench/api/userlens', fetch, api });
  return {
    client,
    /** Requests the browser made and requests Langfuse received since the last call. */
    take() {
      const counts = { browser, langfuse: fake.requests.length };
      browser = 0;
      fake.reset();
      return counts;
    },
  };
}

async function listPage({ client }) {
  const page = await client.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 50 });
  await client.getUserFigures({ userIds: page.items.map((u) => u.userId) });
}

async function detailView({ client }, userId) {
  client.invalidate();
  // What UserDetail asks for when it opens on the traces tab; then the other two tabs.
  await Promise.all([client.getUser(userId, { range }), client.getActivity({ userId, range, granularity: 'auto' }), client.listTraces({ userId, range, pageSize: 25 })]);
  await client.listSessions({ userId, range, pageSize: 25 });
  await Promise.all([client.listScores({ userId, range, pageSize: 25 }), client.listScores({ userId, range, pageSize: 200 })]);
}

const rows = [];
async function measure(label, api, viaProxy, view, scope) {
  const s = source(api, viaProxy, scope);
  await view(s); // warm the fake's index
  s.take();
  const times = [];
  let counts;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await view(s);
    times.push(performance.now() - t);
    counts = s.take();
  }
  rows.push({ view: label, api: api + (viaProxy ? (scope?.userIds ? ' via proxy*' : ' via proxy') : ''), browser: counts.browser, langfuse: counts.langfuse, median: ms(median(times)) });
}

for (const api of ['v4', 'legacy']) {
  for (const viaProxy of [false, true]) {
    await measure('list page (50 users)', api, viaProxy, listPage);
    for (const [name, user] of Object.entries(users)) {
      await measure(`detail, ${name} (${user.traceCount.toLocaleString('en-US')} traces, ${user.observationCount.toLocaleString('en-US')} obs)`, api, viaProxy, (s) => detailView(s, user.userId));
    }
  }
}
// A tenant confined to named users: the proxy checks each scores request's trace ids upstream.
for (const [name, user] of Object.entries(users)) {
  await measure(`detail, ${name}`, 'v4', true, (s) => detailView(s, user.userId), { userIds: [user.userId] });
}

const widths = { view: 52, api: 16, browser: 9, langfuse: 9, median: 10 };
const line = (r) => `${r.view.padEnd(widths.view)} ${String(r.api).padEnd(widths.api)} ${String(r.browser).padStart(widths.browser)} ${String(r.langfuse).padStart(widths.langfuse)} ${String(r.median).padStart(widths.median)}`;
console.log(line({ view: 'view', api: 'endpoints', browser: 'browser', langfuse: 'Langfuse', median: 'median' }));
for (const row of rows) console.log(line(row));
console.log('browser: requests the client made; Langfuse: requests that reached Langfuse (behind the proxy: an environment scope, cache off;');
console.log('via proxy*: a scope of named user ids, which adds a trace-ownership check per scores request). Detail views over 7 days.');
console.log('median: wall time per view against the in-process fake (no network), so client and fake CPU only.');
const heaviest = (api) => rows.find((r) => r.api === api && r.view.startsWith('detail, heaviest user'));
console.log(
  `heaviest user's detail view on v4: ${heaviest('v4').langfuse} requests — target ≤ 5; ` +
    `behind a proxy scoped to users: ${heaviest('v4 via proxy*').langfuse} reach Langfuse — target ≤ 6`,
);
