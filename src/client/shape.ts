/**
 * Checks for the JSON this package reads from outside: Langfuse's payloads in the client, the
 * metrics `query`, filters and the host's scope in the proxy. Hand-written rather than with a
 * schema library (valibot, which both used before): the shapes are small and flat, nothing is
 * transformed, and the library's object and issue machinery measured 1.66 kB gzip in the server
 * entry and 1.8 kB in `userlens/core` (24.36 → 22.55 kB), which had passed its size budget. A check returns the first
 * mismatch — where, and what was expected — or null; the value itself passes through untouched.
 */

export interface Problem {
  /** Dot path of the value that does not fit, e.g. `data.1.userId`; empty for the whole value. */
  path: string;
  expected: string;
}

export type Check<T = unknown> = ((value: unknown, path: string) => Problem | null) & { readonly type?: T };

/** The type a check admits. */
export type Infer<C> = C extends Check<infer T> ? T : never;

/** Checks that may be absent from an object. */
const OPTIONAL = new WeakSet<Check>();

const child = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function is<T>(test: (value: unknown) => boolean, expected: string): Check<T> {
  return (value, path) => (test(value) ? null : { path, expected });
}

export const anything: Check<unknown> = () => null;
export const string = is<string>((value) => typeof value === 'string', 'a string');
export const number = is<number>((value) => typeof value === 'number', 'a number');
export const boolean = is<boolean>((value) => typeof value === 'boolean', 'a boolean');
/** Langfuse's filters read `''` as NULL, so a blank scope value would widen, not narrow. */
export const nonBlank = is<string>((value) => typeof value === 'string' && value.trim() !== '', 'a non-blank string');

export const oneOf = <const O extends readonly string[]>(options: O): Check<O[number]> =>
  is((value) => options.includes(value as string), `one of ${options.join(', ')}`);

export function anyOf<C extends readonly Check[]>(checks: C, expected: string): Check<Infer<C[number]>> {
  return is((value) => checks.some((check) => check(value, '') === null), expected);
}

export function arrayOf<T>(item: Check<T>, max = Infinity): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return { path, expected: 'an array' };
    if (value.length > max) return { path, expected: `at most ${max} items` };
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], child(path, i));
      if (problem) return problem;
    }
    return null;
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An object whose every value passes `item`. */
export function recordOf<T>(item: Check<T>): Check<Record<string, T>> {
  return (value, path) => {
    if (!isObject(value)) return { path, expected: 'an object' };
    for (const key of Object.keys(value)) {
      const problem = item(value[key], child(path, key));
      if (problem) return problem;
    }
    return null;
  };
}

/** May be absent (or undefined), and with `orNull` null too. */
export function optional<T>(check: Check<T>): Check<T | undefined>;
export function optional<T>(check: Check<T>, orNull: true): Check<T | null | undefined>;
export function optional<T>(check: Check<T>, orNull = false): Check<T | null | undefined> {
  const wrapped: Check<T | null | undefined> = (value, path) => (value === undefined || (orNull && value === null) ? null : check(value, path));
  OPTIONAL.add(wrapped);
  return wrapped;
}

/** Null or absent, or passing `check`. */
export const nullish = <T>(check: Check<T>) => optional(check, true);

/** Present, and null or passing `check`. */
export const nullable = <T>(check: Check<T>): Check<T | null> => (value, path) => (value === null ? null : check(value, path));

type Shape<F extends Record<string, Check>> = { [K in keyof F]: Infer<F[K]> };

/**
 * An object with these keys. `strict` refuses any other key (a look-alike such as `"column "`
 * is refused rather than ignored); otherwise other keys pass through, as fields a newer source
 * adds must.
 */
export function object<F extends Record<string, Check>>(fields: F, strict = false): Check<Shape<F>> {
  return (value, path) => {
    if (!isObject(value)) return { path, expected: 'an object' };
    if (strict) {
      for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) return { path: child(path, key), expected: 'no such key' };
    }
    for (const [key, check] of Object.entries(fields)) {
      const field = value[key];
      if (field === undefined && !OPTIONAL.has(check)) return { path: child(path, key), expected: 'a value' };
      const problem = check(field, child(path, key));
      if (problem) return problem;
    }
    return null;
  };
}

export const strictObject = <F extends Record<string, Check>>(fields: F) => object(fields, true);

/** `at <path>: expected …`, for messages. */
export function describeProblem({ path, expected }: Problem): string {
  return `${path ? `at ${path}: ` : ''}${expected === 'no such key' ? 'unknown key' : `expected ${expected}`}`;
}
