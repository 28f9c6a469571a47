/**
 * UTF-8-safe base64 without Node's Buffer: the fake also runs in the browser (MSW in Storybook),
 * and ids may hold any Unicode.
 */

export function encodeBase64(text: string, urlSafe = false): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  const base64 = btoa(binary);
  return urlSafe ? base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : base64;
}

/** The decoded text; `null` when `encoded` is not base64 (either alphabet) of UTF-8. */
export function decodeBase64(encoded: string): string | null {
  let normal = encoded.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal)) return null;
  normal = normal.replace(/=+$/, '');
  if (normal.length % 4 === 1) return null;
  normal += '='.repeat((4 - (normal.length % 4)) % 4);
  try {
    const binary = atob(normal);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
