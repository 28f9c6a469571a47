// A benchmark page: scripts/bench/<name>/ built by Vite (React, minified) into .bench/<name>,
// served on loopback, and a headless Chromium to open it in. Shared by the UI and export benches.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { serveStatic } from '../staticServer.mjs';

/** Builds and serves the page, launches Chromium (with `extraArgs`); `close()` ends both. */
export async function openBenchPage(name, extraArgs = []) {
  const outDir = resolve(`.bench/${name}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve(`scripts/bench/${name}`),
    base: './',
    publicDir: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 10_000 },
  });
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium for the ${name} benchmark: run \`node scripts/ensure-chromium.mjs\` or set CHROMIUM_PATH.`);
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs] });
  return { origin: server.origin, browser, close: async () => (await browser.close(), server.close()) };
}
