import { type Interval, type Month, roleInterval, yearOf } from './dates.ts';

/** What the timeline needs of a role. */
export interface TimelineRole {
  id: string;
  start?: string | null;
  end?: string | null;
  current: boolean;
  company?: { id: string; name: string } | null;
}

/** One bar: a role placed in its employer's group, on a lane so overlapping roles do not cover each other. */
export interface Bar<R> extends Interval {
  role: R;
  /** Row of the whole timeline (groups stacked top to bottom). */
  row: number;
}

/** An employer's rows: its roles, earliest first; roles that do not overlap share a row. */
export interface Group<R> {
  key: string;
  name: string;
  /** First row of the group. */
  row: number;
  rows: number;
  bars: Bar<R>[];
}

/** Where everything goes; months are the x axis, rows the y axis. */
export interface TimelineLayout<R> {
  groups: Group<R>[];
  rows: number;
  /** First and last month shown: whole years around every bar. */
  from: Month;
  to: Month;
  /** January of each year shown, for the axis. */
  years: Month[];
  /** Roles without a start date: they cannot be placed. */
  undated: R[];
}

/**
 * Lays out a career: one bar per dated role, grouped by employer (groups in order of their first role),
 * current roles running to `now`. Pure, so it is tested without a browser.
 */
export function layoutTimeline<R extends TimelineRole>(roles: readonly R[], now: Month): TimelineLayout<R> {
  const placed: { role: R; interval: Interval }[] = [];
  const undated: R[] = [];
  for (const role of roles) {
    const interval = roleInterval(role, now);
    if (interval) placed.push({ role, interval });
    else undated.push(role);
  }

  const byEmployer = new Map<string, { name: string; items: typeof placed }>();
  for (const item of placed) {
    const key = item.role.company?.id ?? '';
    const entry = byEmployer.get(key) ?? { name: item.role.company?.name ?? 'Employer unknown', items: [] };
    entry.items.push(item);
    byEmployer.set(key, entry);
  }
  const ordered = [...byEmployer.entries()]
    .map(([key, { name, items }]) => ({
      key,
      name,
      items: items.sort((x, y) => x.interval.start - y.interval.start || x.interval.end - y.interval.end),
    }))
    .sort((x, y) => firstStart(x.items) - firstStart(y.items) || x.name.localeCompare(y.name));

  const groups: Group<R>[] = [];
  let row = 0;
  for (const { key, name, items } of ordered) {
    // Greedy lanes: a role goes on the first lane whose last role ended before it started.
    const laneEnds: Month[] = [];
    const bars: Bar<R>[] = [];
    for (const { role, interval } of items) {
      let lane = laneEnds.findIndex((end) => end < interval.start);
      if (lane === -1) lane = laneEnds.push(interval.end) - 1;
      else laneEnds[lane] = interval.end;
      bars.push({ ...interval, role, row: row + lane });
    }
    groups.push({ key, name, row, rows: laneEnds.length, bars });
    row += laneEnds.length;
  }

  const starts = placed.map((p) => p.interval.start);
  const ends = placed.map((p) => p.interval.end);
  const from = starts.length ? yearOf(Math.min(...starts)) * 12 : yearOf(now) * 12;
  const to = ends.length ? (yearOf(Math.max(...ends)) + 1) * 12 - 1 : (yearOf(now) + 1) * 12 - 1;
  const years: Month[] = [];
  for (let m = from; m <= to; m += 12) years.push(m);
  return { groups, rows: row, from, to, years, undated };
}

function firstStart(items: readonly { interval: Interval }[]): Month {
  return Math.min(...items.map((i) => i.interval.start));
}
