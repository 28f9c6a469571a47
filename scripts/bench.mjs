// `npm run bench`: builds the package, then measures it and prints figures (medians, ratios).
// Every figure comes from this one run on this machine; nothing is carried over from elsewhere.
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Each benchmark runs in a Node of its own with `gc` exposed, so one does not pay for another's garbage.
const benches = ['scripts/bench/memoryClient.mjs', 'scripts/bench/ui.mjs', 'scripts/bench/langfuseRequests.mjs', 'scripts/bench/exportLoad.mjs'];
for (const bench of benches) {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', bench], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
