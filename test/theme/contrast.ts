/** WCAG 2 contrast, for tests that check colours a reader must tell apart. */

export type Rgb = readonly [r: number, g: number, b: number];

/** `#rrggbb`, `#rgb`, or a computed `rgb(r, g, b)` / `rgba(…)`. */
export function parseColor(text: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim())?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`Not a colour this test reads: ${text}`);
}

/** Relative luminance (WCAG 2.x, sRGB). */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb | string, b: Rgb | string): number {
  const [la, lb] = [a, b].map((c) => luminance(typeof c === 'string' ? parseColor(c) : c)).sort((x, y) => y - x);
  return (la! + 0.05) / (lb! + 0.05);
}
