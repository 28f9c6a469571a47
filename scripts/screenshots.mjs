// `npm run screenshots [filter] [source]`: builds Storybook, then saves a PNG of every story (or
// those whose id contains `filter`) to screenshots/, for looking at what the stories show; with
// `langfuse` as the source, on the Langfuse client over MSW (files end in `--langfuse`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { serveStatic } from './staticServer.mjs';

const filter = process.argv[2] ?? '';
const source = process.argv[3] === 'langfuse' ? 'langfuse' : 'memory';
const suffix = source === 'langfuse' ? '--langfuse' : '';
const built = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

const root = 'storybook-static';
const { origin, close } = await serveStatic(root);

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(filter));
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
mkdirSync('screenshots', { recursive: true });
for (const story of stories) {
  await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story&globals=source:${source}`);
  await page.waitForSelector('#storybook-root > *', { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(Number(process.env.SCREENSHOT_WAIT_MS ?? 1500));
  await page.screenshot({ path: `screenshots/${story.id}${suffix}.png`, fullPage: true });
  console.log(`screenshots/${story.id}${suffix}.png`);
}
await browser.close();
close();
