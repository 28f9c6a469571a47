// The example host's server: it serves the admin panel, signs admins in to a tenant, and mounts
// userlens's Langfuse proxy at /api/userlens in front of a Langfuse stand-in (the package's fake,
// on loopback, over the demo data). The browser never sees a Langfuse key: the proxy adds them.
// It also serves a Langfuse export (a folder of its files) at /api/export, read on the server by
// loadLangfuseExport into a memory client behind createUserlensHandler, scoped to the tenant.
import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { createMemoryClient, loadLangfuseExport } from 'userlens/core';
import { createLangfuseProxy, createUserlensHandler, toNodeListener } from 'userlens/server';
import { createLangfuseFake } from 'userlens/testing';
import { TENANTS, tenantDataset } from './data.mjs';
import { createFaults } from './faults.mjs';
import { sessionCookie, signedOutCookie, tenantOf } from './session.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2' };

function listen(server, port, host) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server.address().port));
  });
}

/** Every file under `dir`, named by its path within it, as a `Blob` read from disk as it is streamed. */
async function exportFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (path) => ({ name: relative(dir, path).replaceAll('\\', '/'), body: await openAsBlob(path) })));
}

/**
 * The export the panel serves at /api/export: the folder `exportDir` (a blob-storage run, a UI
 * export, API JSON), or else the demo data written out as the public API's JSON. Read once, at
 * start; rows Langfuse wrote malformed are left out and counted.
 */
async function serveExport(exportDir, dataset) {
  let dir = exportDir;
  if (!dir) {
    dir = await mkdtemp(join(tmpdir(), 'userlens-example-export-'));
    await writeFile(join(dir, 'langfuse-api-export.json'), JSON.stringify(dataset));
  }
  try {
    const loaded = await loadLangfuseExport(await exportFiles(dir), { invalidRows: 'skip' });
    const client = createMemoryClient(loaded.dataset, { id: 'export' });
    const usersOf = Object.fromEntries(Object.keys(TENANTS).map((tenant) => [tenant, [...new Set(loaded.dataset.traces.map((trace) => trace.userId).filter((id) => id?.startsWith(`${tenant}:`)))]]));
    const handler = createUserlensHandler(client, {
      basePath: '/api/export',
      // The tenant's own users: the handler adds them to every call, and refuses any other.
      scope: (request) => {
        const tenant = tenantOf(request.headers.get('cookie'));
        if (!tenant) throw new Error('Sign in first');
        return { userIds: usersOf[tenant] };
      },
    });
    const rows = loaded.files.reduce((sum, file) => sum + file.rows, 0);
    return { listener: toNodeListener(handler), about: { files: loaded.files.length, rows, skipped: loaded.skipped } };
  } finally {
    if (!exportDir) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the stand-in and the host server. `faults: true` adds POST /__example/faults (the
 * switch above) and turns the proxy's cache off, so each view's request reaches the stand-in.
 * `exportDir`: a Langfuse export to serve at /api/export (else the demo data, written as one).
 * `end`: the demo data's last instant (ms; now by default).
 * @param {{ port?: number, host?: string, appDir: string, faults?: boolean, exportDir?: string, end?: number }} options
 */
export async function startExample({ port = 5180, host = '127.0.0.1', appDir, faults: withFaults = false, exportDir, end }) {
  // Keys made up at start: nothing to leak from the repository, and a test can look for them.
  const publicKey = `pk-lf-example-${randomBytes(6).toString('hex')}`;
  const secretKey = `sk-lf-example-${randomBytes(18).toString('hex')}`;
  const faults = createFaults();
  const dataset = tenantDataset(end);
  const fake = createLangfuseFake(dataset, { auth: { publicKey, secretKey } });
  const exported = await serveExport(exportDir, dataset);
  const standIn = createServer(toNodeListener(faults.wrap(fake)));
  const standInPort = await listen(standIn, 0, '127.0.0.1');

  const proxy = toNodeListener(
    createLangfuseProxy({
      baseUrl: `http://127.0.0.1:${standInPort}`,
      publicKey,
      secretKey,
      basePath: '/api/userlens',
      scope: (request) => {
        const tenant = tenantOf(request.headers.get('cookie'));
        if (!tenant) return new Response('Sign in first', { status: 401 });
        return { userIdPrefix: `${tenant}:` };
      },
      ...(withFaults && { cacheTtlMs: 0, minRefreshIntervalMs: 0 }),
      // The stand-in has no rate limit; Langfuse Cloud's metrics may allow 100 an hour.
      rateLimit: { requests: 5000, metricsRequests: 1000, windowMs: 60_000 },
    }),
  );

  const root = resolve(appDir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    try {
      if (url.pathname.startsWith('/api/userlens/')) return proxy(req, res);
      if (url.pathname.startsWith('/api/export/')) return exported.listener(req, res);
      if (url.pathname === '/api/session') return session(req, res, exported.about);
      if (url.pathname === '/__example/faults' && withFaults && req.method === 'POST') {
        faults.set(JSON.parse((await body(req)) || 'null'));
        return send(res, 204);
      }
      if (url.pathname.startsWith('/api/')) return send(res, 404, 'Not found');
      return await serveApp(root, url.pathname, res);
    } catch (error) {
      console.error('[example]', error);
      if (!res.headersSent) send(res, 500, 'Something went wrong');
    }
  });
  const address = await listen(server, port, host);
  return {
    url: `http://${host}:${address}`,
    faults,
    /** For the tests that check no key reaches the browser. */
    keys: { publicKey, secretKey },
    close: () => Promise.all([new Promise((done) => server.close(done)), new Promise((done) => standIn.close(done))]),
  };
}

async function session(req, res, about) {
  if (req.method === 'GET') {
    const tenant = tenantOf(req.headers.cookie);
    // Signed out is an answer, not an error: null.
    return json(res, 200, tenant ? { tenant, name: TENANTS[tenant].name, export: about } : null);
  }
  if (req.method === 'POST') {
    // Only this page's own script signs in: a JSON request from the same origin. A form on
    // another site (a login CSRF that would switch the admin's tenant) is refused.
    if (!req.headers['content-type']?.startsWith('application/json') || (req.headers['sec-fetch-site'] ?? 'same-origin') !== 'same-origin') {
      return json(res, 403, { message: 'Sign in from the admin panel' });
    }
    let tenant;
    try {
      ({ tenant } = JSON.parse((await body(req)) || '{}'));
    } catch {
      return json(res, 400, { message: 'Send {"tenant": "…"} as JSON' });
    }
    if (!Object.hasOwn(TENANTS, tenant ?? '')) return json(res, 400, { message: 'Unknown tenant' });
    res.setHeader('set-cookie', sessionCookie(tenant));
    return json(res, 200, { tenant, name: TENANTS[tenant].name, export: about });
  }
  if (req.method === 'DELETE') {
    res.setHeader('set-cookie', signedOutCookie);
    return send(res, 204);
  }
  return send(res, 405);
}

/**
 * The built app: its files, and index.html for the router's URLs (a user id may look like a file
 * name: /users/ana@example.com). A missing asset (a chunk of an older build) is a 404, not the
 * page, which would fail as a script.
 */
async function serveApp(root, pathname, res) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }
  const file = resolve(root, `.${decoded}`);
  const within = relative(root, file);
  const inside = within !== '' && !within.startsWith('..') && !isAbsolute(within);
  const isFile = inside && (await stat(file).catch(() => null))?.isFile();
  if (!isFile && decoded.startsWith('/assets/')) return send(res, 404, 'Not found');
  const path = isFile ? file : join(root, 'index.html');
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    // Hashed assets forever; the page itself always fresh.
    'cache-control': /^assets[\\/]/.test(within) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(await readFile(path));
}

function body(req) {
  return new Promise((done, fail) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 10_000) req.destroy(new Error('body too large'));
    });
    req.on('end', () => done(text));
    req.on('error', fail);
  });
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function send(res, status, text = '') {
  res.writeHead(status, text ? { 'content-type': 'text/plain; charset=utf-8' } : {});
  res.end(text);
}
