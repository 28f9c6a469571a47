// `npm run screenshots [filter] [source]`: builds Storybook, then saves PNGs of every story (or
// those whose id contains `filter`) at 1280 and 390 px wide, light and dark, to screenshots/, for
// looking at what the stories show; with `langfuse` as the source, on the Langfuse client over
// MSW (files end in `--langfuse`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { serveStatic } from './staticServer.mjs';

// Several filters may be given, separated by commas.
const filters = (process.argv[2] ?? '').split(',');
const source = process.argv[3] === 'langfuse' ? 'langfuse' : 'memory';
const suffix = source === 'langfuse' ? '--langfuse' : '';
const built = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

const root = 'storybook-static';
const { origin, close } = await serveStatic(root);

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && filters.some((filter) => entry.id.includes(filter)));
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
// A desktop admin page and a phone, each light and dark.
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const THEMES = ['light', 'dark'];
mkdirSync('screenshots', { recursive: true });
for (const viewport of VIEWPORTS) {
  const page = await browser.newPage({ viewport });
  for (const story of stories) {
    for (const theme of THEMES) {
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story&globals=source:${source};theme:${theme}`);
      await page.waitForSelector('#storybook-root > *', { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(Number(process.env.SCREENSHOT_WAIT_MS ?? 1500));
      const path = `screenshots/${story.id}--${viewport.width}-${theme}${suffix}.png`;
      await page.screenshot({ path, fullPage: true });
      console.log(path);
    }
  }
  await page.close();
}
await browser.close();
close();
