// Checks the package as it is published, from the tarball `npm pack` makes of the built dist/
// (run `npm run build` first), never from src/:
//   1. publint --strict on the tarball: no packaging error or warning;
//   2. arethetypeswrong on the tarball (the CSS entry aside), esm-only profile: the package is
//      ESM-only, so only CommonJS `require` and the exports-blind node10 resolution are let be;
//   3. a throwaway host installs the tarball with npm, beside the repo's locked React 19, TanStack
//      Query, TypeScript, @types and msw, and its own TypeScript checks three consumers with
//      skipLibCheck off (so the package's .d.ts are checked): moduleResolution bundler (browser,
//      no @types/node), nodenext (a "type": "module" host), and a Node server with no DOM lib
//      (all but userlens and userlens/testing/msw: msw's own types need the DOM);
//   4. server rendering of UserList and UserDetail with react-dom/server (renderToString and
//      renderToPipeableStream) in that host and in a second one on React 18.3.1, failing on any
//      console.error, render error or missing text;
//   5. every JS entry imports in plain Node from the React 19 host, and styles.css resolves.
// Prints one line per check and exits 1 if any failed, with the failing output.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** The lowest React the peer range allows, for the second host. */
const REACT_18 = '18.3.1';
/** Per child process, so a hung install or render fails the check instead of the CI run. */
const INSTALL_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 120_000;
const started = Date.now();
const bin = (name) => join(root, 'node_modules', '.bin', name);

let failed = false;
function report(ok, line, output = '') {
  if (ok) {
    console.log(`[userlens] ${line}`);
    return;
  }
  failed = true;
  console.error(`[userlens] FAILED ${line}`);
  const text = output.trim();
  if (text) console.error(text.replace(/^/gm, '    '));
}

// Children must not take this npm run's project for theirs (npm passes it down in the environment).
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_(config_local_prefix|package_|lifecycle_|command$)/i.test(key)),
);

/** Runs a command; resolves with its exit code and its stdout and stderr, interleaved. */
function run(command, args, { cwd = root, env = {}, timeoutMs = STEP_TIMEOUT_MS } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...childEnv, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs / 1000} s)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: -1, output: `${output}\n${error.message}`, stdout });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? -1 : 0), output, stdout });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'userlens-package-'));
const cleanUp = () => rmSync(work, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

async function main() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (!existsSync('dist')) {
    report(false, 'pack: there is no dist/ to pack; run `npm run build` first');
    return;
  }

  // The host's versions are the repo's own, from its lockfile, so the two never drift apart.
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const locked = (name) => {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`package-lock.json locks no ${name}`);
    return `${name}@${version}`;
  };
  const query = locked('@tanstack/react-query');
  const host19Deps = ['react', 'react-dom', 'typescript', '@types/react', '@types/node', 'msw'].map(locked).concat(query);
  const host18Deps = [`react@${REACT_18}`, `react-dom@${REACT_18}`, query];

  // 0. The tarball.
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work]);
  let info;
  try {
    info = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m)))[0];
  } catch {
    info = undefined;
  }
  if (packed.code !== 0 || !info?.filename) {
    report(false, 'pack: npm pack failed', packed.output);
    return;
  }
  const tarball = join(work, info.filename);
  const stray = info.files.map((file) => file.path).filter((path) => /(^|\/)(__tests__|test|stories)\/|\.(test|spec|stories)\.|\.map$|\.tsbuildinfo$|(?<!\.d)\.tsx?$/.test(path));
  report(
    stray.length === 0,
    `pack: ${info.filename}, ${info.files.length} files, ${kB(info.size)} (${kB(info.unpackedSize)} unpacked)${stray.length ? `; it ships ${stray.length} file(s) no host needs` : ''}`,
    stray.join('\n'),
  );

  // The hosts install while the tarball is linted.
  const host19 = join(work, 'host-react19');
  const host18 = join(work, 'host-react18');
  const installs = [makeHost(host19, 'userlens-host-react19', [tarball, ...host19Deps]), makeHost(host18, 'userlens-host-react18', [tarball, ...host18Deps])];

  // 1. publint.
  const publint = await run(bin('publint'), ['run', tarball, '--strict']);
  const clean = /All good!/.test(publint.output);
  report(publint.code === 0, `publint: ${publint.code !== 0 ? 'errors or warnings' : clean ? 'clean' : 'no error or warning; suggestions:'}`, publint.code !== 0 || !clean ? publint.output : '');
  if (publint.code === 0 && !clean) console.log(publint.output.trim().replace(/^/gm, '    '));

  // 2. arethetypeswrong.
  const cssEntries = Object.keys(pkg.exports).filter((entry) => entry.endsWith('.css')).map((entry) => entry.replace(/^\.\//, ''));
  const attw = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-emoji', '--no-color', ...(cssEntries.length ? ['--exclude-entrypoints', ...cssEntries] : [])]);
  const checkedEntries = Object.keys(pkg.exports).length - cssEntries.length;
  report(
    attw.code === 0,
    attw.code === 0
      ? `attw: no problem in ${checkedEntries} entry points under node16 (ESM) and bundler (esm-only profile: node10 and node16 from CJS let be; ${cssEntries.join(', ')} excluded)`
      : 'attw: problems found',
    attw.code === 0 ? '' : attw.output,
  );

  const [installed19, installed18] = await Promise.all(installs);
  report(installed19.code === 0, `host React 19: npm installed the tarball with ${host19Deps.join(', ')}`, installed19.code === 0 ? '' : installed19.output);
  report(installed18.code === 0, `host React 18: npm installed the tarball with ${host18Deps.join(', ')}`, installed18.code === 0 ? '' : installed18.output);

  // 3. Type checks, in the React 19 host, with its own TypeScript.
  if (installed19.code === 0) {
    writeConsumers(host19);
    const tsc = join(host19, 'node_modules', 'typescript', 'bin', 'tsc');
    const consumers = [
      ['bundler', 'types-bundler', 'module esnext, DOM, no @types/node, exactOptionalPropertyTypes'],
      ['nodenext', 'types-nodenext', '"type": "module" host, DOM, no @types/node'],
      ['server, no DOM', 'types-server', 'lib ES2022, types ["node"]: userlens/server, core, query and testing'],
    ];
    const results = await Promise.all(consumers.map(([, dir]) => run(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { cwd: host19 })));
    consumers.forEach(([name, , what], index) => {
      const result = results[index];
      report(result.code === 0, `types (${name}): ${result.code === 0 ? 'ok' : 'errors'} (${what}; skipLibCheck false)`, result.code === 0 ? '' : result.output);
    });
  }

  // 4. Server rendering, in both hosts.
  for (const [host, installed, react] of [
    [host19, installed19, locked('react').split('@').pop()],
    [host18, installed18, REACT_18],
  ]) {
    if (installed.code !== 0) continue;
    writeFileSync(join(host, 'ssr.mjs'), SSR_SCRIPT);
    const ssr = await run(process.execPath, ['ssr.mjs', react], { cwd: host, env: { NODE_ENV: 'development' } });
    const line = ssr.stdout.split('\n').find((text) => text.startsWith('{'));
    const result = ssr.code === 0 && line ? JSON.parse(line) : undefined;
    report(
      result !== undefined,
      result
        ? `SSR React ${result.react}: UserList ${result.list.string} bytes (renderToString), ${result.list.stream} bytes (stream); UserDetail ${result.detail.string} / ${result.detail.stream} bytes (user ${result.userId}); UserList in Chinese ${result.chinese.string} / ${result.chinese.stream} bytes; no console.error${result.warnings.length ? `, ${result.warnings.length} console.warn:` : ''}`
        : `SSR React ${react}: failed`,
      result ? '' : ssr.output,
    );
    if (result?.warnings.length) console.log(result.warnings.join('\n').replace(/^/gm, '    '));
  }

  // 5. Every JS entry in plain Node, from the React 19 host.
  if (installed19.code === 0) {
    const hostPkg = JSON.parse(readFileSync(join(host19, 'node_modules', 'userlens', 'package.json'), 'utf8'));
    const entries = Object.keys(hostPkg.exports).filter((entry) => entry !== './package.json' && !entry.endsWith('.css'));
    const css = Object.keys(hostPkg.exports).filter((entry) => entry.endsWith('.css'));
    const probes = entries.map((entry) => {
      const specifier = `userlens${entry.slice(1)}`;
      const expected = EXPECTED_EXPORTS[specifier] ?? [];
      const probe = `
const entry = await import(${JSON.stringify(specifier)});
const names = Object.keys(entry);
if (names.length === 0) throw new Error('exports nothing');
const absent = ${JSON.stringify(expected)}.filter((name) => entry[name] == null);
if (absent.length) throw new Error('has no ' + absent.join(', '));
console.log(names.length);`;
      return run(process.execPath, ['--input-type=module', '-e', probe], { cwd: host19 });
    });
    const cssProbe = `
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
for (const specifier of ${JSON.stringify(css.map((entry) => `userlens${entry.slice(1)}`))}) {
  const size = statSync(fileURLToPath(import.meta.resolve(specifier))).size;
  if (size === 0) throw new Error(specifier + ' is empty');
  console.log(specifier + ' ' + size);
}`;
    const [cssResult, ...results] = await Promise.all([run(process.execPath, ['--input-type=module', '-e', cssProbe], { cwd: host19 }), ...probes]);
    const bad = entries.filter((_, index) => results[index].code !== 0);
    const counts = entries.map((entry, index) => `userlens${entry.slice(1)} (${results[index].stdout.trim() || '?'})`);
    report(
      bad.length === 0,
      bad.length === 0 ? `imports in plain Node: ${counts.join(', ')} exports` : `imports in plain Node: ${bad.map((entry) => `userlens${entry.slice(1)}`).join(', ')} failed`,
      bad.map((entry) => `userlens${entry.slice(1)}:\n${results[entries.indexOf(entry)].output}`).join('\n'),
    );
    report(cssResult.code === 0, `styles: ${cssResult.code === 0 ? cssResult.stdout.trim().replace(/\n/g, ', ') + ' bytes' : 'failed to resolve'}`, cssResult.code === 0 ? '' : cssResult.output);
  }
}

/** A `"type": "module"` host with `deps` installed by npm (the tarball among them). */
function makeHost(dir, name, deps) {
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
  return run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--no-package-lock', '--loglevel=error', ...deps], {
    cwd: dir,
    timeoutMs: INSTALL_TIMEOUT_MS,
  });
}

function kB(bytes) {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

/** Names each entry must export (an entry not listed need only export something). */
const EXPECTED_EXPORTS = {
  userlens: ['UserTrackingProvider', 'UserList', 'UserDetail', 'useUsers', 'userTrackingQueries', 'createMemoryClient'],
  'userlens/core': ['createMemoryClient', 'createLangfuseClient', 'createFormatters'],
  'userlens/query': ['userTrackingQueries', 'createMemoryClient', 'createLangfuseClient'],
  'userlens/server': ['createLangfuseProxy', 'toNodeListener'],
  'userlens/testing': ['generateDemoDataset', 'createLangfuseFake', 'withFaults'],
  'userlens/testing/msw': ['langfuseHandlers'],
  'userlens/locales/de': ['de'],
  'userlens/locales/zh-CN': ['zhCN'],
};

/** The consumers' sources and their tsconfig files. */
function writeConsumers(host) {
  const browserApp = `import { useState } from 'react';
import { UserDetail, UserList, UserTrackingProvider, useUsers, type Dictionary, type UserListProps } from 'userlens';
import { de } from 'userlens/locales/de';
import { zhCN } from 'userlens/locales/zh-CN';
import { createLangfuseClient, createMemoryClient, type LangfuseClientOptions, type UserTrackingClient } from 'userlens/core';
import { userTrackingQueries } from 'userlens/query';
import { createLangfuseProxy, toNodeListener } from 'userlens/server';
import { generateDemoDataset } from 'userlens/testing';
import { langfuseHandlers } from 'userlens/testing/msw';
import 'userlens/styles.css';

const memory: UserTrackingClient = createMemoryClient(generateDemoDataset({ seed: 1, users: 5, end: '2026-11-01T00:00:00.000Z' }));
const headers: LangfuseClientOptions['headers'] = new Headers({ 'x-csrf-token': 'token' });
const langfuse: UserTrackingClient = createLangfuseClient({ baseUrl: '/api/userlens', headers, retry: { retries: 1 } });
export const proxy: (request: Request) => Promise<Response> = createLangfuseProxy({
  baseUrl: 'https://langfuse.example',
  publicKey: 'pk-lf',
  secretKey: 'sk-lf',
  basePath: '/api/userlens',
});
export const listener = toNodeListener(proxy);
export const handlers = langfuseHandlers(generateDemoDataset({ seed: 1, users: 2 }), { baseUrl: 'https://langfuse.example' });
export const usersQuery = userTrackingQueries.users(memory, { pageSize: 3 });
const listProps: UserListProps = { getUserHref: (id) => '/users/' + encodeURIComponent(id) };
const dictionaries: Record<string, Dictionary> = { de, 'zh-CN': zhCN };

function UserCount() {
  const users = useUsers({ pageSize: 3 });
  return <span>{users.data?.total ?? 0}</span>;
}

export function App({ live }: { live: boolean }) {
  const [userId, setUserId] = useState<string | null>(null);
  return (
    <UserTrackingProvider client={live ? langfuse : memory} timeZone="UTC" now={() => Date.parse('2026-11-01T00:00:00.000Z')} locale="zh-CN" dictionary={dictionaries['zh-CN'] ?? de} labels={{ searchLabel: '搜索客户', resultsCountFew: '{count}' }}>
      <UserCount />
      {userId === null ? (
        <UserList {...listProps} onSelectUser={(id) => setUserId(id)} />
      ) : (
        <UserDetail userId={userId} onBack={() => setUserId(null)} />
      )}
    </UserTrackingProvider>
  );
}
`;
  const serverApp = `import { createServer } from 'node:http';
import { QueryClient, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { createLangfuseClient, createMemoryClient, type RequestHeaders, type UserTrackingClient } from 'userlens/core';
import { userTrackingQueries } from 'userlens/query';
import { createLangfuseProxy, toNodeListener, type LangfuseProxyOptions } from 'userlens/server';
import { createLangfuseFake, generateDemoDataset, withFaults } from 'userlens/testing';

const options: LangfuseProxyOptions = {
  baseUrl: 'https://langfuse.example',
  publicKey: 'pk-lf',
  secretKey: 'sk-lf',
  basePath: '/api/userlens',
  fetch: globalThis.fetch,
};
export const server = createServer(toNodeListener(createLangfuseProxy(options)));
const memory: UserTrackingClient = withFaults(createMemoryClient(generateDemoDataset({ seed: 1, users: 5 })), { methods: ['listUsers'], delayMs: 10 });
const langfuse: UserTrackingClient = createLangfuseClient({
  baseUrl: 'http://127.0.0.1:3000/api/userlens',
  headers: [['x-csrf-token', 'token']] satisfies RequestHeaders,
  fetch: globalThis.fetch,
});
export const fake = createLangfuseFake(generateDemoDataset({ seed: 1, users: 2 }));
export async function firstUsers(): Promise<string[]> {
  const pages = await Promise.all([memory.listUsers({ pageSize: 1 }), langfuse.listUsers({ pageSize: 1 })]);
  return pages.flatMap((page) => page.items.map((user) => user.userId));
}
// A loader or Server Component prefetching for the views.
export async function prefetch(): Promise<DehydratedState> {
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(userTrackingQueries.users(memory, { pageSize: 50 }));
  return dehydrate(queryClient);
}
// @ts-expect-error -- no DOM lib in this consumer: if 'document' were known, the check would prove nothing.
export type NoDom = typeof document;
`;
  const base = { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, verbatimModuleSyntax: true, isolatedModules: true };
  const consumers = {
    'types-bundler': {
      files: { 'app.tsx': browserApp, 'css.d.ts': "declare module '*.css';\n" },
      compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true },
    },
    'types-nodenext': {
      files: { 'app.tsx': browserApp, 'css.d.ts': "declare module '*.css';\n" },
      compilerOptions: { ...base, module: 'nodenext', moduleResolution: 'nodenext', jsx: 'react-jsx', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
    },
    'types-server': {
      files: { 'server.ts': serverApp },
      compilerOptions: { ...base, module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022'], types: ['node'] },
    },
  };
  for (const [dir, { files, compilerOptions }] of Object.entries(consumers)) {
    mkdirSync(join(host, dir));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(host, dir, name), text);
    writeFileSync(join(host, dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['.'] }, null, 2)}\n`);
  }
}

/**
 * Run in a host as `node ssr.mjs <react version>`: renders UserList and UserDetail over the demo
 * data with renderToString and renderToPipeableStream (which waits for the lazy charts), and
 * prints one JSON line. Fails on any console.error, render error or missing text.
 */
const SSR_SCRIPT = String.raw`import { Writable } from 'node:stream';

// Caught from the start: the modules are imported only after this, so what they log as they load counts too.
const problems = [];
const logged = [];
for (const level of ['error', 'warn']) {
  console[level] = (...args) => logged.push(level + ': ' + args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '));
}
const { default: React, createElement: h } = await import('react');
const { renderToPipeableStream, renderToString } = await import('react-dom/server');
const { UserDetail, UserList, UserTrackingProvider, createMemoryClient } = await import('userlens');
const { generateDemoDataset } = await import('userlens/testing');
const { zhCN } = await import('userlens/locales/zh-CN');
if (React.version !== process.argv[2]) problems.push('the host has React ' + React.version + ', not ' + process.argv[2]);

const END = '2026-11-01T00:00:00.000Z';
const client = createMemoryClient(generateDemoDataset({ seed: 1, users: 30, end: END }));
const page = await client.listUsers({ pageSize: 1, sort: { field: 'totalCost', direction: 'desc' } });
const userId = page.items[0]?.userId;
if (!userId) throw new Error('the demo dataset listed no user: ' + JSON.stringify(page));
const tree = (child) => h(UserTrackingProvider, { client, now: () => Date.parse(END), timeZone: 'UTC' }, child);

function stream(element, name) {
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({
      write(chunk, _encoding, next) {
        html += chunk;
        next();
      },
    });
    sink.on('finish', () => resolve(html));
    const timer = setTimeout(() => {
      rendering.abort();
      reject(new Error(name + ': the stream was not all ready within 30 s'));
    }, 30_000);
    const rendering = renderToPipeableStream(element, {
      onAllReady() {
        clearTimeout(timer);
        rendering.pipe(sink);
      },
      onShellError(error) {
        clearTimeout(timer);
        reject(error);
      },
      onError(error) {
        problems.push(name + ' (stream): ' + (error instanceof Error ? error.stack : String(error)));
      },
    });
  });
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Some tag has every one of the attributes. */
const tagWith = (html, ...attributes) => (html.match(/<[a-z][^>]*>/g) ?? []).some((tag) => attributes.every((attribute) => tag.includes(attribute)));
function expect(html, name, how, checks) {
  for (const [what, ok] of checks) if (!ok) problems.push(name + ' (' + how + '): no ' + what);
  // renderToString leaves what suspends (the lazy charts) to the browser; nothing else may fall back.
  for (const [, message] of html.matchAll(/<template[^>]*data-msg="([^"]*)"/g)) {
    if (how === 'stream' || !/renderToString|Suspense/.test(message)) problems.push(name + ' (' + how + '): a boundary fell back to the client: ' + message);
  }
}
const listChecks = (html) => [
  ['data-part="user-list"', tagWith(html, 'data-part="user-list"')],
  ['"Users" region', tagWith(html, 'role="region"', 'aria-label="Users"')],
  ['"Users" grid', tagWith(html, 'role="grid"', 'aria-label="Users"')],
  ['"Cost" column header', /<th[^>]*data-column="totalCost"[^>]*>(?:(?!<\/th>)[\s\S])*>Cost</.test(html)],
  ['"User ID" column header', /<th[^>]*>(?:(?!<\/th>)[\s\S])*>User ID</.test(html)],
];
const detailChecks = (html) => [
  ['data-part="user-detail"', tagWith(html, 'data-part="user-detail"')],
  ['user id heading', html.includes('<bdi>' + escape(userId) + '</bdi>')],
  ['"Cost" figure', /<dt>Cost\b/.test(html)],
  ['"Users" navigation', tagWith(html, 'data-part="user-detail-nav"', 'aria-label="Users"')],
];

// Chinese given up front (the dictionary entry), as a server render needs it: no English, the texts' lang.
const chineseChecks = (html) => [
  ['Chinese search box', tagWith(html, 'aria-label="' + zhCN.searchLabel + '"')],
  ['lang="zh-CN" on the list', tagWith(html, 'data-part="user-list"', 'lang="zh-CN"')],
  ['no English search box', !html.includes('aria-label="Search users"')],
];
const chinese = (child) => h(UserTrackingProvider, { client, now: () => Date.parse(END), timeZone: 'UTC', locale: 'zh-CN', dictionary: zhCN }, child);

const sizes = { list: {}, detail: {}, chinese: {} };
for (const [key, name, element, checks] of [
  ['list', 'UserList', () => tree(h(UserList)), listChecks],
  ['detail', 'UserDetail', () => tree(h(UserDetail, { userId })), detailChecks],
  ['chinese', 'UserList (zh-CN)', () => chinese(h(UserList)), chineseChecks],
]) {
  for (const [how, render] of [
    ['renderToString', async () => renderToString(element())],
    ['stream', () => stream(element(), name)],
  ]) {
    try {
      const html = await render();
      expect(html, name, how, checks(html));
      sizes[key][how === 'stream' ? 'stream' : 'string'] = Buffer.byteLength(html);
    } catch (error) {
      problems.push(name + ' (' + how + ') threw: ' + (error instanceof Error ? error.stack : String(error)));
    }
  }
}

const errors = logged.filter((line) => line.startsWith('error: '));
problems.push(...errors);
if (problems.length > 0) {
  process.stderr.write(problems.join('\n') + '\n' + logged.filter((line) => !line.startsWith('error: ')).join('\n') + '\n');
  process.exit(1);
}
process.stdout.write(JSON.stringify({ react: React.version, userId, ...sizes, warnings: logged }) + '\n');
`;

// Last, once every constant above is initialised.
try {
  await main();
} catch (error) {
  report(false, 'check-package stopped', error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  cleanUp();
}
console.log(`[userlens] check-package: ${failed ? 'FAILED' : 'all checks passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
