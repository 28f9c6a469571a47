import { describe, expect, it } from 'vitest';
import { enUS, figureHelpEnUS } from '../../src/index.ts';

describe('the English texts', () => {
  it('hold no emoji: without an emoji font they render as empty boxes', () => {
    const withEmoji = Object.entries({ ...enUS, ...figureHelpEnUS }).filter(([, text]) => /\p{Extended_Pictographic}/u.test(text));
    expect(withEmoji).toEqual([]);
  });
});
