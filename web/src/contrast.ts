// WCAG 2 contrast, to check the palette (unit test) and rendered pages (browser test) alike.

/** An opaque sRGB colour, 0–255 per channel. */
export type Rgb = [number, number, number];

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` / `rgba(r, g, b, 1)`; null for anything else or a translucent colour. */
export function parseColor(text: string): Rgb | null {
  const s = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return [short[1], short[2], short[3]].map((c) => Number.parseInt(`${c}${c}`, 16)) as Rgb;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(s);
  if (long) return [long[1], long[2], long[3]].map((c) => Number.parseInt(c ?? '0', 16)) as Rgb;
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(s);
  if (fn && (fn[4] === undefined || Number(fn[4]) === 1))
    return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return null;
}

/** Relative luminance (WCAG 2.x). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of two colours, 1 to 21; normal text needs 4.5, large text and UI parts 3. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The custom properties (`--name: value;`) of a style sheet's text, last one winning. */
export function cssVariables(css: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of css.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) {
    if (m[1] && m[2]) vars[m[1]] = m[2].trim();
  }
  return vars;
}
