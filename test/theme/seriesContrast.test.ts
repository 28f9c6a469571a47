import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrast } from './contrast.ts';

/**
 * The charts' colours, read from the stylesheet's tokens as a host gets them: every series, the
 * bars (accent) and failed traces (danger) must reach 3:1 (WCAG 1.4.11, graphics) against the
 * backgrounds charts sit on, in the light and the dark scheme.
 */
const css = readFileSync(resolvePath(dirname(fileURLToPath(import.meta.url)), '../../src/styles/userlens.css'), 'utf8');
// The tokens' block: the first rule on every userlens root.
const block = /:where\(\[data-userlens\]\)\s*\{([^}]*)\}/.exec(css)![1]!;
const tokens = new Map([...block.matchAll(/(--ul-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));

/** A token's colour in one scheme: `light-dark(a, b)` picks a or b, `var(--x)` follows x. */
function resolve(name: string, scheme: 'light' | 'dark'): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`No token ${name} in userlens.css`);
  const pair = /^light-dark\(\s*([^,]+),\s*([^)]+)\)$/.exec(value);
  const picked = pair ? pair[scheme === 'light' ? 1 : 2]!.trim() : value;
  const reference = /^var\((--ul-[\w-]+)\)$/.exec(picked);
  return reference ? resolve(reference[1]!, scheme) : picked;
}

const series = [...tokens.keys()].filter((name) => /^--ul-series-\d+$/.test(name));
const CHART_COLOURS = [...series, '--ul-color-accent', '--ul-color-danger'];
const BACKGROUNDS = ['--ul-color-bg', '--ul-color-bg-subtle'];

describe('chart colours from the theme’s tokens', () => {
  it('computes contrast as WCAG does: the issue’s #a21caf on #14161b is 2.86:1', () => {
    expect(contrast('#a21caf', '#14161b')).toBeCloseTo(2.86, 2);
    expect(contrast('#000', '#fff')).toBe(21);
  });

  it('defines four series, each in both schemes', () => {
    expect(series).toHaveLength(4);
    for (const name of series) {
      expect(resolve(name, 'light')).toMatch(/^#[0-9a-f]{6}$/i);
      expect(resolve(name, 'dark')).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(CHART_COLOURS)(`%s reaches 3:1 on the chart backgrounds (${scheme})`, (name) => {
      for (const background of BACKGROUNDS) {
        const ratio = contrast(resolve(name, scheme), resolve(background, scheme));
        expect(ratio, `${name} ${resolve(name, scheme)} on ${background} ${resolve(background, scheme)}`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('keeps the series apart from one another in each scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const colours = series.map((name) => resolve(name, scheme).toLowerCase());
      expect(new Set(colours).size).toBe(series.length);
    }
  });
});
