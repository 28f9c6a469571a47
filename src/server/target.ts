/**
 * Checks on the request target before anything is matched. The allowed paths are plain ASCII
 * without encodings, so anything that could make two parsers disagree about the path — dot
 * segments, percent-encodings (`%2e`, `%2f`, `%5c`, `%252e`, `%00`), backslashes, empty
 * segments, control or non-ASCII characters — is refused outright rather than normalized.
 * Runtimes that hand over a WHATWG `Request` have already folded `..` and `\`; the Node adapter
 * runs the same check on the raw request line, before building a `Request`.
 */

/** Why a raw pathname is refused, or null when it is plain. */
export function unsafePathReason(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return 'The request path must start with "/".';
  if (/[^\x21-\x7e]/.test(rawPath)) return 'The request path contains control, space or non-ASCII characters.';
  if (rawPath.includes('%')) return 'The request path contains percent-encoded characters.';
  if (rawPath.includes('\\')) return 'The request path contains backslashes.';
  if (rawPath.includes('//')) return 'The request path contains empty segments.';
  if (rawPath.split('/').some((segment) => segment === '.' || segment === '..')) return 'The request path contains dot segments.';
  return null;
}

/** CR, LF, NUL and the other C0 controls plus DEL: header-injection material in any decoded value. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Longest request target the proxy reads; longer ones get 414. */
export const MAX_TARGET_LENGTH = 16_384;
