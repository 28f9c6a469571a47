// Size budget: what an import costs a host, bundled and minified with the peers external, then
// gzipped. Fails when an entry exceeds its budget. The full `userlens` entry holds every view
// (TanStack Table and Virtual, Radix Popover, visx); a host that renders with its own design
// system imports only the provider and hooks, measured on its own line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/hooks-only.js', "export { UserTrackingProvider, useUsers, useUser, useUserActivity, userTrackingQueries } from '../dist/index.js';\n");

const BUDGETS = {
  // The memory client and its index, formatters, CSV, payload previews and date presets (13 kB),
  // plus the Langfuse client with its payload checks (valibot's until issue 10's hardening took
  // core to 24.4 kB; the package's own shape checks brought it to 22.6 kB).
  'userlens/core': { entry: 'dist/core.js', gzipKb: 24 },
  'userlens (provider + hooks)': { entry: '.bench/hooks-only.js', gzipKb: 6 },
  // Both views: UserList (TanStack Table and Virtual, Radix Popover, visx) and UserDetail
  // (Radix Tabs and Tooltip): 110 kB measured when they landed.
  // It re-exports userlens/core, so the Langfuse client counts here too (hosts tree-shake it).
  'userlens (every part)': { entry: 'dist/index.js', gzipKb: 130 },
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

let failed = false;
for (const [name, budget] of Object.entries(BUDGETS)) {
  let code;
  if (budget.file) {
    code = readFileSync(budget.file);
  } else {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: {
        write: false,
        minify: true,
        lib: { entry: budget.entry, formats: ['es'], fileName: 'entry' },
        rolldownOptions: { external: EXTERNAL },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
    code = outputs.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
  }
  const gzipKb = gzipSync(code).length / 1024;
  const ok = gzipKb <= budget.gzipKb;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(28)} ${gzipKb.toFixed(2).padStart(6)} kB gzip (budget ${budget.gzipKb} kB)`);
}
if (failed) {
  console.error('[userlens] Size budget exceeded. Find what grew (npm run build, then inspect dist/) or raise the budget with a reason.');
  process.exit(1);
}
