// The demo sign-in: the admin picks a tenant and gets an HMAC-signed, HttpOnly cookie naming it.
// A host has its own auth; what matters is that the tenant comes from the server's session,
// never from anything the browser sends in the query.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TENANTS } from './data.mjs';

const COOKIE = 'example_session';
const key = randomBytes(32);
const sign = (value) => createHmac('sha256', key).update(value).digest('base64url');

export function sessionCookie(tenant) {
  return `${COOKIE}=${tenant}.${sign(tenant)}; Path=/; HttpOnly; SameSite=Lax`;
}

export const signedOutCookie = `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

/** The signed-in tenant of a request, or null. */
export function tenantOf(cookieHeader) {
  const value = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
  const [tenant, mac] = (value ?? '').split('.');
  if (!tenant || !mac || !Object.hasOwn(TENANTS, tenant)) return null;
  const expected = Buffer.from(sign(tenant));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? tenant : null;
}
