import { describe, expect, it } from 'vitest';
import { previewValue } from '../../src/format/previewValue.ts';

describe('previewValue', () => {
  it('reads small values as JSON text', () => {
    expect(previewValue({ a: [1, 'x', null, true] }, 100)).toEqual({ text: '{"a":[1,"x",null,true]}', truncated: false });
    expect(previewValue('plain <b>text</b>', 100)).toEqual({ text: 'plain <b>text</b>', truncated: false });
    expect(previewValue(null, 10)).toEqual({ text: '', truncated: false });
  });

  it('matches JSON.stringify up to the budget', () => {
    const value = { messages: [{ role: 'user', content: 'hello "world"' }], n: 3.5, nested: { deep: [1, 2, { x: 'y' }] } };
    const full = JSON.stringify(value);
    for (const budget of [5, 20, 40, full.length]) {
      expect(previewValue(value, budget).text).toBe(full.slice(0, budget));
      expect(previewValue(value, budget).truncated).toBe(budget < full.length);
    }
  });

  it('cuts a 1 MB string without reading past the budget', () => {
    const huge = 'x'.repeat(1_000_000);
    expect(previewValue(huge, 200)).toEqual({ text: 'x'.repeat(200), truncated: true });
    expect(previewValue({ input: huge }, 50).text).toBe(`{"input":"${'x'.repeat(40)}`);
  });

  it('survives nesting deeper than the call stack allows JSON.stringify', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const preview = previewValue(deep, 100);
    expect(preview.truncated).toBe(true);
    expect(preview.text.startsWith('{"d":{"d":')).toBe(true);
  });

  it('marks cycles instead of looping', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(previewValue(cyclic, 100).text).toBe('{"name":"loop","self":{…}}');
  });
});
