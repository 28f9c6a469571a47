// Checks the built package as a host would load it: every `exports` target exists, the
// framework-free entries (core, testing, server) import in plain Node with React made unavailable,
// and userlens/query (which needs @tanstack/react-query) loads no 'use client' module of ours and
// no react-dom, so a Server Component can prefetch with it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let failed = false;
for (const [entry, target] of Object.entries(pkg.exports)) {
  const files = typeof target === 'string' ? [target] : Object.values(target);
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`[userlens] exports["${entry}"] points at ${file}, which the build did not produce.`);
      failed = true;
    }
  }
}

// A resolve hook that refuses React, so an accidental import fails loudly.
const refuseReact = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
  export async function resolve(specifier, context, next) {
    if (/^(react|react-dom|@tanstack\\\\/react-query)(\\\\/|$)/.test(specifier)) {
      throw new Error('imported ' + specifier + ' from ' + context.parentURL);
    }
    return next(specifier, context);
  }\`));
`;
const probe = `
const core = await import('userlens/core');
const testing = await import('userlens/testing');
const { langfuseHandlers } = await import('userlens/testing/msw');
if (langfuseHandlers(testing.generateDemoDataset({ seed: 1, users: 2 })).length < 1) throw new Error('userlens/testing/msw gave no handler');
if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM is present');
const client = core.createMemoryClient(testing.generateDemoDataset({ seed: 1, users: 20 }));
const page = await client.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 3 });
if (page.items.length !== 3) throw new Error('listUsers answered ' + JSON.stringify(page));
console.log('[userlens] userlens/core and userlens/testing import in plain Node without React: ' + page.total + ' demo users, top cost ' + core.createFormatters().cost(page.items[0].totalCost));

const server = await import('userlens/server');
const seen = [];
const proxy = server.createLangfuseProxy({
  baseUrl: 'https://langfuse.example', publicKey: 'pk-lf-check', secretKey: 'sk-lf-check', basePath: '/api/userlens',
  fetch: async (request) => { seen.push(request.headers.get('authorization')); return Response.json({ data: [], meta: {} }); },
});
const refused = await proxy(new Request('http://host.example/api/userlens/api/public/v2/observations', { method: 'POST' }));
if (refused.status !== 405 || refused.headers.get('allow') !== 'GET') throw new Error('userlens/server answered a POST with ' + refused.status);
const served = await proxy(new Request('http://host.example/api/userlens/api/public/v2/observations?userId=u1'));
if (served.status !== 200 || seen.length !== 1 || !seen[0].startsWith('Basic ')) throw new Error('userlens/server did not proxy a GET: ' + served.status);
if (typeof server.toNodeListener !== 'function') throw new Error('userlens/server has no toNodeListener');
console.log('[userlens] userlens/server imports in plain Node without React: POST answered 405, GET proxied with Basic auth');
`;
const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(refuseReact)}`, '--input-type=module', '-e', probe], {
  stdio: 'inherit',
});
if (run.status !== 0) failed = true;

// Hooks for the userlens/query probe: react-dom cannot resolve, and a module of dist/ that starts
// with 'use client' (after any comments) fails to load.
const serverHooks = String.raw`
const dist = ${JSON.stringify(pathToFileURL(resolve('dist')).href + '/')};
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/;
export async function resolve(specifier, context, next) {
  if (/^react-dom(\/|$)/.test(specifier)) throw new Error('imported ' + specifier + ' from ' + context.parentURL);
  return next(specifier, context);
}
export async function load(url, context, next) {
  const result = await next(url, context);
  if (url.startsWith(dist) && result.source != null && USE_CLIENT.test(String(result.source))) {
    throw new Error('loaded ' + url + ", a 'use client' module");
  }
  return result;
}`;
const registerServerHooks = `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(serverHooks)}`)});`;
const serverProbe = `
const { userTrackingQueries, createMemoryClient } = await import('userlens/query');
const { QueryClient, dehydrate } = await import('@tanstack/react-query');
const { generateDemoDataset } = await import('userlens/testing');
const client = createMemoryClient(generateDemoDataset({ seed: 1, users: 20, end: '2026-11-01T00:00:00.000Z' }), { id: 'check' });
const queryClient = new QueryClient();
await queryClient.prefetchQuery(userTrackingQueries.users(client, { pageSize: 3 }));
const state = JSON.parse(JSON.stringify(dehydrate(queryClient)));
if (state.queries.length !== 1 || state.queries[0].state.data.items.length !== 3) throw new Error('userlens/query prefetched ' + JSON.stringify(state));
// The same hooks refuse the client entry, whose hooks and views are 'use client' modules.
const refused = await import('userlens').then(() => null, (error) => error);
if (!/use client|react-dom/.test(String(refused?.message))) throw new Error('the check let userlens through: ' + refused);
console.log('[userlens] userlens/query imports in plain Node with no client module and no react-dom: prefetched and dehydrated ' + state.queries[0].state.data.items.length + ' users');
`;
const serverRun = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(registerServerHooks)}`, '--input-type=module', '-e', serverProbe], {
  stdio: 'inherit',
});
if (serverRun.status !== 0) failed = true;
process.exit(failed ? 1 : 0);
