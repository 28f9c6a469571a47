import { describe, expect, it, vi } from 'vitest';
import { UserlensError, createHttpClient, createMemoryClient, type Dataset, type UserTrackingClient } from '../../src/core.ts';
import { createUserlensHandler, type UserlensHandlerOptions } from '../../src/server/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { clientContract } from './clientContract.ts';

/** createHttpClient → createUserlensHandler → `server`, in process: the browser's fetch handed to the handler as a Request. */
function overHttp(server: UserTrackingClient, options: UserlensHandlerOptions = {}, headers: Record<string, string> = {}) {
  const handler = createUserlensHandler(server, options);
  const requests: Request[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const request = new Request(url, init);
    requests.push(request);
    return handler(request);
  });
  return { client: createHttpClient({ baseUrl: 'https://admin.example/api/userlens', fetch, headers }), requests };
}

clientContract('the memory client', (dataset: Dataset) => createMemoryClient(dataset));
clientContract('createHttpClient → createUserlensHandler → the memory client', (dataset: Dataset) => overHttp(createMemoryClient(dataset), { cacheTtlMs: 0 }).client);

const END = '2026-11-01T00:00:00.000Z';
const dataset = generateDemoDataset({ seed: 17, users: 20, end: END });

describe('createUserlensHandler — scope', () => {
  const byTenant = (request: Request) => ({ environments: [request.headers.get('x-tenant') === 'acme' ? 'production' : 'staging'] });

  it('adds the scope to every call: the figures are those of the scope’s traces only', async () => {
    const memory = createMemoryClient(dataset);
    const { client } = overHttp(memory, { scope: byTenant }, { 'x-tenant': 'acme' });
    const scoped = await (await client).listUsers({ range: {}, pageSize: 100 });
    expect(scoped).toEqual(await memory.listUsers({ range: {}, pageSize: 100, filters: { environments: ['production'] } }));
    expect(scoped).not.toEqual(await memory.listUsers({ range: {}, pageSize: 100 }));
  });

  it('refuses to widen it: another environment, a conflicting metadata value, a user outside the list', async () => {
    const { client } = overHttp(createMemoryClient(dataset), { scope: byTenant }, { 'x-tenant': 'acme' });
    const error = await (await client).listUsers({ filters: { environments: ['staging'] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserlensError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 403, message: expect.stringContaining('"staging"') });

    const tenants = overHttp(createMemoryClient(dataset), { scope: () => ({ metadata: { plan: 'pro' } }) });
    await expect((await tenants.client).listUsers({ filters: { metadata: { plan: 'free' } } })).rejects.toMatchObject({ code: 'unauthorized' });

    const users = await createMemoryClient(dataset).listUsers({ range: {}, pageSize: 3 });
    const [mine, other] = users.items.map((user) => user.userId);
    const named = await overHttp(createMemoryClient(dataset), { scope: () => ({ userIds: [mine!] }) }).client;
    expect((await named.listUsers({ range: {} })).items.map((user) => user.userId)).toEqual([mine]);
    expect((await named.listUsers({ range: {}, userIds: [mine!, other!] })).items.map((user) => user.userId)).toEqual([mine]);
    // Another user's page answers as for a user the source has never seen.
    expect(await named.getUser(other!, {})).toBeNull();
    await expect(named.listTraces({ userId: other!, range: {} })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(named.getOverview!({ range: {} })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a request its scope function throws for, and a scope the client cannot enforce', async () => {
    const denied = overHttp(createMemoryClient(dataset), {
      scope: () => {
        throw new Error('no session');
      },
    });
    await expect(denied.client).rejects.toMatchObject({ code: 'unauthorized', status: 403 });
    const memory = createMemoryClient(dataset);
    const weak: UserTrackingClient = { ...memory, capabilities: { ...memory.capabilities, filterableFields: ['environment'] } };
    await expect(overHttp(weak, { scope: () => ({ metadata: { tenant: 'a' } }) }).client).rejects.toMatchObject({ code: 'invalid_options' });
  });
});

describe('createUserlensHandler — a scope fails closed', () => {
  it('serves nothing for an empty list, and tells no one that a user exists outside the scope', async () => {
    const memory = createMemoryClient(dataset);
    const none = await overHttp(memory, { scope: () => ({ environments: [] }) }).client;
    await expect(none.listUsers({ range: {} })).rejects.toMatchObject({ code: 'unauthorized', status: 403 });
    // A user whose traces are all in another environment is unknown under this scope, not a user with zero figures.
    const staging = (await memory.listUsers({ range: {}, pageSize: 100, filters: { environments: ['staging'] } })).items.map((user) => user.userId);
    const production = new Set((await memory.listUsers({ range: {}, pageSize: 100, filters: { environments: ['production'] } })).items.map((user) => user.userId));
    const elsewhere = staging.find((userId) => !production.has(userId));
    expect(elsewhere).toBeDefined();
    const scoped = await overHttp(memory, { scope: () => ({ environments: ['production'] }) }).client;
    expect(await memory.getUser(elsewhere!, { filters: { environments: ['production'] } })).not.toBeNull();
    expect(await scoped.getUser(elsewhere!, {})).toBeNull();
  });

  it('offers only what it serves under the scope, and refuses filter options (names beyond the scope)', async () => {
    const memory = createMemoryClient(dataset);
    const named = await overHttp(memory, { scope: () => ({ userIds: ['someone'] }) }).client;
    expect(named.capabilities).toMatchObject({ overview: false, segments: [], filterOptions: false });
    const byEnvironment = await overHttp(memory, { scope: () => ({ environments: ['production'] }) }).client;
    expect(byEnvironment.capabilities.filterOptions).toBe(false);
    await expect(byEnvironment.getFilterOptions!({ range: {} })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('takes only a method’s data arguments: options sent by the browser are refused', async () => {
    const handler = createUserlensHandler(createMemoryClient(dataset));
    const answer = await handler(new Request('https://x/api/userlens/call', { method: 'POST', body: JSON.stringify({ method: 'listUsers', args: [{}, { signal: null }] }) }));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'invalid_query', field: 'args' } });
  });
});

describe('createHttpClient — answers that are not the handler’s', () => {
  const client = (respond: () => Response) => createHttpClient({ baseUrl: '/api/userlens', fetch: async () => respond() });
  it('says so for a page served in its place, and keeps the meaning of a gateway’s status', async () => {
    await expect(client(() => new Response('<!doctype html><title>App</title>', { status: 200, headers: { 'content-type': 'text/html' } }))).rejects.toMatchObject({ code: 'invalid_response' });
    await expect(client(() => new Response('Unauthorized', { status: 401 }))).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(client(() => new Response('', { status: 429, headers: { 'retry-after': '7' } }))).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
  });
});

describe('createUserlensHandler — transport', () => {
  it('keeps answers per scope, and answers afresh after invalidate()', async () => {
    const memory = createMemoryClient(dataset);
    const listUsers = vi.spyOn(memory, 'listUsers');
    const { client } = overHttp(memory, { scope: (request) => ({ environments: [request.headers.get('x-env') ?? 'production'] }) }, { 'x-env': 'production' });
    const http = await client;
    await http.listUsers({ range: {} });
    await http.listUsers({ range: {} });
    expect(listUsers).toHaveBeenCalledTimes(1);
    http.invalidate!();
    await http.listUsers({ range: {} });
    expect(listUsers).toHaveBeenCalledTimes(2);
  });

  it('aborts the server-side call when the browser drops the request', async () => {
    let seen: AbortSignal | undefined;
    const memory = createMemoryClient(dataset);
    const slow: UserTrackingClient = {
      ...memory,
      listUsers: (query, options) => {
        seen = options?.signal;
        return new Promise((_, reject) => options?.signal?.addEventListener('abort', () => reject(options.signal!.reason)));
      },
    };
    const http = await overHttp(slow, { cacheTtlMs: 0 }).client;
    const controller = new AbortController();
    const asked = http.listUsers({}, { signal: controller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    controller.abort(new Error('gone'));
    await expect(asked).rejects.toThrow('gone');
    expect(seen!.aborted).toBe(true);
  });

  it('answers an unknown method, a GET call and a malformed body with its own errors', async () => {
    const handler = createUserlensHandler(createMemoryClient(dataset));
    const post = (body: string) => handler(new Request('https://x/api/userlens/call', { method: 'POST', body }));
    expect(await (await post('{"method":"dropTables","args":[]}')).json()).toMatchObject({ error: { code: 'invalid_query', field: 'method' } });
    expect((await post('not json')).status).toBe(400);
    expect((await handler(new Request('https://x/api/userlens/call'))).status).toBe(405);
    expect((await handler(new Request('https://x/api/other'))).status).toBe(404);
  });
});
