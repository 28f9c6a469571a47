// Builds the package into dist/: tsc emits one ESM module and one .d.ts per source module
// (so hosts tree-shake, and 'use client' stays at the top of each module that has it), keeping
// every dependency external; the stylesheet is copied as it is.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync('src/styles/userlens.css', 'dist/styles/userlens.css');
console.log('[userlens] built dist/');
