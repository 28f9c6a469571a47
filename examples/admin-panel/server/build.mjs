// Builds what the example serves: the package (when dist/ is missing or older than src/), then
// the app with Vite. The app imports `userlens` by its name, which resolves through the
// package's `exports` to dist/ — the files a host installs, not the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const APP_DIR = join(EXAMPLE_DIR, 'dist');
const REPO = resolve(EXAMPLE_DIR, '../..');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export async function buildExample({ quiet = false } = {}) {
  const built = join(REPO, 'dist/index.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newest(join(REPO, 'src'))) {
    if (!quiet) console.log('[example] building the package (dist/ is missing or older than src/)…');
    const run = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: quiet ? 'pipe' : 'inherit' });
    if (run.status !== 0) throw new Error(`building the package failed:\n${run.stderr ?? ''}`);
  }
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  // A production build whoever starts it: under the tests NODE_ENV is `test`, which Vite would
  // follow into React's development build (StrictMode's double effects, their aborted requests).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildApp(build, react, quiet);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return APP_DIR;
}

function buildApp(build, react, quiet) {
  return build({
    configFile: false,
    root: EXAMPLE_DIR,
    publicDir: false,
    logLevel: quiet ? 'error' : 'warn',
    plugins: [react()],
    mode: 'production',
    build: { outDir: APP_DIR, emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  });
}
