// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from '../../src/server/cache.ts';
import type { LangfuseScope } from '../../src/server/index.ts';
import { body, createHarness, emptyAnswer, json, metricsQuery, target } from './harness.ts';
import type { Responder } from './harness.ts';

const METRICS = target('/api/public/v2/metrics', [['query', metricsQuery()]]);

afterEach(() => {
  vi.useRealTimers();
});

describe('proxy cache', () => {
  it('reuses a 200 for the TTL (30 s by default), then asks again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { call, calls } = createHarness({ cacheTtlMs: undefined });
    expect((await call(METRICS)).headers.get('x-userlens-cache')).toBe('miss');
    const second = await call(METRICS);
    expect(second.headers.get('x-userlens-cache')).toBe('hit');
    expect(await body(second)).toEqual({ data: [] });
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(29_000);
    await call(METRICS);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect((await call(METRICS)).headers.get('x-userlens-cache')).toBe('miss');
    expect(calls).toHaveLength(2);
  });

  it('keys by the upstream URL with parameters in a stable order', async () => {
    const { call, calls } = createHarness({ cacheTtlMs: 60_000 });
    await call('/api/public/traces?userId=u1&limit=10&fields=core,io');
    await call('/api/public/traces?fields=core,io&limit=10&userId=u1');
    expect(calls).toHaveLength(1);
    await call('/api/public/traces?limit=10&userId=u2&fields=core,io');
    expect(calls).toHaveLength(2);
  });

  it('caches only 200s', async () => {
    let status = 400;
    const { call, calls } = createHarness({ cacheTtlMs: 60_000, respond: () => json({ message: 'no' }, status, { 'Retry-After': '1' }) });
    await call(METRICS);
    await call(METRICS);
    status = 429;
    await call(METRICS);
    await call(METRICS);
    status = 500;
    await call(METRICS);
    await call(METRICS);
    expect(calls).toHaveLength(6);
  });

  it('coalesces concurrent identical requests into one upstream fetch, even with the cache off', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const respond: Responder = async (url) => {
      await gate;
      return json({ data: [{ url: url.pathname }] });
    };
    const { call, calls } = createHarness({ cacheTtlMs: 0, respond });
    const pending = [call(METRICS), call(METRICS), call(METRICS)];
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const responses = await Promise.all(pending);
    expect(calls).toHaveLength(1);
    for (const response of responses) expect(await body(response)).toEqual({ data: [{ url: '/lf/api/public/v2/metrics' }] });
    expect(responses.map((r) => r.headers.get('x-userlens-cache')).sort()).toEqual(['hit', 'hit', 'miss']);
    // Once settled, nothing is kept with the cache off.
    await call(METRICS);
    expect(calls).toHaveLength(2);
  });

  it.each<Record<string, string>>([{ 'Cache-Control': 'no-cache' }, { 'Cache-Control': 'max-age=0, No-Cache' }, { Pragma: 'no-cache' }])(
    'a request with %j skips the cached answer, asks again and stores the new one',
    async (headers) => {
      let version = 0;
      const { call, calls } = createHarness({ cacheTtlMs: 60_000, respond: () => json({ data: [{ version: ++version }] }) });
      expect(await body(await call(METRICS))).toEqual({ data: [{ version: 1 }] });
      expect((await call(METRICS)).headers.get('x-userlens-cache')).toBe('hit');
      expect(calls).toHaveLength(1);
      const fresh = await call(METRICS, { headers });
      expect(fresh.headers.get('x-userlens-cache')).toBe('miss');
      expect(await body(fresh)).toEqual({ data: [{ version: 2 }] });
      expect(calls).toHaveLength(2);
      // The fresh answer replaced the cached one.
      const after = await call(METRICS);
      expect(after.headers.get('x-userlens-cache')).toBe('hit');
      expect(await body(after)).toEqual({ data: [{ version: 2 }] });
      expect(calls).toHaveLength(2);
    },
  );

  it('other Cache-Control directives use the cache', async () => {
    const { call, calls } = createHarness({ cacheTtlMs: 60_000 });
    await call(METRICS);
    for (const value of ['max-age=0', 'no-store', 'no-cachex', 'private']) await call(METRICS, { headers: { 'Cache-Control': value } });
    expect(calls).toHaveLength(1);
  });

  it('no-cache does not join a load already under way; later requests join its newer load, and the older one never overwrites it', async () => {
    const gates: (() => void)[] = [];
    let version = 0;
    const respond: Responder = async () => {
      const mine = ++version;
      await new Promise<void>((resolve) => gates.push(resolve));
      return json({ data: [{ version: mine }] });
    };
    const { call, calls } = createHarness({ cacheTtlMs: 60_000, respond });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    const stale = call(METRICS);
    await tick();
    const fresh = call(METRICS, { headers: { 'Cache-Control': 'no-cache' } });
    await tick();
    expect(calls).toHaveLength(2);
    const joiner = call(METRICS);
    await tick();
    expect(calls).toHaveLength(2);
    gates[1]!();
    expect(await body(await fresh)).toEqual({ data: [{ version: 2 }] });
    const joined = await joiner;
    expect(joined.headers.get('x-userlens-cache')).toBe('hit');
    expect(await body(joined)).toEqual({ data: [{ version: 2 }] });
    gates[0]!();
    expect(await body(await stale)).toEqual({ data: [{ version: 1 }] });
    expect(await body(await call(METRICS))).toEqual({ data: [{ version: 2 }] });
    expect(calls).toHaveLength(2);
  });

  it('no-cache also re-checks trace ownership for scores', async () => {
    const respond: Responder = (url) =>
      url.pathname.endsWith('/v2/observations') ? json({ data: [{ id: 'o1', traceId: 't1' }], meta: {} }) : json({ data: [], meta: { limit: 50 } });
    const { call, calls } = createHarness({ cacheTtlMs: 60_000, scope: () => ({ userIds: ['a:1'] }), respond });
    await call('/api/public/v3/scores?traceId=t1');
    await call('/api/public/v3/scores?traceId=t1');
    expect(calls).toHaveLength(2);
    expect((await call('/api/public/v3/scores?traceId=t1', { headers: { 'Cache-Control': 'no-cache' } })).status).toBe(200);
    expect(calls.map((c) => c.url.pathname.split('/').slice(-2).join('/'))).toEqual(['v2/observations', 'v3/scores', 'v2/observations', 'v3/scores']);
  });

  it('never shares entries between tenants', async () => {
    let tenant: LangfuseScope | null = { userIds: ['a:1'] };
    const respond: Responder = (url) => json({ data: [{ filters: JSON.parse(url.searchParams.get('query')!).filters }] });
    const { call, calls } = createHarness({ cacheTtlMs: 60_000, scope: () => tenant, respond });
    const a = await body(await call(METRICS));
    tenant = { userIds: ['b:1'] };
    const b = await body(await call(METRICS));
    expect(calls).toHaveLength(2);
    expect(a.data[0].filters[0].value).toEqual(['a:1']);
    expect(b.data[0].filters[0].value).toEqual(['b:1']);
    // Even where the scope leaves the URL as it is (an empty tag list), the key differs.
    tenant = null;
    await call(METRICS);
    tenant = { tags: [] };
    await call(METRICS);
    expect(calls).toHaveLength(4);
  });

  it('re-checks trace ownership per tenant before serving cached scores', async () => {
    let tenant: LangfuseScope = { userIds: ['a:1'] };
    const respond: Responder = (url) => {
      if (url.pathname.endsWith('/v2/observations')) {
        const ownsT1 = JSON.stringify(JSON.parse(url.searchParams.get('filter')!)).includes('"a:1"');
        return json({ data: ownsT1 ? [{ id: 'o1', traceId: 't1' }] : [], meta: {} });
      }
      return url.pathname.endsWith('/v3/scores') ? json({ data: [{ id: 'secret-score' }], meta: { limit: 50 } }) : emptyAnswer(url);
    };
    const { call, calls } = createHarness({ cacheTtlMs: 60_000, scope: () => tenant, respond });
    expect((await call('/api/public/v3/scores?traceId=t1')).status).toBe(200);
    tenant = { userIds: ['b:1'] };
    const response = await call('/api/public/v3/scores?traceId=t1');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('secret-score');
    expect(calls.map((c) => c.url.pathname.split('/').slice(-2).join('/'))).toEqual(['v2/observations', 'v3/scores', 'v2/observations']);
  });
});

describe('TtlCache', () => {
  const value = (size: number, id = '') => ({ size, id });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new TtlCache<{ size: number; id: string }>({ ttlMs: 1000, maxEntries: 2, maxSize: 1000, now: () => 0 });
    let loads = 0;
    const get = (key: string) => cache.get(key, async () => (loads++, value(1, key)), () => true);
    await get('a');
    await get('b');
    await get('a'); // a is now the most recent
    await get('c'); // evicts b
    expect(cache.size).toBe(2);
    expect(loads).toBe(3);
    await get('a');
    expect(loads).toBe(3);
    await get('b');
    expect(loads).toBe(4);
  });

  it('bounds the characters held and skips entries larger than the bound', async () => {
    const cache = new TtlCache<{ size: number; id: string }>({ ttlMs: 1000, maxEntries: 100, maxSize: 10, now: () => 0 });
    await cache.get('big', async () => value(11), () => true);
    expect(cache.size).toBe(0);
    await cache.get('a', async () => value(6), () => true);
    await cache.get('b', async () => value(6), () => true);
    expect(cache.size).toBe(1);
  });

  it('a fresh get skips the entry and the load under way, and stores its own value', async () => {
    const cache = new TtlCache<{ size: number; id: string }>({ ttlMs: 1000, maxEntries: 10, maxSize: 100, now: () => 0 });
    await cache.get('k', async () => value(1, 'old'), () => true);
    expect((await cache.get('k', async () => value(1, 'new'), () => true, 'fresh')).value.id).toBe('new');
    expect((await cache.get('k', async () => value(1, 'unused'), () => true)).value.id).toBe('new');
    let release!: () => void;
    const slow = cache.get('s', () => new Promise((resolve) => (release = () => resolve(value(1, 'slow')))), () => true);
    const quick = await cache.get('s', async () => value(1, 'quick'), () => true, 'fresh');
    expect(quick).toEqual({ value: value(1, 'quick'), shared: false });
    release();
    expect((await slow).value.id).toBe('slow');
    expect((await cache.get('s', async () => value(1, 'unused'), () => true)).value.id).toBe('quick');
  });

  it('expires entries and shares a failing load with concurrent callers without caching it', async () => {
    let now = 0;
    const cache = new TtlCache<{ size: number; id: string }>({ ttlMs: 100, maxEntries: 10, maxSize: 100, now: () => now });
    let loads = 0;
    await cache.get('k', async () => (loads++, value(1)), () => true);
    now = 99;
    await cache.get('k', async () => (loads++, value(1)), () => true);
    expect(loads).toBe(1);
    now = 100;
    await cache.get('k', async () => (loads++, value(1)), () => true);
    expect(loads).toBe(2);

    const failing = () => cache.get('f', async () => (loads++, Promise.reject(new Error('down'))), () => true);
    const results = await Promise.allSettled([failing(), failing()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(loads).toBe(3);
  });
});
