// Loads an export file in headless Chromium with createExportClient and <UserList /> on screen
// (scripts/bench/exportPage/): the page built by Vite from the built package, as a host builds
// it, so the export's worker is the one a host's bundle carries. Resolves to the page's figures.
import { openBenchPage } from './benchPage.mjs';

export async function loadInChromium(file) {
  const { origin, browser, close } = await openBenchPage('exportPage');
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error('[page]', error.message));
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => typeof window.runExportBench === 'function');
    await page.locator('#files').setInputFiles(file);
    return await page.evaluate(() => window.runExportBench());
  } finally {
    await close();
  }
}
