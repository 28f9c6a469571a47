import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, buildExample } from '../../examples/admin-panel/server/build.mjs';
import { tenantDataset } from '../../examples/admin-panel/server/data.mjs';
import { startExample } from '../../examples/admin-panel/server/server.mjs';
import { blobEnrichedObservations, blobScores, manifest, serialize } from '../export/langfuseExportWriter.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/**
 * The example admin panel as an admin uses it: built from the package's exports, served with the
 * Langfuse proxy in front of the stand-in, and driven in Chromium.
 */

type Example = Awaited<ReturnType<typeof startExample>>;
let example: Example;
let browser: Browser;
let exportDir: string;
const contexts: BrowserContext[] = [];

/**
 * The example's records as a blob-storage run of Langfuse's recommended mode would hold them:
 * enriched observations as gzipped JSON lines, scores as CSV, the run's manifest, and the
 * deprecation notice Langfuse writes beside them.
 */
async function writeExport(end: number): Promise<string> {
  const dataset = tenantDataset(end);
  const dir = await mkdtemp(join(tmpdir(), 'userlens-e2e-export-'));
  const stem = '2026-07-10T10-00-00';
  const observations = blobEnrichedObservations(dataset);
  const scores = blobScores(dataset);
  const files = [
    { key: `proj-1/observations_v2/${stem}.jsonl.gz`, table: 'observations_v2', type: 'jsonl' as const, gzipped: true, rows: observations.length, body: gzipSync(serialize(observations, 'jsonl')) },
    { key: `proj-1/scores/${stem}.csv`, table: 'scores', type: 'csv' as const, gzipped: false, rows: scores.length, body: Buffer.from(serialize(scores, 'csv')) },
  ];
  for (const file of files) {
    await mkdir(join(dir, file.key, '..'), { recursive: true });
    await writeFile(join(dir, file.key), file.body);
  }
  await mkdir(join(dir, 'proj-1/manifests'), { recursive: true });
  await writeFile(join(dir, `proj-1/manifests/${stem}.json`), manifest(stem, files.map((file) => ({ ...file, bytes: file.body.length })), 'OBSERVATIONS_V2'));
  await writeFile(join(dir, 'proj-1/DEPRECATION_NOTICE.txt'), 'The traces/ and observations/ tables are deprecated.');
  return dir;
}

beforeAll(async () => {
  await buildExample({ quiet: true });
  const end = Date.now();
  exportDir = await writeExport(end);
  example = await startExample({ port: 0, appDir: APP_DIR, faults: true, exportDir, end });
  browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await example?.close();
  if (exportDir) await rm(exportDir, { recursive: true, force: true });
});

/** A fresh browser profile (cookies, storage), signed in to `tenant`, on the users page. */
async function signedIn(tenant: 'Acme Corp' | 'Globex', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(example.url);
  await page.getByRole('button', { name: `Sign in as ${tenant}` }).click();
  await rowsShown(page);
  return page;
}

async function rowsShown(page: Page) {
  await page.locator('[data-part="user-list-row"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-part="user-list"][data-stale], [data-part="user-list-row"] [data-part="skeleton"]'));
}

const userIds = (page: Page) => page.locator('[data-part="user-list-user-id-text"]').allTextContents();

/**
 * The row's figure under each column header, by header name, as the page states it exactly: a
 * compact figure (10.4K) carries its exact value (10,430) in its title, on the list and the page alike.
 */
async function rowFigures(page: Page, index: number): Promise<Record<string, string>> {
  const headers = (await page.locator('[data-part="user-list-scroll"] thead th').allTextContents()).map((text) => text.replace(/[▲▼↕]/g, '').trim());
  const cells = await page.locator('[data-part="user-list-row"]').nth(index).locator('td, th').evaluateAll((elements) => elements.map((element) => (element.querySelector('[title]')?.getAttribute('title') ?? element.textContent ?? '').trim()));
  return Object.fromEntries(headers.map((header, i) => [header, cells[i]!]));
}

async function detailFigure(page: Page, name: string): Promise<string> {
  const value = page.locator('[data-part="user-detail-stat"]').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}`) }) }).locator('dd');
  await page.waitForFunction((el) => el && !el.querySelector('[data-part="skeleton"]'), await value.elementHandle());
  return value.evaluate((element) => (element.querySelector('[title]')?.getAttribute('title') ?? element.textContent ?? '').trim());
}

describe('the example admin panel', () => {
  it('shows a tenant only its own users, and another tenant’s user page answers “not found”', async () => {
    const globex = await signedIn('Globex');
    const globexUser = (await userIds(globex))[0]!;
    expect(globexUser).toMatch(/^globex:/);

    const acme = await signedIn('Acme Corp');
    const ids = await userIds(acme);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !id.startsWith('acme:'))).toEqual([]);
    await acme.goto(`${example.url}/users/${encodeURIComponent(globexUser)}`);
    await expect(acme.getByRole('heading', { name: 'User not found' }).waitFor()).resolves.toBeUndefined();
    // Asking the proxy directly, the scope holds too: Acme's own user is counted, Globex's is not.
    const ask = (userId: string) =>
      acme.evaluate(async (id) => {
        const query = { view: 'observations', dimensions: [{ field: 'userId' }], metrics: [{ measure: 'count', aggregation: 'count' }], filters: [{ column: 'userId', operator: 'any of', value: [id], type: 'stringOptions' }], fromTimestamp: '2020-01-01T00:00:00.000Z', toTimestamp: '2030-01-01T00:00:00.000Z', orderBy: [{ field: 'count_count', direction: 'desc' }], config: { row_limit: 10 } };
        const response = await fetch(`/api/userlens/api/public/v2/metrics?query=${encodeURIComponent(JSON.stringify(query))}`);
        return { status: response.status, rows: ((await response.json()) as { data: unknown[] }).data };
      }, userId);
    expect(await ask(ids[0]!)).toMatchObject({ status: 200, rows: [{ userId: ids[0] }] });
    expect(await ask(globexUser)).toEqual({ status: 200, rows: [] });
  });

  it('shows a Langfuse export served by the host’s server with the users and figures the Langfuse API gives', async () => {
    const page = await signedIn('Acme Corp');
    const fromApi = { ids: await userIds(page), first: await rowFigures(page, 0), last: await rowFigures(page, 9) };
    const source = page.getByRole('combobox', { name: 'Data' });
    expect(await source.locator('option[value="export"]').textContent()).toMatch(/^Langfuse export \([\d,]+ rows\)$/);
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/export/call') && response.ok()), source.selectOption('export')]);
    await rowsShown(page);
    expect(await userIds(page)).toEqual(fromApi.ids);
    expect(await rowFigures(page, 0)).toEqual(fromApi.first);
    expect(await rowFigures(page, 9)).toEqual(fromApi.last);
    // The tenant's scope holds on the server: another tenant's users are unknown to it.
    const call = (method: string, args: unknown[]) =>
      page.evaluate(
        async (body) => {
          const response = await fetch('/api/export/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { status: response.status, body: await response.json() };
        },
        { method, args },
      );
    const globexUser = (await call('getUser', ['globex:' + fromApi.ids[0]!.slice('acme:'.length)])).body;
    expect(globexUser).toEqual({ result: null });
    const shownIds = (await call('listUsers', [{ range: {}, pageSize: 1000 }])).body.result.items.map((user: { userId: string }) => user.userId);
    expect(shownIds.length).toBeGreaterThan(10);
    expect(shownIds.filter((id: string) => !id.startsWith('acme:'))).toEqual([]);
    expect((await call('listUsers', [{ range: {}, userIds: ['globex:' + fromApi.ids[0]!.slice('acme:'.length)] }])).body.result.items).toEqual([]);
  });

  it('opens a user from the list with the same figures as their row, and Back finds the list as it was', async () => {
    const page = await signedIn('Acme Corp');
    await page.getByRole('button', { name: /^Observations/ }).click();
    await page.waitForURL(/sort=observationCount\.desc/);
    // The router commits a navigation in a transition: the URL changes before the list has the
    // new state. Wait for what the list shows (the sorted header, the answered page), not the URL.
    await page.locator('th[aria-sort="descending"]', { hasText: /^Observations/ }).waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await page.getByRole('button', { name: 'Previous page', disabled: false }).waitFor();
    await rowsShown(page);
    const before = await userIds(page);
    const row = await rowFigures(page, 1);
    await page.locator('[data-part="user-list-user-link"]').nth(1).click();
    await page.waitForURL(new RegExp(`/users/${encodeURIComponent(before[1]!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await expect(page.getByRole('heading', { level: 2, name: before[1] }).waitFor()).resolves.toBeUndefined();
    expect(await detailFigure(page, 'Traces')).toBe(row.Traces);
    expect(await detailFigure(page, 'Observations')).toBe(row.Observations);
    expect(await detailFigure(page, 'Total tokens')).toBe(row['Total tokens']);
    expect(await detailFigure(page, 'Cost')).toBe(row.Cost);

    await page.goBack();
    await rowsShown(page);
    expect(page.url()).toMatch(/sort=observationCount\.desc/);
    expect(page.url()).toMatch(/page=2/);
    expect(await userIds(page)).toEqual(before);
    expect(await page.getByRole('columnheader', { name: /^Observations/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('restores every piece of view state from a deep link on reload', async () => {
    const page = await signedIn('Acme Corp');
    await page.goto(`${example.url}/users?range=7d&q=usr&sort=totalTokens.desc&size=25`);
    await rowsShown(page);
    await page.reload();
    await rowsShown(page);
    expect(await page.getByRole('combobox', { name: 'Date range' }).inputValue()).toBe('7d');
    expect(await page.getByRole('searchbox', { name: 'Search users' }).inputValue()).toBe('usr');
    expect(await page.getByRole('columnheader', { name: /^Total tokens/ }).getAttribute('aria-sort')).toBe('descending');
    expect((await userIds(page)).every((id) => id.includes('usr'))).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Rows per page' }).inputValue()).toBe('25');

    // A hand-edited link the source cannot honour (Langfuse ranks descending only) falls back, never breaks the page.
    await page.goto(`${example.url}/users?sort=totalCost.asc&page=x`);
    await rowsShown(page);
    expect(await page.getByRole('columnheader', { name: /^Cost/ }).getAttribute('aria-sort')).toBe('descending');

    // Typed into the search box: every keystroke kept, while the URL follows.
    const search = page.getByRole('searchbox', { name: 'Search users' });
    await search.fill('');
    await search.pressSequentially('acme:usr_', { delay: 15 });
    await page.waitForURL(/q=acme%3Ausr_/);
    expect(await search.inputValue()).toBe('acme:usr_');

    const userId = (await userIds(page))[0]!;
    await page.goto(`${example.url}/users/${encodeURIComponent(userId)}?range=all&tab=sessions&spage=1&metric=totalCost&tq=agent&tlevel=WARNING&tlevel=ERROR`);
    await page.reload();
    await page.getByRole('tab', { name: 'Sessions', selected: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Date range' }).inputValue()).toBe('all');
    expect(await page.getByRole('combobox', { name: /^Show/ }).inputValue()).toBe('totalCost');
    await page.getByRole('tab', { name: 'Traces' }).click();
    expect(await page.getByRole('searchbox', { name: 'Search traces' }).inputValue()).toBe('agent');
    expect(await page.getByRole('combobox', { name: /^Level/ }).inputValue()).toBe('WARNING,ERROR');
  });

  it('switches to dark and to Chinese, the panel and userlens together', async () => {
    const page = await signedIn('Acme Corp');
    await page.getByRole('checkbox', { name: 'Dark mode' }).check();
    const root = page.locator('[data-part="user-list"]');
    await expect.poll(() => root.getAttribute('data-theme')).toBe('dark');
    const background = await root.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(Math.max(...background.match(/\d+/g)!.slice(0, 3).map(Number))).toBeLessThan(64);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('searchbox', { name: '搜索用户' }).waitFor();
    expect(await root.getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('columnheader').first().textContent()).toContain('用户 ID');
    // Kept across a reload, as an admin's preferences are.
    await page.reload();
    await page.getByRole('searchbox', { name: '搜索用户' }).waitFor();
    expect(await page.locator('[data-part="user-list"]').getAttribute('data-theme')).toBe('dark');
  });

  it('exports the list as CSV, every user of the tenant in the range', async () => {
    const page = await signedIn('Acme Corp');
    const summary = await page.locator('[data-part$="-page-summary"]').textContent();
    const total = Number(/of ([\d,]+)/.exec(summary ?? '')![1]!.replace(/,/g, ''));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^"?User ID"?,/);
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(1).every((line) => /^"?acme:/.test(line))).toBe(true);
  });

  it('shows the error, rate-limit and loading states when Langfuse fails, and recovers', async () => {
    const page = await signedIn('Acme Corp');
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/userlens/')) statuses.push(response.status());
    });

    await page.waitForLoadState('networkidle');
    // Langfuse fails (500): the list says so, and Retry brings it back once Langfuse answers.
    example.faults.set({ kind: 'error' });
    await page.reload();
    const retry = page.getByRole('button', { name: 'Retry' });
    await retry.waitFor({ timeout: 30_000 });
    expect(await page.getByText('Could not load users').count()).toBeGreaterThan(0);
    example.faults.set(null);
    await retry.click();
    await rowsShown(page);
    expect(statuses.some((status) => status >= 500)).toBe(true);

    // Rate limited twice (429, Retry-After: 1): the client waits as told and the list arrives.
    await page.waitForLoadState('networkidle');
    statuses.length = 0;
    example.faults.set({ kind: 'rate-limit', count: 2, retryAfter: 1 });
    await page.reload();
    await rowsShown(page);
    expect(statuses).toContain(429);

    // Rate limited for good: the list says it is rate limited and offers to retry.
    await page.waitForLoadState('networkidle');
    example.faults.set({ kind: 'rate-limit', retryAfter: 1 });
    await page.reload();
    await retry.waitFor({ timeout: 30_000 });
    example.faults.set(null);
    await retry.click();
    await rowsShown(page);

    // A slow answer: the list shows it is loading for as long as Langfuse takes, then the rows.
    await page.waitForLoadState('networkidle');
    example.faults.set({ kind: 'slow', delayMs: 3000 });
    await page.reload();
    await page.locator('[data-part="user-list"] [data-part="skeleton"]').first().waitFor();
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-part="user-list-row"]').count()).toBe(0);
    expect(await page.locator('[data-part="user-list"] [data-part="skeleton"]').count()).toBeGreaterThan(0);
    example.faults.set(null);
    await rowsShown(page);
  });

  it('never hands the browser a Langfuse key: not in any answer, page or bundle', async () => {
    const bodies: string[] = [];
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on('response', async (response) => {
      bodies.push(JSON.stringify(await response.allHeaders()), await response.text().catch(() => ''));
    });
    await page.goto(example.url);
    await page.getByRole('button', { name: 'Sign in as Acme Corp' }).click();
    await rowsShown(page);
    await page.locator('[data-part="user-list-user-link"]').first().click();
    await page.getByRole('tab', { name: 'Scores' }).click();
    await page.getByRole('tabpanel').locator('tbody tr').first().waitFor();
    const assets = await readdir(join(APP_DIR, 'assets'));
    const bundles = await Promise.all(assets.map((name) => readFile(join(APP_DIR, 'assets', name), 'utf8')));
    expect(bodies.length).toBeGreaterThan(10);
    const seen = [...bodies, ...bundles, await page.content()];
    const { secretKey, publicKey } = example.keys;
    const basic = Buffer.from(`${publicKey}:${secretKey}`).toString('base64');
    for (const secret of [secretKey, publicKey, basic]) expect(seen.filter((text) => text.includes(secret))).toEqual([]);
    expect(bundles.some((text) => /sk-lf-/.test(text))).toBe(false);
  });
});

// Each test's pages close with it: an idle page left open may still ask the stand-in (a
// deferred figure), and take a fault meant for the next test.
afterEach(async () => {
  example.faults.set(null);
  await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
});
