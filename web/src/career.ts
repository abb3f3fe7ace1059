// Career arithmetic the views show: time per technology, employers in common, gaps in words (pure).
import type { ComparePeopleQuery, PersonQuery } from '../../src/client/index.ts';
import { formatMonths, intersectSpans, type Month, monthsCovered, roleInterval } from './dates.ts';

type Person = NonNullable<PersonQuery['person']>;
type CompareRole = NonNullable<ComparePeopleQuery['a']>['roles'][number];

/** Each technology of a person with the months its dated roles cover (skills alone: no months). */
export function technologyDurations(person: Person, now: Month) {
  const spans = new Map<string, [Month, Month][]>();
  const roles = new Map<string, number>();
  for (const role of person.roles) {
    const interval = roleInterval(role, now);
    for (const t of role.technologies) {
      roles.set(t.id, (roles.get(t.id) ?? 0) + 1);
      if (interval && !interval.endUnknown)
        spans.set(t.id, [...(spans.get(t.id) ?? []), [interval.start, interval.end]]);
    }
  }
  return person.technologies
    .map((t) => {
      const s = spans.get(t.id);
      return { technology: t, months: s ? monthsCovered(s) : null, roles: roles.get(t.id) ?? 0 };
    })
    .sort(
      (a, b) =>
        (b.months ?? -1) - (a.months ?? -1) ||
        b.roles - a.roles ||
        a.technology.name.localeCompare(b.technology.name),
    );
}

/** The API's gapMonths (from the end of one role to the start of the next) in words. */
export function gapWords(gapMonths: number | null | undefined): string {
  if (gapMonths === null || gapMonths === undefined) return 'gap unknown';
  if (gapMonths < 0) return `overlapping by ${formatMonths(-gapMonths)}`;
  if (gapMonths === 0) return 'the same month';
  return `${formatMonths(gapMonths)} later`;
}

/** An employer both people worked at (a company and its subsidiaries count as one), and when together. */
export interface SharedEmployer {
  key: string;
  name: string;
  a: CompareRole[];
  b: CompareRole[];
  /** Months when both were there, as disjoint spans; empty when never at the same time. */
  together: [Month, Month][];
  months: number;
}

/** Employers two people share (by company family), with the time they overlapped there. */
export function sharedEmployers(
  a: readonly CompareRole[],
  b: readonly CompareRole[],
  now: Month,
): SharedEmployer[] {
  const family = (r: CompareRole) =>
    r.company
      ? { key: r.company.parent?.id ?? r.company.id, name: r.company.parent?.name ?? r.company.name }
      : null;
  const byFamily = (roles: readonly CompareRole[]) => {
    const out = new Map<string, { name: string; roles: CompareRole[] }>();
    for (const r of roles) {
      const f = family(r);
      if (!f) continue;
      const entry = out.get(f.key) ?? { name: f.name, roles: [] };
      entry.roles.push(r);
      out.set(f.key, entry);
    }
    return out;
  };
  const spans = (roles: readonly CompareRole[]) =>
    roles.flatMap((r) => {
      const i = roleInterval(r, now);
      return i && !i.endUnknown ? [[i.start, i.end] as [Month, Month]] : [];
    });
  const fa = byFamily(a);
  const fb = byFamily(b);
  const shared: SharedEmployer[] = [];
  for (const [key, ea] of fa) {
    const eb = fb.get(key);
    if (!eb) continue;
    const together = intersectSpans(spans(ea.roles), spans(eb.roles));
    shared.push({ key, name: ea.name, a: ea.roles, b: eb.roles, together, months: monthsCovered(together) });
  }
  return shared.sort((x, y) => y.months - x.months || x.name.localeCompare(y.name));
}
