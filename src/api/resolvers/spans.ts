/** Months covered by a set of [start, end] month intervals (inclusive), overlaps counted once; null if none. */
export function monthsCovered(spans: [number, number][]): number | null {
  if (spans.length === 0) return null;
  const sorted = [...spans].filter(([s, e]) => e >= s).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd >= curStart && Number.isFinite(curStart)) total += curEnd - curStart + 1;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (Number.isFinite(curStart)) total += curEnd - curStart + 1;
  return total;
}
