import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariables, parseColor } from './contrast.ts';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const vars = cssVariables(css);
const color = (name: string) => {
  const c = parseColor(vars[name] ?? '');
  if (!c) throw new Error(`${name} is not an opaque colour: ${vars[name]}`);
  return c;
};

// Every text colour on every background it is drawn on (styles.css), and the parts that must stand out.
const TEXT: [string, string][] = [
  ['--text', '--bg'],
  ['--text', '--surface'],
  ['--muted', '--bg'],
  ['--muted', '--surface'],
  ['--accent', '--bg'],
  ['--accent', '--surface'],
  ['--accent-text', '--accent'],
  ['--bar-text', '--bar'],
  ['--inferred-text', '--inferred-bg'],
  ['--problem-text', '--problem-bg'],
  ['--badge-text', '--badge-bg'],
];
const UI: [string, string][] = [
  ['--border', '--bg'],
  ['--border', '--surface'],
  ['--focus', '--bg'],
  ['--focus', '--surface'],
  ['--bar', '--bg'],
  ['--bar', '--surface'],
  ['--person', '--bg'],
  ['--company', '--bg'],
  ['--technology', '--bg'],
];

describe('palette contrast (WCAG AA)', () => {
  it.each(TEXT)('%s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrastRatio(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(UI)('%s on %s is at least 3:1', (fg, bg) => {
    expect(contrastRatio(color(fg), color(bg))).toBeGreaterThanOrEqual(3);
  });
  it('computes known ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toBeNull();
    expect(parseColor('#abc')).toEqual([170, 187, 204]);
  });
});
