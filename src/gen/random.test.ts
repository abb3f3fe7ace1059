import { describe, expect, it } from 'vitest';
import { createRandom, cumulative } from './random.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and labels', () => {
    const a = createRandom(42, 'person', 7);
    const b = createRandom(42, 'person', 7);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
  });

  it('gives different sequences for different seeds or labels', () => {
    const first = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    expect(first(createRandom(1, 'x'))).not.toEqual(first(createRandom(2, 'x')));
    expect(first(createRandom(1, 'x', 1))).not.toEqual(first(createRandom(1, 'x', 2)));
  });

  it('draws uniformly in [0, 1) and integers within bounds', () => {
    const r = createRandom('uniform');
    const xs = Array.from({ length: 20_000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const ints = Array.from({ length: 1000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('draws indexes in proportion to their weights', () => {
    const r = createRandom(3);
    const cum = cumulative([1, 3, 0, 6]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 10_000; i++) {
      const k = r.weightedIndex(cum);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[2]).toBe(0);
    expect((counts[3] as number) / 10_000).toBeGreaterThan(0.57);
    expect((counts[3] as number) / 10_000).toBeLessThan(0.63);
    expect((counts[0] as number) / 10_000).toBeGreaterThan(0.08);
    expect((counts[0] as number) / 10_000).toBeLessThan(0.12);
  });

  it('samples distinct items', () => {
    const r = createRandom(5);
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
  });
});
