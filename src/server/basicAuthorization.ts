/**
 * The `Authorization` header value Langfuse expects: HTTP Basic over `publicKey:secretKey`.
 * Encodes UTF-8 first, because `btoa` alone throws on anything outside Latin-1.
 */
export function basicAuthorization(publicKey: string, secretKey: string): string {
  const bytes = new TextEncoder().encode(`${publicKey}:${secretKey}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
