import { type FieldCounts, type FieldName, f1 } from './score.ts';

/** Fields reported, in order, with the names the table uses. */
export const REPORTED_FIELDS: [FieldName, string][] = [
  ['name', 'person name'],
  ['employer', 'employer'],
  ['title', 'title'],
  ['start', 'start'],
  ['end', 'end'],
  ['role', 'role (employer+start+end)'],
  ['technologies', 'technologies'],
  ['skills', 'skills'],
  ['education', 'education'],
];

/** One measured set: which résumés, in which format, how many, and the summed counts. */
export interface EvalRow {
  set: string;
  format: string;
  resumes: number;
  roles: number;
  totals: Record<FieldName, FieldCounts>;
}

const fmt = (x: number) => x.toFixed(3);

/** The accuracy table as Markdown: one line per set and format, F1 per field, with P/R for roles. */
export function accuracyMarkdown(rows: EvalRow[]): string {
  const head = [
    'set',
    'format',
    'résumés',
    'roles',
    ...REPORTED_FIELDS.map(([, label]) => `${label} F1`),
    'role P',
    'role R',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = REPORTED_FIELDS.map(([field]) => (r.totals[field] ? fmt(f1(r.totals[field]).f1) : '–'));
    const role = f1(r.totals.role);
    lines.push(
      `| ${[r.set, r.format, r.resumes, r.roles, ...cells, fmt(role.precision), fmt(role.recall)].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The same figures as a plain-text table for the terminal. */
export function accuracyText(rows: EvalRow[]): string {
  const out: string[] = [];
  for (const r of rows) {
    out.push(`${r.set} (${r.format}): ${r.resumes} résumés, ${r.roles} roles`);
    for (const [field, label] of REPORTED_FIELDS) {
      const c = r.totals[field];
      if (!c) continue;
      const s = f1(c);
      out.push(`  ${label.padEnd(26)} P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}`);
    }
  }
  return out.join('\n');
}
