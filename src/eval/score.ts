import type { ComparableResume } from './comparable.ts';

/** Counts for one field: true positives, false positives, false negatives. */
export interface FieldCounts {
  tp: number;
  fp: number;
  fn: number;
}

export type FieldName =
  | 'name'
  | 'employer'
  | 'title'
  | 'start'
  | 'end'
  | 'role'
  | 'technologies'
  | 'skills'
  | 'education';

export interface ResumeScore {
  fields: Record<FieldName, FieldCounts>;
  /** Human-readable differences, for test failure messages. */
  differences: string[];
}

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
const same = (a: string | null | undefined, b: string | null | undefined) => norm(a) === norm(b);

const empty = (): FieldCounts => ({ tp: 0, fp: 0, fn: 0 });

function count(
  c: FieldCounts,
  expected: string | null | undefined,
  actual: string | null | undefined,
  equal: (e: string | null | undefined, a: string | null | undefined) => boolean = same,
): boolean {
  const e = norm(expected);
  const a = norm(actual);
  const match = equal(expected, actual);
  if (e && a && match) c.tp++;
  else if (!match) {
    if (a) c.fp++;
    if (e) c.fn++;
  }
  return match;
}

// A label that adds a place, a parent or a division after the employer's name ("Cash Converters, Perth,
// WA", "AdRoll (Tiempo Development)", "TV Azteca — Baz") is matched by that name alone: the graph keeps
// the employer, and the rest as team or location.
const DESCRIPTOR = /\s*(?:,|\(|\s[—–-]\s|·)\s*/;
const withoutThe = (s: string | null | undefined) => s?.replace(/^the\s+/i, '');
const sameEmployer = (e: string | null | undefined, a: string | null | undefined) =>
  same(withoutThe(e), withoutThe(a)) ||
  (!!e && !!a && DESCRIPTOR.test(e) && same(withoutThe(e.split(DESCRIPTOR)[0]), withoutThe(a)));

function countSets(c: FieldCounts, expected: string[], actual: string[]): string[] {
  const e = new Set(expected.map(norm));
  const a = new Set(actual.map(norm));
  const diffs: string[] = [];
  for (const x of a) {
    if (e.has(x)) c.tp++;
    else {
      c.fp++;
      diffs.push(`+${x}`);
    }
  }
  for (const x of e) {
    if (!a.has(x)) {
      c.fn++;
      diffs.push(`-${x}`);
    }
  }
  return diffs;
}

type Role = ComparableResume['roles'][number];
const affinity = (e: Role, a: Role) =>
  (sameEmployer(e.employer, a.employer) ? 4 : 0) +
  (same(e.title, a.title) ? 2 : 0) +
  (same(e.start, a.start) ? 2 : 0) +
  (same(e.end, a.end) ? 1 : 0);

/** Aligns expected and actual roles (best match first, each used once). */
function align(expected: Role[], actual: Role[]): [Role | null, Role | null][] {
  const pairs: [number, number, number][] = [];
  expected.forEach((e, i) => {
    actual.forEach((a, j) => {
      const s = affinity(e, a);
      if (s > 0) pairs.push([s, i, j]);
    });
  });
  pairs.sort((x, y) => y[0] - x[0] || Math.abs(x[1] - x[2]) - Math.abs(y[1] - y[2]));
  const usedE = new Set<number>();
  const usedA = new Set<number>();
  const out: [Role | null, Role | null][] = [];
  for (const [, i, j] of pairs) {
    if (usedE.has(i) || usedA.has(j)) continue;
    usedE.add(i);
    usedA.add(j);
    out.push([expected[i] as Role, actual[j] as Role]);
  }
  expected.forEach((e, i) => {
    if (!usedE.has(i)) out.push([e, null]);
  });
  actual.forEach((a, j) => {
    if (!usedA.has(j)) out.push([null, a]);
  });
  return out;
}

/**
 * Scores an extraction against its expected values. A role counts as right ("role") when employer,
 * start and end all match; technologies are compared per aligned role.
 */
export function scoreResume(expected: ComparableResume, actual: ComparableResume): ResumeScore {
  const fields = Object.fromEntries(
    (
      [
        'name',
        'employer',
        'title',
        'start',
        'end',
        'role',
        'technologies',
        'skills',
        'education',
      ] as FieldName[]
    ).map((f) => [f, empty()]),
  ) as Record<FieldName, FieldCounts>;
  const differences: string[] = [];
  if (!count(fields.name, expected.person.name, actual.person.name)) {
    differences.push(`name: expected ${expected.person.name} got ${actual.person.name}`);
  }
  for (const [e, a] of align(expected.roles, actual.roles)) {
    const label = `role ${e?.title ?? a?.title} @ ${e?.employer ?? a?.employer}`;
    if (!e || !a) {
      const c = fields.role;
      if (e) c.fn++;
      else c.fp++;
      for (const f of ['employer', 'title', 'start', 'end'] as const) count(fields[f], e?.[f], a?.[f]);
      countSets(fields.technologies, e?.technologies ?? [], a?.technologies ?? []);
      differences.push(`${label}: ${e ? 'missing' : 'extra'}`);
      continue;
    }
    const bad: string[] = [];
    for (const f of ['employer', 'title', 'start', 'end'] as const) {
      if (!count(fields[f], e[f], a[f], f === 'employer' ? sameEmployer : same)) {
        bad.push(`${f} expected ${e[f]} got ${a[f]}`);
      }
    }
    if (e.current !== a.current) bad.push(`current expected ${e.current} got ${a.current}`);
    const right =
      sameEmployer(e.employer, a.employer) &&
      same(e.start, a.start) &&
      same(e.end, a.end) &&
      e.current === a.current;
    if (right) fields.role.tp++;
    else {
      fields.role.fp++;
      fields.role.fn++;
    }
    const techDiff = countSets(fields.technologies, e.technologies, a.technologies);
    if (techDiff.length) bad.push(`technologies ${techDiff.join(' ')}`);
    if (bad.length) differences.push(`${label}: ${bad.join('; ')}`);
  }
  const skillDiff = countSets(fields.skills, expected.skills, actual.skills);
  if (skillDiff.length) differences.push(`skills ${skillDiff.join(' ')}`);
  const eduKey = (e: ComparableResume['education'][number]) =>
    `${norm(e.school)}|${norm(e.degree)}|${norm(e.end)}`;
  const eduDiff = countSets(fields.education, expected.education.map(eduKey), actual.education.map(eduKey));
  if (eduDiff.length) differences.push(`education ${eduDiff.join(' ')}`);
  return { fields, differences };
}

/** Precision, recall and F1 of summed counts. */
export function f1(c: FieldCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Adds up counts over many résumés. */
export function sumScores(scores: ResumeScore[]): Record<FieldName, FieldCounts> {
  const total = {} as Record<FieldName, FieldCounts>;
  for (const s of scores) {
    for (const [k, c] of Object.entries(s.fields) as [FieldName, FieldCounts][]) {
      total[k] ??= empty();
      const t = total[k];
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
    }
  }
  return total;
}
