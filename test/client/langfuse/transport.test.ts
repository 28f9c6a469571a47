// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLangfuseClient, type LangfuseClientOptions } from '../../../src/core.ts';
import { createLangfuseFake, generateDemoDataset } from '../../../src/testing/index.ts';
import { oracleUsers } from '../../oracle/oracle.ts';
import { TEST_NOW, asOracle } from './harness.ts';

/**
 * The Langfuse client over Node's own fetch and real HTTP servers on two origins: the host's
 * proxy, and another that a redirect could lead to. What the transport does with redirects and
 * with bodies that trickle in is what a host sees.
 */

const dataset = generateDemoDataset({ seed: 3, users: 15, days: 5, end: '2026-11-01T00:00:00.000Z' });
const sort = { field: 'totalCost', direction: 'desc' } as const;
const expectedTop = oracleUsers(asOracle(dataset), { sort }).map((u) => u.userId);
const fake = createLangfuseFake(dataset);
const HEADERS = { 'x-csrf-token': 'host-csrf-token' };

interface Seen {
  path: string;
  csrf: string | undefined;
}

function listen(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer(handle);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** Answers as Langfuse would at `path` (below any mount), through the fake. */
async function answerFromFake(path: string, response: ServerResponse) {
  const answer = await fake(new Request(`http://langfuse.test${path}`));
  response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
}

let proxy: { server: Server; origin: string };
let other: { server: Server; origin: string };
const proxySeen: Seen[] = [];
const otherSeen: Seen[] = [];
/** Resolved each time a trickling body has sent its first bytes. */
let onTrickleStarted: () => void = () => {};

beforeAll(async () => {
  other = await listen((request, response) => {
    otherSeen.push({ path: request.url!, csrf: request.headers['x-csrf-token'] as string | undefined });
    // What a planted origin would answer: a user with a cost to be noticed.
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ userId: 'planted', count_count: 1, sum_totalCost: 123_456 }] }));
  });
  proxy = await listen((request, response) => {
    const url = request.url!;
    proxySeen.push({ path: url, csrf: request.headers['x-csrf-token'] as string | undefined });
    const [mount, ...rest] = url.slice(1).split('/');
    const path = `/${rest.join('/')}`;
    if (mount === 'away') {
      response.writeHead(302, { location: `${other.origin}${path}` }).end();
    } else if (mount === 'slash') {
      // A host's proxy that wants a trailing slash before the query.
      const [pathname, search = ''] = path.split('?');
      if (pathname!.endsWith('/')) void answerFromFake(`${pathname!.slice(0, -1)}?${search}`, response);
      else response.writeHead(308, { location: `/slash${pathname}/?${search}` }).end();
    } else if (mount === 'trickle') {
      // Headers at once, then a space every 20 ms inside a JSON body that never ends.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data": [');
      onTrickleStarted();
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    } else {
      response.writeHead(404).end();
    }
  });
});

afterAll(() => {
  for (const { server } of [proxy, other]) {
    server.closeAllConnections();
    server.close();
  }
});

const client = (mount: string, options: Partial<LangfuseClientOptions> = {}) =>
  createLangfuseClient({ baseUrl: `${proxy.origin}/${mount}`, headers: HEADERS, retry: { baseDelayMs: 1 }, now: () => TEST_NOW, ...options });

describe('Langfuse client — transport over real HTTP', () => {
  it('refuses a redirect to another origin: nothing reaches it, no planted user shows', async () => {
    proxySeen.length = 0;
    otherSeen.length = 0;
    const error = await client('away').listUsers({ sort }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', where: 'GET /api/public/v2/metrics', status: 302 });
    expect((error as Error).message).toContain(`a redirect to another origin (${other.origin})`);
    expect(otherSeen).toEqual([]);
    // Refused at once: a redirect is the source's answer, which retrying would only repeat.
    expect(proxySeen).toHaveLength(1);
  });

  it('follows a same-origin redirect (a trailing slash) with the host’s headers, and answers', async () => {
    proxySeen.length = 0;
    const page = await client('slash').listUsers({ sort, pageSize: 5 });
    expect(page.items.map((u) => u.userId)).toEqual(expectedTop.slice(0, 5));
    expect(proxySeen.map((seen) => seen.path.split('?')[0])).toEqual(['/slash/api/public/v2/metrics', '/slash/api/public/v2/metrics/']);
    expect(proxySeen.every((seen) => seen.csrf === 'host-csrf-token')).toBe(true);
  });

  it('reports a body still trickling in at timeoutMs as a timeout, after retrying it', async () => {
    proxySeen.length = 0;
    let started = 0;
    onTrickleStarted = () => void started++;
    const error = await client('trickle', { timeoutMs: 400, retry: { retries: 1, baseDelayMs: 1 } })
      .listUsers({ sort })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout', where: 'GET /api/public/v2/metrics' });
    expect(started).toBe(2);
  });

  it('rejects with the caller’s abort reason when it aborts while the body trickles in', async () => {
    proxySeen.length = 0;
    const controller = new AbortController();
    const reason = new Error('the user left the page');
    onTrickleStarted = () => setTimeout(() => controller.abort(reason), 30);
    const error = await client('trickle').listUsers({ sort }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(proxySeen).toHaveLength(1);
  });
});
