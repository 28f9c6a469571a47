import { describe, expect, it } from 'vitest';
import { chatText } from '../../src/format/chatText.ts';

const input = (value: unknown, maxChars = 500) => chatText(value, 'input', maxChars)?.text;
const output = (value: unknown, maxChars = 500) => chatText(value, 'output', maxChars)?.text;

describe('chatText — the shapes apps log', () => {
  it('reads an OpenAI messages array: the last user message, string or text parts', () => {
    const messages = [
      { role: 'system', content: 'You are a contracts assistant.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello! What can I do?' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Find the clause about termination.' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          { type: 'text', text: 'It is on page 4.' },
        ],
      },
    ];
    expect(input(messages)).toBe('Find the clause about termination.\nIt is on page 4.');
    expect(output(messages)).toBe('Hello! What can I do?');
  });

  it('reads an OpenAI chat completion and a plain assistant message as output', () => {
    const completion = {
      id: 'chatcmpl-123',
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Clause 12.3 covers termination.', refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 41, completion_tokens: 9, total_tokens: 50 },
    };
    expect(output(completion)).toBe('Clause 12.3 covers termination.');
    expect(output({ role: 'assistant', content: 'Here is a step-by-step guide.' })).toBe('Here is a step-by-step guide.');
    // An output is not read for a user message, nor an input for the assistant's.
    expect(input(completion)).toBeUndefined();
    expect(output({ role: 'user', content: 'Hi' })).toBeUndefined();
  });

  it('reads an Anthropic request (system beside messages) and response (content blocks)', () => {
    const request = {
      model: 'claude-3-5-sonnet',
      system: 'You are terse.',
      max_tokens: 1024,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Why was my invoice higher this month?' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_invoice', input: { month: '2026-10' } }] },
        // A tool result is a user turn without text: the question before it is what the user asked.
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '{"total": 412}' }] },
      ],
    };
    expect(input(request)).toBe('Why was my invoice higher this month?');
    const response = {
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Usage rose on the 14th.' },
        { type: 'text', text: 'The main driver was a 3× increase in usage on the 14th.' },
      ],
      stop_reason: 'end_turn',
    };
    expect(output(response)).toBe('The main driver was a 3× increase in usage on the 14th.');
  });

  it('reads Gemini contents and candidates (role model, text parts, thoughts skipped)', () => {
    const request = {
      contents: [
        { role: 'user', parts: [{ text: 'Translate this paragraph into Spanish.' }, { inlineData: { mimeType: 'text/plain', data: 'SGVsbG8=' } }] },
      ],
      systemInstruction: { parts: [{ text: 'Translate faithfully.' }] },
    };
    expect(input(request)).toBe('Translate this paragraph into Spanish.');
    const response = {
      candidates: [{ content: { role: 'model', parts: [{ text: 'Planning the translation', thought: true }, { text: 'Hola, ¿qué tal?' }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 5 },
    };
    expect(output(response)).toBe('Hola, ¿qué tal?');
    expect(output({ role: 'model', parts: [{ text: 'Listo.' }] })).toBe('Listo.');
  });

  it('reads { messages } and a single { role, content }', () => {
    expect(input({ messages: [{ role: 'user', content: 'How do I rotate my API key?' }] })).toBe('How do I rotate my API key?');
    expect(input({ role: 'user', content: 'Draft a polite reply.' })).toBe('Draft a polite reply.');
  });

  it('reads LangChain messages: typed dicts, stored { type, data }, serialized constructors, batches', () => {
    const state = {
      messages: [
        { type: 'system', content: 'Be brief.' },
        { type: 'human', content: 'What does error E1042 mean?', id: 'm1' },
        { type: 'ai', content: 'A sync conflict.', tool_calls: [] },
      ],
    };
    expect(input(state)).toBe('What does error E1042 mean?');
    expect(output(state)).toBe('A sync conflict.');
    expect(input([{ type: 'human', data: { content: 'Stored question', additional_kwargs: {} } }])).toBe('Stored question');
    const serialized = [
      { lc: 1, type: 'constructor', id: ['langchain_core', 'messages', 'SystemMessage'], kwargs: { content: 'Be brief.' } },
      { lc: 1, type: 'constructor', id: ['langchain_core', 'messages', 'HumanMessage'], kwargs: { content: 'Write a SQL query that lists churned customers.' } },
    ];
    expect(input(serialized)).toBe('Write a SQL query that lists churned customers.');
    expect(output({ lc: 1, type: 'constructor', id: ['langchain_core', 'messages', 'AIMessageChunk'], kwargs: { content: [{ type: 'text', text: 'SELECT …' }] } })).toBe('SELECT …');
    // generate() takes a batch of conversations; the last is shown.
    expect(input([[{ role: 'user', content: 'first' }], [{ role: 'user', content: 'second' }]])).toBe('second');
  });
});

describe('chatText — what it leaves to the JSON preview', () => {
  it('answers nothing for values without a chat shape or without text', () => {
    for (const value of [
      null,
      'a plain string',
      42,
      { query: 'termination', topK: 5 },
      [1, 2, 3],
      [{ content: 'no role' }],
      { messages: 'not a list' },
      { role: 'user' },
      { role: 'user', content: null },
      { role: 'user', content: 42 },
      { role: 'user', content: { nested: 'object' } },
      { role: 'user', content: '   \n ' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] },
      { role: 42, content: 'numeric role' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { choices: [] },
      { choices: [{ text: 'legacy completion' }] },
      { candidates: [{ finishReason: 'SAFETY' }] },
    ]) {
      expect(input(value), JSON.stringify(value)).toBeUndefined();
      expect(output(value), JSON.stringify(value)).toBeUndefined();
    }
  });

  it('reads no inherited field: a payload naming constructor or __proto__ is data', () => {
    expect(input(JSON.parse('{"__proto__": {"role": "user", "content": "inherited"}}'))).toBeUndefined();
    expect(input({ type: 'human', content: 'ok', constructor: { content: 'x' } })).toBe('ok');
  });
});

describe('chatText — hostile sizes', () => {
  it('cuts a 1 MB message at the budget, in text and in parts', () => {
    const huge = 'word '.repeat(200_000);
    expect(chatText({ role: 'user', content: huge }, 'input', 300)).toEqual({ text: huge.slice(0, 300), truncated: true });
    const parts = chatText({ role: 'assistant', content: Array.from({ length: 50 }, () => ({ type: 'text', text: huge })) }, 'output', 300)!;
    expect(parts.text).toHaveLength(300);
    expect(parts.truncated).toBe(true);
  });

  it('reads a few items of a 2-million-message history, from its end', () => {
    const history = Array.from({ length: 2_000_000 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `turn ${i}` }));
    let reads = 0;
    const counted = new Proxy(history, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(input({ messages: counted })).toBe('turn 1999998');
    expect(reads).toBeLessThan(10);
    // A history without a user message stops after a bounded look back.
    reads = 0;
    const assistantOnly = new Proxy(Array.from({ length: 100_000 }, () => ({ role: 'assistant', content: 'x' })), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(input(assistantOnly)).toBeUndefined();
    expect(reads).toBeLessThanOrEqual(201);
  });

  it('reads a fixed path into deep nesting, never walking it', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { content: deep, role: 'user' };
    expect(input(deep)).toBeUndefined();
    let deepArrays: unknown = [{ role: 'user', content: 'inside' }];
    for (let i = 0; i < 100_000; i++) deepArrays = [deepArrays];
    expect(input(deepArrays)).toBeUndefined();
  });

  it('never splits an emoji at the cut', () => {
    expect(chatText({ role: 'user', content: 'ab😀cd' }, 'input', 3)).toEqual({ text: 'ab', truncated: true });
  });
});
