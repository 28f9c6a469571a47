// @vitest-environment node
import fc from 'fast-check';
import { arrayOf, number, object, string } from '../../../src/client/shape.ts';
import { describe, expect, it } from 'vitest';
import { MAX_REDIRECTS, requestJson } from '../../../src/client/http/requestJson.ts';

/**
 * The transport follows a redirect only within the origin it was pointed at: the request carries
 * the host's headers (a CSRF token) and whatever answers elsewhere would be shown as the
 * source's figures.
 */

const schema = object({ data: arrayOf(object({ userId: string, cost: number })) });
const endpoint = 'GET /api/public/v2/metrics';
const BASE = 'https://admin.example.com';
const URL_ = `${BASE}/api/userlens/api/public/v2/metrics?query=%7B%7D`;
const HEADERS = { 'x-csrf-token': 'secret-token' };
const GENUINE = { data: [{ userId: 'ana', cost: 1 }] };
const PLANTED = { data: [{ userId: 'planted', cost: 123_456 }] };

interface Call {
  url: string;
  init: RequestInit;
}

/**
 * A world of origins: BASE redirects per `redirects` (request n gets `redirects[n]` as Location
 * with `status`, then the genuine payload); any other origin answers the planted one.
 */
function world(redirects: string[], status = 302) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (new URL(url).origin !== BASE) return Response.json(PLANTED);
    const location = redirects[calls.filter((call) => new URL(call.url).origin === BASE).length - 1];
    return location === undefined ? Response.json(GENUINE) : new Response(null, { status, headers: { location } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const request = (fetch: typeof globalThis.fetch) => requestJson(URL_, { schema, endpoint, fetch, headers: HEADERS, sleep: async () => {} });

const redirectStatus = fc.constantFrom(301, 302, 303, 307, 308);

/** Origins that differ from BASE in scheme, host, subdomain or port, as absolute or scheme-relative Locations. */
const otherOrigin = fc.oneof(
  fc.domain().filter((host) => host !== 'admin.example.com').map((host) => `https://${host}`),
  fc.constantFrom('http://admin.example.com', 'https://admin.example.com:8443', 'https://evil.admin.example.com', 'https://admin.example.com.evil.test', 'https://example.com'),
);
const otherLocation = fc.tuple(otherOrigin, fc.webPath(), fc.boolean()).map(([origin, path, schemeRelative]) => {
  const absolute = `${origin}/${path.replace(/^\/+/, '')}`;
  return schemeRelative && origin.startsWith('https:') ? absolute.slice('https:'.length) : absolute;
});
/** Paths on BASE, as absolute, root-relative or relative Locations. */
const sameOriginLocation = fc.tuple(fc.webPath(), fc.constantFrom('absolute', 'root', 'relative')).map(([path, form]) => {
  // One leading slash: `//x` would be scheme-relative, another host.
  const rooted = `/${path.replace(/^\/+/, '')}`;
  return form === 'absolute' ? `${BASE}${rooted}` : form === 'root' ? rooted : `./${rooted.slice(1)}`;
});

describe('requestJson — redirects', () => {
  it('refuses a redirect to any other origin, after one request that never reaches it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sameOriginLocation, { maxLength: MAX_REDIRECTS - 1 }), otherLocation, redirectStatus, async (before, away, status) => {
        const { fetch, calls } = world([...before, away], status);
        const error = await request(fetch).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'invalid_response', where: endpoint, status });
        expect((error as Error).message).toContain('a redirect to another origin');
        // Nothing went to the other origin: neither the CSRF token nor a chance to plant figures.
        expect(calls.every((call) => new URL(call.url).origin === BASE)).toBe(true);
        expect(calls).toHaveLength(before.length + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('follows up to MAX_REDIRECTS redirects within the origin, keeping the headers, and answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sameOriginLocation, { minLength: 1, maxLength: MAX_REDIRECTS }), redirectStatus, async (hops, status) => {
        const { fetch, calls } = world(hops, status);
        await expect(request(fetch)).resolves.toEqual(GENUINE);
        expect(calls).toHaveLength(hops.length + 1);
        for (const call of calls) {
          expect(new Headers(call.init.headers).get('x-csrf-token')).toBe('secret-token');
          expect(call.init).toMatchObject({ method: 'GET', redirect: 'manual' });
        }
        // Each hop goes where the previous Location pointed, relative ones read against it.
        for (let i = 1; i < calls.length; i++) expect(calls[i]!.url).toBe(new URL(hops[i - 1]!, calls[i - 1]!.url).href);
      }),
      { numRuns: 100 },
    );
  });

  it('stops a same-origin redirect chain longer than MAX_REDIRECTS', async () => {
    const { fetch, calls } = world(Array.from({ length: 50 }, (_, i) => `/loop/${i}`));
    const error = await request(fetch).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', where: endpoint, status: 302 });
    expect((error as Error).message).toContain(`redirected more than ${MAX_REDIRECTS} times`);
    expect(calls).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('refuses a redirect without a Location', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return new Response(null, { status: 307 });
    }) as unknown as typeof globalThis.fetch;
    await expect(request(fetch)).rejects.toMatchObject({ code: 'invalid_response', where: endpoint, status: 307, message: expect.stringContaining('without a Location') });
    expect(calls).toBe(1);
  });

  it('refuses a browser’s opaque redirect (status 0, no Location) with a message that says why', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      const response = new Response(null, { status: 200 });
      Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(response, 'status', { value: 0 });
      Object.defineProperty(response, 'ok', { value: false });
      return response;
    }) as unknown as typeof globalThis.fetch;
    const error = await request(fetch).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', where: endpoint });
    expect((error as Error).message).toContain('the browser does not let userlens see where it leads');
    expect(calls).toBe(1);
  });

  it('refuses the answer of a fetch that followed a redirect to another origin anyway', async () => {
    const fetch = (async () => {
      const response = Response.json(PLANTED);
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: 'https://evil.test/steal' });
      return response;
    }) as unknown as typeof globalThis.fetch;
    await expect(request(fetch)).rejects.toMatchObject({ code: 'invalid_response', where: endpoint, message: expect.stringContaining('(https://evil.test)') });
  });

  it('takes the answer of a fetch that followed a redirect within the origin', async () => {
    const fetch = (async () => {
      const response = Response.json(GENUINE);
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: `${BASE}/api/userlens/api/public/v2/metrics/` });
      return response;
    }) as unknown as typeof globalThis.fetch;
    await expect(request(fetch)).resolves.toEqual(GENUINE);
  });
});
