import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewValue } from '../../src/format/previewValue.ts';

describe('previewValue', () => {
  it('reads small values as JSON text', () => {
    expect(previewValue({ a: [1, 'x', null, true] }, 100)).toEqual({ text: '{"a":[1,"x",null,true]}', truncated: false });
    expect(previewValue('plain <b>text</b>', 100)).toEqual({ text: 'plain <b>text</b>', truncated: false });
    expect(previewValue(null, 10)).toEqual({ text: '', truncated: false });
  });

  it('reads any JSON value exactly as JSON.stringify, cut at the budget', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 400 }), (value, budget) => {
        if (typeof value === 'string' || value === null) return;
        const full = JSON.stringify(value);
        const preview = previewValue(value, budget);
        expect(preview.text).toBe(full.slice(0, budget));
        expect(preview.truncated).toBe(full.length > budget);
      }),
      { numRuns: 500 },
    );
  });

  it('pretty-prints as JSON.stringify(value, null, indent), cut at the budget', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 600 }), (value, indent, budget) => {
        if (typeof value === 'string' || value === null) return;
        const full = JSON.stringify(value, null, indent);
        const preview = previewValue(value, budget, indent);
        expect(preview.text).toBe(full.slice(0, budget));
        expect(preview.truncated).toBe(full.length > budget);
      }),
      { numRuns: 500 },
    );
    expect(previewValue({ a: [], b: {}, c: [1, { d: undefined }] }, 200, 2).text).toBe('{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {}\n  ]\n}');
  });

  it('follows JSON for values JSON treats specially', () => {
    const date = new Date('2026-01-02T03:04:05.000Z');
    // eslint-disable-next-line no-sparse-arrays
    const value = { u: undefined, f: () => 1, d: date, n: Number.NaN, i: Infinity, arr: [undefined, () => 2, , 3], s: new String('ab'), t: { toJSON: () => 'custom' } };
    expect(previewValue(value, 500).text).toBe(JSON.stringify(value));
  });

  it('writes an object met twice (not a cycle) in full both times', () => {
    const shared = { x: 1 };
    expect(previewValue({ p: shared, q: shared }, 100).text).toBe('{"p":{"x":1},"q":{"x":1}}');
  });

  it('marks cycles and the depth limit as cut', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(previewValue(cyclic, 100)).toEqual({ text: '{"name":"loop","self":{…}}', truncated: true });
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const preview = previewValue(deep, 10_000);
    expect(preview.truncated).toBe(true);
    expect(preview.text).toContain('[…]');
  });

  it('cuts a 1 MB string and a 2-million-item array without reading past the budget', () => {
    expect(previewValue('x'.repeat(1_000_000), 200)).toEqual({ text: 'x'.repeat(200), truncated: true });
    expect(previewValue({ input: 'x'.repeat(1_000_000) }, 50).text).toBe(`{"input":"${'x'.repeat(40)}`);
    // Count the items read: a preview of 20 characters must not walk 2 million of them.
    const items = Array.from({ length: 2_000_000 }, (_, i) => i);
    let reads = 0;
    const counted = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(previewValue(counted, 20).text).toBe(JSON.stringify(items).slice(0, 20));
    expect(reads).toBeLessThan(50);
  });

  it('survives nesting deeper than the call stack allows JSON.stringify', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    const preview = previewValue(deep, 100);
    expect(preview.truncated).toBe(true);
    expect(preview.text.startsWith('{"d":{"d":')).toBe(true);
  });

  it('never splits an emoji in two', () => {
    expect(previewValue('ab😀cd', 3)).toEqual({ text: 'ab', truncated: true });
  });
});
