/**
 * A bounded plain-text preview of any JSON value (a trace's input or output).
 *
 * Hand-written rather than `JSON.stringify(value).slice(0, n)`: stringify must serialize all of
 * a 1 MB payload before it can be cut, and throws on deeply nested values (the call stack runs
 * out). This walks the value with an explicit stack and stops as soon as `maxChars` are written,
 * so the cost follows the preview, not the payload.
 */
export interface Preview {
  text: string;
  /** Whether the value goes on past `text`. */
  truncated: boolean;
}

type Frame = { kind: 'text'; text: string } | { kind: 'value'; value: unknown; depth: number };

const MAX_DEPTH = 64;

export function previewValue(value: unknown, maxChars: number): Preview {
  if (value === null || value === undefined) return { text: '', truncated: false };
  if (typeof value === 'string') {
    return value.length > maxChars ? { text: value.slice(0, maxChars), truncated: true } : { text: value, truncated: false };
  }
  let out = '';
  const stack: Frame[] = [{ kind: 'value', value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    if (out.length >= maxChars) return { text: out.slice(0, maxChars), truncated: true };
    const frame = stack.pop()!;
    if (frame.kind === 'text') {
      out += frame.text;
      continue;
    }
    const { value: v, depth } = frame;
    if (v === null || typeof v === 'number' || typeof v === 'boolean') out += String(v);
    else if (typeof v === 'string') out += JSON.stringify(v.length > maxChars ? v.slice(0, maxChars) : v);
    else if (typeof v !== 'object') out += JSON.stringify(String(v));
    else if (seen.has(v) || depth >= MAX_DEPTH) out += Array.isArray(v) ? '[…]' : '{…}';
    else {
      seen.add(v);
      // Frames are pushed in reverse so they pop in reading order.
      const frames: Frame[] = [];
      if (Array.isArray(v)) {
        frames.push({ kind: 'text', text: '[' });
        v.forEach((item, i) => {
          if (i > 0) frames.push({ kind: 'text', text: ',' });
          frames.push({ kind: 'value', value: item, depth: depth + 1 });
        });
        frames.push({ kind: 'text', text: ']' });
      } else {
        frames.push({ kind: 'text', text: '{' });
        let first = true;
        for (const key in v) {
          if (!Object.hasOwn(v, key)) continue;
          frames.push({ kind: 'text', text: `${first ? '' : ','}${JSON.stringify(key)}:` });
          frames.push({ kind: 'value', value: (v as Record<string, unknown>)[key], depth: depth + 1 });
          first = false;
          // Keys past the budget would never be shown: stop collecting them.
          if (frames.length > maxChars) break;
        }
        frames.push({ kind: 'text', text: '}' });
      }
      for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i]!);
    }
  }
  return out.length > maxChars ? { text: out.slice(0, maxChars), truncated: true } : { text: out, truncated: false };
}
