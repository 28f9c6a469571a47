/** Base64 of bytes: `btoa` takes only Latin-1 text, so each byte becomes one such character first. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The `Authorization` header value Langfuse expects: HTTP Basic over `publicKey:secretKey`,
 * encoded as UTF-8 first, because `btoa` alone throws on anything outside Latin-1.
 */
export function basicAuthorization(publicKey: string, secretKey: string): string {
  return `Basic ${base64(new TextEncoder().encode(`${publicKey}:${secretKey}`))}`;
}
