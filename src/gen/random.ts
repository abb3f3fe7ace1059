/**
 * A small seeded PRNG (mulberry32) with the draws the generator needs. Deterministic: the same seed
 * gives the same sequence on every platform, which is what makes a generated corpus reproducible.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to its weight. */
  weightedIndex(cumulative: Float64Array): number;
  /** `n` distinct items (fewer when the list is shorter), in draw order. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** 32-bit FNV-1a of a string, to turn seeds and labels into PRNG states. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Cumulative sums of weights, for `weightedIndex`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/**
 * A PRNG for a seed and a label: `createRandom(seed, 'person', 42)` is independent of
 * `createRandom(seed, 'person', 43)`, so each person can be generated alone, in any order.
 */
export function createRandom(seed: number | string, ...labels: (string | number)[]): Random {
  let state = hash32([String(seed), ...labels.map(String)].join('\u001f'));
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weightedIndex: (cum) => {
      const total = cum[cum.length - 1] ?? 0;
      const x = next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cum[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    sample: <T>(items: readonly T[], n: number) => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < n && pool.length > 0) {
        const i = Math.floor(next() * pool.length);
        out.push(pool[i] as T);
        pool[i] = pool[pool.length - 1] as T;
        pool.pop();
      }
      return out;
    },
  };
}
