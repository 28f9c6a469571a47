// Size budget: what an import costs a host, bundled and minified with the peers external, then
// gzipped. Counted is what loads with the import (the entry chunk and the chunks it imports);
// chunks it loads on demand (the virtualiser, past 100 rows) are shown beside it, outside the
// budget. Fails when an entry exceeds its budget. Then a table of each part's own cost: what it
// adds to the provider and, for a part, to its root.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

mkdirSync('.bench', { recursive: true });

/** An entry module re-exporting `names` from the built package. */
function entryFor(file, names) {
  writeFileSync(file, `export { ${names.join(', ')} } from '../dist/index.js';\n`);
  return file;
}

const BUDGETS = {
  // The memory client and its index, formatters, CSV, payload previews and date presets (13 kB),
  // plus the Langfuse client with its payload checks (valibot's until issue 10's hardening took
  // core to 24.4 kB; the package's own shape checks brought it to 22.6 kB).
  'userlens/core': { entry: 'dist/core.js', gzipKb: 24 },
  // A host that renders with its own design system: the provider, hooks and query factories.
  'userlens (provider + hooks)': {
    entry: entryFor('.bench/hooks-only.js', ['UserTrackingProvider', 'useUsers', 'useUser', 'useUserActivity', 'userTrackingQueries']),
    gzipKb: 6,
  },
  // Both views as a host renders them: TanStack Table, the package's own tabs, charts and
  // popovers (93–103 kB with Radix Popover and Tooltip, floating-ui and visx; 57 kB without; 49.8
  // kB once the tabs were the package's own instead of Radix Tabs).
  'provider + UserList + UserDetail': {
    entry: entryFor('.bench/views.js', ['UserTrackingProvider', 'UserList', 'UserDetail']),
    gzipKb: 70,
  },
  // The list composed of its parts without the distribution chart (the table's sparklines stay):
  // root, toolbar with its popovers, table and pager.
  'provider + list parts, no charts': {
    entry: entryFor('.bench/list-parts.js', ['UserTrackingProvider', 'UserListRoot', 'UserListToolbar', 'UserListTable', 'UserListPagination']),
    gzipKb: 40,
  },
  // Every export at once, as a bundler that cannot tree-shake would take it. It re-exports
  // userlens/core, so the Langfuse client counts here too: 110 kB measured when the views landed,
  // 122.5 kB before the parts shed Radix Popover and Tooltip and visx, 76.9 kB after, 70.3 kB
  // once Radix Tabs went too.
  'userlens (every part)': { entry: 'dist/index.js', gzipKb: 80 },
  // What a server imports to prefetch: the query factories and both clients (no React).
  'userlens/query': { entry: 'dist/query.js', gzipKb: 24 },
  // Demo data and fixtures (5 kB), plus the fake Langfuse API with its metrics engine.
  'userlens/testing': { entry: 'dist/testing/index.js', gzipKb: 24 },
  'userlens/testing/msw': { entry: 'dist/testing/msw.js', gzipKb: 24 },
  // The proxy (server only): 9.1 kB when it landed with valibot, then the strict date parser, the
  // response byte cap, the refresh bypass, redaction, request and byte budgets; the package's own
  // shape checks in place of valibot (-1.66 kB).
  'userlens/server': { entry: 'dist/server/index.js', gzipKb: 11 },
  'userlens/styles.css': { file: 'dist/styles/userlens.css', gzipKb: 4 },
};
// Peers: the host has them already. msw is an optional peer of userlens/testing/msw.
const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^msw($|\/)/];

const kb = (code) => gzipSync(code).length / 1024;

/** Bundles `entry` as a host would; gzip kB of what loads with it, and of what loads on demand. */
async function measure(entry) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: EXTERNAL },
    },
  });
  const chunks = new Map(
    (Array.isArray(result) ? result : [result])
      .flatMap((r) => r.output)
      .filter((output) => output.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
  // The entry and, transitively, the chunks it imports statically (externals are not chunks).
  const initial = new Set([...chunks.values()].filter((chunk) => chunk.isEntry));
  for (const chunk of initial) for (const name of chunk.imports) if (chunks.has(name)) initial.add(chunks.get(name));
  const code = (list) => list.map((chunk) => chunk.code).join('\n');
  const onDemand = [...chunks.values()].filter((chunk) => !initial.has(chunk));
  return { gzipKb: kb(code([...initial])), onDemandKb: onDemand.length > 0 ? kb(code(onDemand)) : 0 };
}

const fixed = (n) => n.toFixed(2).padStart(6);

let failed = false;
for (const [name, budget] of Object.entries(BUDGETS)) {
  const { gzipKb, onDemandKb } = budget.file ? { gzipKb: kb(readFileSync(budget.file)), onDemandKb: 0 } : await measure(budget.entry);
  const ok = gzipKb <= budget.gzipKb;
  failed ||= !ok;
  const later = onDemandKb > 0 ? ` + ${onDemandKb.toFixed(2)} kB on demand` : '';
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(34)} ${fixed(gzipKb)} kB gzip (budget ${budget.gzipKb} kB)${later}`);
}

// Parts: the flat UserList* and UserDetail* value exports of the package's index.
const index = readFileSync('src/index.ts', 'utf8');
const parts = [...index.matchAll(/^export\s*\{([^}]*)\}\s*from/gm)]
  .flatMap((match) => match[1].split(','))
  .map((item) => item.trim())
  .filter((item) => item && !item.startsWith('type '))
  .map((item) => item.split(/\s+as\s+/).pop())
  .filter((name) => /^User(List|Detail)/.test(name));

// A part renders inside its root, so its own cost is what it adds to the provider and that root;
// a root's and a ready-made view's, what they add to the provider alone.
const provider = await measure(entryFor('.bench/part-provider.js', ['UserTrackingProvider']));
const roots = {
  UserList: await measure(entryFor('.bench/part-list-root.js', ['UserTrackingProvider', 'UserListRoot'])),
  UserDetail: await measure(entryFor('.bench/part-detail-root.js', ['UserTrackingProvider', 'UserDetailRoot'])),
};
console.log(`\nEach part's own cost, gzip: what it adds to the provider (${provider.gzipKb.toFixed(2)} kB) and, for a part, to its root`);
for (const part of parts) {
  const family = part.startsWith('UserList') ? 'UserList' : 'UserDetail';
  const inRoot = part !== family && part !== `${family}Root`;
  const base = inRoot ? roots[family] : provider;
  const { gzipKb, onDemandKb } = await measure(entryFor('.bench/part.js', inRoot ? ['UserTrackingProvider', `${family}Root`, part] : ['UserTrackingProvider', part]));
  const later = onDemandKb > base.onDemandKb ? ` + ${(onDemandKb - base.onDemandKb).toFixed(2)} kB on demand` : '';
  console.log(`     ${part.padEnd(34)} ${fixed(gzipKb - base.gzipKb)} kB${later}`);
}

if (failed) {
  console.error('[userlens] Size budget exceeded. Find what grew (npm run build, then inspect dist/ or the parts above) and take it out.');
  process.exit(1);
}
