import { cut, type Preview } from './previewValue.js';

/**
 * The readable text of a chat-shaped trace payload: for an input, the last user message; for an
 * output, the assistant's reply. `undefined` when the value has no chat shape (or no text), so
 * the caller falls back to the JSON preview.
 *
 * Understood: a messages array (OpenAI, Anthropic, LangChain; a batch `[[...]]` reads its last
 * conversation), `{ messages }` (Anthropic's request, LangGraph state), Gemini's `{ contents }`
 * and `{ candidates }`, OpenAI's `{ choices }`, a single message. A message is `{ role, content }`,
 * Gemini's `{ role, parts }`, LangChain's `{ type: 'human' | 'ai', content }` or its `{ type, data }`
 * and serialized `{ lc, kwargs }` forms. Content is a string or text parts (`{ type: 'text', text }`,
 * Gemini's `{ text }`), images and tool calls skipped.
 *
 * Only those fixed paths are read, never a walk of the whole value, and at most `MAX_ITEMS` of any
 * array, from its end: a hostile payload costs as much as a small one.
 */
export type PayloadSide = 'input' | 'output';

const MAX_ITEMS = 200;
const ROLES: Record<PayloadSide, RegExp> = {
  input: /^(user|human|HumanMessage(Chunk)?)$/,
  output: /^(assistant|ai|model|AIMessage(Chunk)?)$/,
};

export function chatText(value: unknown, side: PayloadSide, maxChars: number): Preview | undefined {
  const messages = messagesOf(value);
  // The last message of the wanted role that has text: a user turn carrying only tool results is passed over.
  for (let i = messages.length - 1; i >= Math.max(0, messages.length - MAX_ITEMS); i--) {
    const message = messages[i];
    const text = ROLES[side].test(roleOf(message)) ? textOf(contentOf(message), maxChars) : undefined;
    if (text) return text;
  }
  return undefined;
}

/** The messages a payload holds, in order; a lone message is a list of one. */
function messagesOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) {
    const last: unknown = value[value.length - 1];
    return Array.isArray(last) ? last : value;
  }
  const list = field(value, 'messages') ?? field(value, 'contents');
  if (Array.isArray(list)) return list;
  // Responses carry alternatives; the first is the one an app shows.
  const choices = field(value, 'choices');
  if (Array.isArray(choices)) return [field(choices[0], 'message')];
  const candidates = field(value, 'candidates');
  if (Array.isArray(candidates)) return [field(candidates[0], 'content')];
  return [value];
}

/** `role`, LangChain's `type`, or the class a serialized LangChain message names last in its `id`. */
function roleOf(message: unknown): string {
  const id = field(message, 'lc') === undefined ? undefined : field(message, 'id');
  const role = Array.isArray(id) ? (id[id.length - 1] as unknown) : (field(message, 'role') ?? field(message, 'type'));
  return typeof role === 'string' ? role : '';
}

function contentOf(message: unknown): unknown {
  return field(message, 'content') ?? field(message, 'parts') ?? field(field(message, 'kwargs') ?? field(message, 'data'), 'content');
}

/** A content's text parts, joined by line breaks and cut at `maxChars`; none without text. */
function textOf(content: unknown, maxChars: number): Preview | undefined {
  const parts = Array.isArray(content) ? content : [content];
  let text = '';
  for (let i = 0; i < Math.min(parts.length, MAX_ITEMS) && text.length <= maxChars; i++) {
    const part = partText(parts[i]);
    if (part && /\S/.test(part)) text += (text ? '\n' : '') + part.slice(0, maxChars + 1);
  }
  return text ? cut(text, maxChars, text.length > maxChars || parts.length > MAX_ITEMS) : undefined;
}

function partText(part: unknown): string | undefined {
  if (typeof part === 'string') return part;
  const type = field(part, 'type');
  // Text parts: OpenAI's and Anthropic's `text`, the Responses API's `input_text` / `output_text`,
  // Gemini's untyped `{ text }` unless it is a `thought` (its reasoning, not the reply).
  if (type === undefined ? field(part, 'thought') === true : !/^(\w+_)?text$/.test(String(type))) return undefined;
  const text = field(part, 'text');
  return typeof text === 'string' ? text : undefined;
}

/** An own field only: a payload's `constructor` or `__proto__` is never read from the prototype. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
