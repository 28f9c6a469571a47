// Size budget: what each entry costs a host, bundled and minified with its peers external,
// then gzipped. Fails when an entry exceeds its budget.
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGETS_KB = {
  'userlens/core': { entry: 'dist/core.js', gzipKb: 11 },
  userlens: { entry: 'dist/index.js', gzipKb: 14 },
  'userlens/testing': { entry: 'dist/testing/index.js', gzipKb: 6 },
  'userlens/styles.css': { file: 'dist/styles/userlens.css', gzipKb: 3 },
};
const EXTERNAL = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/];

let failed = false;
for (const [name, budget] of Object.entries(BUDGETS_KB)) {
  let code;
  if (budget.file) {
    const { readFileSync } = await import('node:fs');
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
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(22)} ${gzipKb.toFixed(2).padStart(6)} kB gzip (budget ${budget.gzipKb} kB)`);
}
if (failed) {
  console.error('[userlens] Size budget exceeded. Find what grew (npm run build, then inspect dist/) or raise the budget with a reason.');
  process.exit(1);
}
