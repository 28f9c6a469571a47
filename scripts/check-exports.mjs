// Checks the built package as a host would load it: every `exports` target exists, and the
// framework-free entries import in plain Node with React made unavailable.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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
if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM is present');
const client = core.createMemoryClient(testing.generateDemoDataset({ seed: 1, users: 20 }));
const page = await client.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 3 });
if (page.items.length !== 3) throw new Error('listUsers answered ' + JSON.stringify(page));
console.log('[userlens] userlens/core and userlens/testing import in plain Node without React: ' + page.total + ' demo users, top cost ' + core.createFormatters().cost(page.items[0].totalCost));
`;
const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(refuseReact)}`, '--input-type=module', '-e', probe], {
  stdio: 'inherit',
});
if (run.status !== 0) failed = true;
process.exit(failed ? 1 : 0);
