/**
 * The second line of defence for text that came from upstream (the first is that no upstream
 * text reaches the browser at all): every form in which a header or a URL can carry the keys
 * or the upstream address, so an echo of `Authorization: Basic …` is caught as surely as the
 * raw key. Used on what `onError` is told.
 */

const REDACTED = '[redacted]';

function utf8ToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}

/**
 * The base64 characters that depend only on `secret`, for each of the three byte offsets it can
 * start at inside a longer encoded string (`pk:sk` inside a Basic token, or inside an encoded
 * header line): the first and last groups also hold neighbouring bytes and are dropped.
 */
function base64Cores(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = utf8ToBase64(padded);
    const start = offset === 0 ? 0 : 4;
    const end = (offset + bytes.length) % 3 === 0 ? encoded.length : Math.floor(encoded.length / 4) * 4;
    const core = encoded.slice(start, end);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every written form of the keys and of the upstream address worth looking for. */
export function secretForms(publicKey: string, secretKey: string, baseUrl: string): string[] {
  const url = new URL(baseUrl);
  const forms = new Set<string>();
  for (const secret of [secretKey, publicKey, `${publicKey}:${secretKey}`]) {
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
    const whole = utf8ToBase64(new TextEncoder().encode(secret));
    forms.add(whole.padEnd(Math.ceil(whole.length / 4) * 4, '='));
    for (const core of base64Cores(secret)) forms.add(core);
  }
  for (const part of [baseUrl, url.host, url.hostname]) forms.add(part);
  if (url.pathname.length > 1) forms.add(url.pathname);
  forms.delete('');
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A redactor over these forms, matched case-insensitively (percent escapes vary in case). */
export function createRedactor(forms: readonly string[]): (text: string) => string {
  // Anything shaped like a Langfuse key too, even one that is not ours.
  const escaped = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp([...escaped, '[ps]k-lf-[\\w-]*'].join('|'), 'gi');
  return (text) => text.replace(pattern, REDACTED);
}
