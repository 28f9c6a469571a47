import { base64 } from './basicAuthorization.js';

/**
 * The second line of defence for text that came from upstream (the first is that no upstream
 * text reaches the browser at all): every form in which a header or a URL can carry the keys
 * or the upstream address, so an echo of `Authorization: Basic …` is caught as surely as the
 * raw key. Used on what `onError` is told.
 */

/**
 * `secret` in base64 at each of the three byte offsets it can start at inside a longer encoded
 * string (`pk:sk` in a Basic token, or a whole encoded header line): whole, and the characters
 * that depend on it alone (the first and last groups also hold neighbouring bytes), standard
 * and URL-safe.
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = [base64(bytes)];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = base64(new Uint8Array([...new Uint8Array(offset), ...bytes])).replace(/=+$/, '');
    const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - (encoded.length % 4 || 4);
    const core = encoded.slice(offset === 0 ? 0 : 4, end);
    if (core.length >= 8) forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/** A redactor of the keys and the upstream address in every written form, any case (percent escapes vary). */
export function createRedactor(publicKey: string, secretKey: string, baseUrl: string): (text: string) => string {
  const url = new URL(baseUrl);
  const forms = [baseUrl, url.host, url.hostname, url.pathname.length > 1 ? url.pathname : ''].flatMap((form) => [form, encodeURIComponent(form)]);
  for (const secret of [`${publicKey}:${secretKey}`, secretKey, publicKey]) forms.push(secret, encodeURIComponent(secret), ...base64Forms(secret));
  const escaped = forms
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // Anything shaped like a Langfuse key too, even one that is not ours.
  const pattern = new RegExp([...escaped, '[ps]k-lf-[\\w-]*'].join('|'), 'gi');
  return (text) => text.replace(pattern, '[redacted]');
}
