// Builds the package into dist/: tsc emits one ESM module and one .d.ts per source module
// (so hosts tree-shake, and 'use client' stays at the top of each module that has it), keeping
// every dependency external; the stylesheet is minified by lightningcss (already Vite's CSS
// minifier), so its comments and layout cost hosts nothing. No targets: nothing is rewritten.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { transform } from 'lightningcss';

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const css = transform({ filename: 'userlens.css', code: readFileSync('src/styles/userlens.css'), minify: true });
mkdirSync('dist/styles', { recursive: true });
writeFileSync('dist/styles/userlens.css', css.code);
console.log('[userlens] built dist/');
