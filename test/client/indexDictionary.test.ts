// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMemoryClient } from '../../src/core.ts';
import { createFixtures } from '../../src/testing/index.ts';

/** 32-bit FNV-1a over UTF-16 code units, as the index hashes the strings it numbers. */
function fnv(value: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash;
}

describe('the index numbers each string once', () => {
  it('keeps "" one tag when another tag of the same hash is there and the table grows', async () => {
    // A string whose hash is that of "": the case a grow of the table once merged.
    expect(fnv('ocp룒')).toBe(fnv(''));
    const f = createFixtures();
    f.trace({ userId: 'u', tags: ['', 'ocp룒', ...Array.from({ length: 20 }, (_, i) => `t${i}`)] });
    f.trace({ userId: 'u', tags: [''] });
    const client = createMemoryClient(f.dataset());
    const stats = (await client.getUser('u'))!;
    expect(stats.tags!.filter((t) => t.tag === '')).toEqual([{ tag: '', traceCount: 2 }]);
    expect(stats.tags!.find((t) => t.tag === 'ocp룒')).toEqual({ tag: 'ocp룒', traceCount: 1 });
    const page = await client.listTraces({ userId: 'u', tags: [''] });
    expect(page.total).toBe(2);
  });
});
