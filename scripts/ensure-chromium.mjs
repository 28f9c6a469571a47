// Makes sure a Chromium is there for the browser tests: finds one, or installs Debian's
// package when running as root, or says exactly what to do.
//   node scripts/ensure-chromium.mjs            fail when none can be had
//   node scripts/ensure-chromium.mjs --optional  warn only (Storybook runs without it)
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const optional = process.argv.includes('--optional');
let path = findChromium();

if (!path && process.env.CHROMIUM_PATH) {
  finish(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but nothing is there. Point it at a Chromium or Chrome executable, or unset it.`);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!path && isRoot && hasApt && !optional) {
  console.log('[userlens] No Chromium found; installing Debian\'s chromium package for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', 'chromium'])) {
    path = findChromium();
  }
}

// The Chinese texts' layout is measured in the browser tests and seen in screenshots: without a
// CJK font each character is a box of some other width. Debian's Noto CJK, when we may install it.
const hasCjkFont = () => /\S/.test(spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '');
if (path && isRoot && hasApt && !optional && !hasCjkFont()) {
  console.log('[userlens] No Chinese font found; installing Debian\'s fonts-noto-cjk for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!install(['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk']) && !(install(['update', '-qq']) && install(['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk']))) {
    console.warn('[userlens] Could not install fonts-noto-cjk: Chinese text renders as boxes, and its layout is measured on them.');
  }
}

if (!path) {
  finish(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the command again.',
  );
}

function finish(message) {
  if (optional) {
    console.warn(`[userlens] ${message} Storybook itself does not need it.`);
    process.exit(0);
  }
  console.error(`[userlens] ${message}`);
  process.exit(1);
}
