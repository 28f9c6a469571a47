/**
 * Strict checks for the few JSON shapes the proxy reads: the metrics `query`, filter conditions
 * and the host's scope. Hand-written rather than with valibot (which the client entries use):
 * the shapes are small and flat, and valibot's object and issue machinery cost the server entry
 * 1.66 kB of its 11 kB gzip budget (11.37 kB with it, 9.71 kB without). A check returns what is wrong at the first mismatch —
 * `at <path>: expected …` — or null.
 */
export type Check = (value: unknown, path: string) => string | null;

const OPTIONAL = new WeakSet<Check>();

const wrong = (path: string, problem: string) => `${path ? `at ${path}: ` : ''}${problem}`;
const child = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

export const anything: Check = () => null;

export const string: Check = (value, path) => (typeof value === 'string' ? null : wrong(path, 'expected a string'));

export const number: Check = (value, path) => (typeof value === 'number' ? null : wrong(path, 'expected a number'));

/** Langfuse's filters read `''` as NULL, so a blank scope value would widen, not narrow. */
export const nonBlank: Check = (value, path) => (typeof value === 'string' && value.trim() !== '' ? null : wrong(path, 'expected a non-blank string'));

export const oneOf =
  (options: readonly string[]): Check =>
  (value, path) =>
    options.includes(value as string) ? null : wrong(path, `expected one of ${options.join(', ')}`);

export function arrayOf(item: Check, max = Infinity): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return wrong(path, 'expected an array');
    if (value.length > max) return wrong(path, `expected at most ${max} items`);
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], child(path, i));
      if (problem) return problem;
    }
    return null;
  };
}

/** May be absent (or undefined), and with `orNull` null too. */
export function optional(check: Check, orNull = false): Check {
  const wrapped: Check = (value, path) => (value === undefined || (orNull && value === null) ? null : check(value, path));
  OPTIONAL.add(wrapped);
  return wrapped;
}

/** An object with exactly these keys (the optional ones may be missing): a look-alike key such as `"column "` is refused, not dropped. */
export function object(fields: Record<string, Check>): Check {
  return (value, path) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrong(path, 'expected an object');
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(fields, key)) return wrong(child(path, key), 'unknown key');
    }
    for (const [key, check] of Object.entries(fields)) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined && !OPTIONAL.has(check)) return wrong(child(path, key), 'expected a value');
      const problem = check(field, child(path, key));
      if (problem) return problem;
    }
    return null;
  };
}
