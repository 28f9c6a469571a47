/**
 * A bounded plain-text preview of any JSON value (a trace's input or output), reading as
 * `JSON.stringify(value, null, indent)` would up to `maxChars`.
 *
 * Hand-written rather than `JSON.stringify(value).slice(0, n)`: stringify must serialize all of
 * a 1 MB payload before it can be cut, and throws on deeply nested values (the call stack runs
 * out). This walks the value with an explicit stack — arrays by index, object keys one at a
 * time — and stops as soon as `maxChars` are written, so the cost follows the preview, not the
 * payload. It follows JSON's rules: `toJSON`, `undefined` and functions dropped from objects
 * and written `null` in arrays, non-finite numbers as `null`; a value met again on its own
 * path (a cycle), or nested past 64 levels, reads `{…}` / `[…]` and marks the preview cut.
 */
export interface Preview {
  text: string;
  /** Whether the value goes on past `text` (or was cut at a cycle or the depth limit). */
  truncated: boolean;
}

type Frame =
  | { kind: 'value'; value: unknown; depth: number; inArray: boolean }
  | { kind: 'array'; array: readonly unknown[]; index: number; depth: number }
  | { kind: 'object'; object: object; keys: Iterator<string>; first: boolean; depth: number };

const MAX_DEPTH = 64;

/** `indent`: spaces per level, as JSON.stringify's third argument (0 writes one line). */
export function previewValue(value: unknown, maxChars: number, indent = 0): Preview {
  if (value === null || value === undefined) return { text: '', truncated: false };
  if (typeof value === 'string') return cut(value, maxChars, value.length > maxChars);
  let out = '';
  let cutShort = false;
  const path = new Set<object>();
  // A line break and the indentation of `depth`, when pretty-printing.
  const newline = (depth: number) => (indent > 0 ? `\n${' '.repeat(indent * depth)}` : '');
  const stack: Frame[] = [{ kind: 'value', value: jsonValue(value, ''), depth: 0, inArray: false }];
  while (stack.length > 0 && out.length < maxChars) {
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'array') {
      if (frame.index >= frame.array.length) {
        stack.pop();
        path.delete(frame.array);
        out += `${frame.index > 0 ? newline(frame.depth) : ''}]`;
        continue;
      }
      out += `${frame.index > 0 ? ',' : ''}${newline(frame.depth + 1)}`;
      // Holes and non-JSON items read as null, as in JSON.stringify.
      const item = frame.index in frame.array ? jsonValue(frame.array[frame.index], String(frame.index)) : null;
      frame.index++;
      stack.push({ kind: 'value', value: item, depth: frame.depth + 1, inArray: true });
    } else if (frame.kind === 'object') {
      const next = frame.keys.next();
      if (next.done) {
        stack.pop();
        path.delete(frame.object);
        out += `${frame.first ? '' : newline(frame.depth)}}`;
        continue;
      }
      const item = jsonValue((frame.object as Record<string, unknown>)[next.value], next.value);
      if (item === undefined) continue; // dropped, as JSON drops it
      out += `${frame.first ? '' : ','}${newline(frame.depth + 1)}${JSON.stringify(next.value)}:${indent > 0 ? ' ' : ''}`;
      frame.first = false;
      stack.push({ kind: 'value', value: item, depth: frame.depth + 1, inArray: false });
    } else {
      stack.pop();
      const v = frame.value;
      if (v === undefined) out += frame.inArray ? 'null' : '';
      else if (v === null) out += 'null';
      else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : 'null';
      else if (typeof v === 'boolean') out += String(v);
      else if (typeof v === 'string') out += JSON.stringify(v.length > maxChars ? v.slice(0, maxChars) : v);
      else if (typeof v === 'bigint') out += String(v);
      else if (typeof v !== 'object') out += 'null';
      else {
        if (path.has(v) || frame.depth >= MAX_DEPTH) {
          out += Array.isArray(v) ? '[…]' : '{…}';
          cutShort = true;
          continue;
        }
        path.add(v);
        out += Array.isArray(v) ? '[' : '{';
        if (Array.isArray(v)) stack.push({ kind: 'array', array: v, index: 0, depth: frame.depth });
        else stack.push({ kind: 'object', object: v, keys: ownKeys(v), first: true, depth: frame.depth });
      }
    }
  }
  return cut(out, maxChars, cutShort || stack.length > 0 || out.length > maxChars);
}

/** The value JSON would write for `value` under `key`: after `toJSON`, `undefined` for what it drops. */
function jsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return value;
}

/** Own enumerable keys, one at a time: a 2-million-key object costs only the keys shown. */
function* ownKeys(object: object): Iterator<string> {
  for (const key in object) if (Object.hasOwn(object, key)) yield key;
}

/** Cuts at `maxChars` without splitting a surrogate pair. */
export function cut(text: string, maxChars: number, truncated: boolean): Preview {
  if (text.length <= maxChars) return { text, truncated };
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}
