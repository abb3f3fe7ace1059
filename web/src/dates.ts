// Partial dates (`2019` or `2019-03`) as month numbers, the way the API counts them: a year alone
// starts in January and ends in December, so "2016 – 2019" ends before "2020" starts.

/** A month as a single number: year × 12 + (month − 1). */
export type Month = number;

const PARTIAL = /^(\d{4})(?:-(\d{2}))?$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The earliest (`start`) or latest (`end`) month a partial date can mean; null when it is not one. */
export function monthOf(date: string | null | undefined, edge: 'start' | 'end'): Month | null {
  const m = date ? PARTIAL.exec(date) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : edge === 'start' ? 1 : 12;
  if (month < 1 || month > 12) return null;
  return year * 12 + (month - 1);
}

/** The month a Date falls in. */
export function monthOfDate(date: Date): Month {
  return date.getFullYear() * 12 + date.getMonth();
}

/** The calendar year of a month number. */
export function yearOf(month: Month): number {
  return Math.floor(month / 12);
}

/** A month number in words: `Mar 2019`. */
export function formatMonth(month: Month): string {
  return `${MONTH_NAMES[month % 12]} ${yearOf(month)}`;
}

/** A partial date as written for people: `2019-03` → `Mar 2019`, `2019` → `2019`. */
export function formatPartialDate(date: string | null | undefined): string {
  if (!date) return '?';
  const m = PARTIAL.exec(date);
  if (!m) return date;
  return m[2] ? `${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : (m[1] ?? date);
}

/** A role's dates in words: `Mar 2016 – Aug 2019`, `2020 – present`, `2019 – ?`. */
export function formatSpan(
  start: string | null | undefined,
  end: string | null | undefined,
  current: boolean,
) {
  const to = current ? 'present' : end ? formatPartialDate(end) : '?';
  if (!start) return end || current ? `? – ${to}` : 'undated';
  return `${formatPartialDate(start)} – ${to}`;
}

/** A number of months in words: `8 months`, `1 year`, `3 years 2 months`. */
export function formatMonths(months: number): string {
  if (months < 1) return 'under a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 0 ? '' : years === 1 ? '1 year' : `${years} years`;
  const m = rest === 0 ? '' : rest === 1 ? '1 month' : `${rest} months`;
  return [y, m].filter(Boolean).join(' ');
}

/** Where a role sits in time, inclusive months; null when it has no usable start. */
export interface Interval {
  start: Month;
  end: Month;
  /** A current role: it runs to `now` and goes on. */
  openEnded: boolean;
  /** No end date and not current: drawn to the end of its start date, marked as unknown. */
  endUnknown: boolean;
}

/** A role's interval: current roles end `now`; a role without end date ends with its start date. */
export function roleInterval(
  role: { start?: string | null; end?: string | null; current: boolean },
  now: Month,
): Interval | null {
  const start = monthOf(role.start, 'start');
  if (start === null) return null;
  const end = monthOf(role.end, 'end');
  if (end !== null) return { start, end: Math.max(start, end), openEnded: false, endUnknown: false };
  if (role.current) return { start, end: Math.max(start, now), openEnded: true, endUnknown: false };
  return { start, end: monthOf(role.start, 'end') ?? start, openEnded: false, endUnknown: true };
}

/** Months covered by inclusive [start, end] spans, overlaps counted once (as the API counts them). */
export function monthsCovered(spans: readonly (readonly [Month, Month])[]): number {
  const sorted = spans.filter(([s, e]) => e >= s).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let current: [Month, Month] | null = null;
  for (const [s, e] of sorted) {
    if (current && s <= current[1]) current[1] = Math.max(current[1], e);
    else {
      if (current) total += current[1] - current[0] + 1;
      current = [s, e];
    }
  }
  if (current) total += current[1] - current[0] + 1;
  return total;
}

/** The union of inclusive spans as disjoint, sorted spans. */
export function mergeSpans(spans: readonly (readonly [Month, Month])[]): [Month, Month][] {
  const out: [Month, Month][] = [];
  for (const [s, e] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Where two sets of spans overlap, as disjoint sorted spans (empty when never at the same time). */
export function intersectSpans(
  a: readonly (readonly [Month, Month])[],
  b: readonly (readonly [Month, Month])[],
): [Month, Month][] {
  const out: [Month, Month][] = [];
  for (const [as, ae] of mergeSpans(a)) {
    for (const [bs, be] of mergeSpans(b)) {
      const s = Math.max(as, bs);
      const e = Math.min(ae, be);
      if (s <= e) out.push([s, e]);
    }
  }
  return mergeSpans(out);
}
