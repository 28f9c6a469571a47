// Loads an export file in headless Chromium with createExportClient and <UserList /> on screen
// (scripts/bench/exportPage/): the page built by Vite from the built package, as a host builds
// it, so the export's worker is the one a host's bundle carries. Resolves to the page's figures.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { serveStatic } from '../staticServer.mjs';

export async function loadInChromium(file) {
  const outDir = resolve('.bench/export-page');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve('scripts/bench/exportPage'),
    base: './',
    publicDir: false,
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 10_000 },
  });
  const { origin, close } = await serveStatic(outDir);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium for the export page bench: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error('[page]', error.message));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => typeof window.runExportBench === 'function');
    await page.locator('#files').setInputFiles(file);
    return await page.evaluate(() => window.runExportBench());
  } finally {
    await browser.close();
    close();
  }
}
