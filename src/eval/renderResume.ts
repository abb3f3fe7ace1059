import type { ComparableResume } from './comparable.ts';

/** Text layouts a résumé is rendered into for round-trip measurement (each a way people write them). */
export const LAYOUTS = ['classic', 'pipe', 'markdown', 'dates-first', 'company-block'] as const;
export type Layout = (typeof LAYOUTS)[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function date(value: string | null): string {
  if (!value) return '';
  const [y, m] = value.split('-');
  return m ? `${MONTHS[Number(m) - 1]} ${y}` : (y ?? '');
}

function range(role: ComparableResume['roles'][number], dash = '–'): string {
  if (!role.start) return '';
  if (role.current) return `${date(role.start)} ${dash} Present`;
  if (!role.end || role.end === role.start) return date(role.start);
  return `${date(role.start)} ${dash} ${date(role.end)}`;
}

/**
 * Renders a labelled résumé as text in one layout (pure). Used to check that what the parser reads
 * from a layout matches what the résumé says, for many résumés × layouts × formats.
 */
export function renderResume(r: ComparableResume, layout: Layout): string {
  const md = layout === 'markdown';
  const out: string[] = [];
  out.push(md ? `# ${r.person.name ?? ''}` : (r.person.name ?? ''));
  out.push([r.person.email, r.person.location].filter(Boolean).join(' | '));
  out.push('', md ? '## Experience' : 'EXPERIENCE', '');
  const tech = (role: ComparableResume['roles'][number]) =>
    role.technologies.length ? `Tech: ${role.technologies.join(', ')}` : '';
  const roles = r.roles;
  if (layout === 'company-block') {
    for (let i = 0; i < roles.length; ) {
      const employer = roles[i]?.employer;
      out.push(`• ${employer ?? ''}`);
      while (i < roles.length && roles[i]?.employer === employer) {
        const role = roles[i++] as ComparableResume['roles'][number];
        out.push(role.title ?? '', range(role, '-'));
        if (role.location) out.push(role.location);
        if (tech(role)) out.push(`- ${tech(role)}`);
        out.push('');
      }
    }
  } else {
    for (const role of roles) {
      const title = role.title ?? '';
      const employer = role.employer ?? '';
      if (layout === 'classic') out.push(`${title}, ${employer}`, role.location ?? '', range(role));
      if (layout === 'pipe')
        out.push([title, employer, role.location, range(role)].filter(Boolean).join(' | '));
      if (layout === 'markdown')
        out.push(`#### ${title}, ${employer}`, range(role, '-') ? `*${range(role, '-')}*` : '');
      if (layout === 'dates-first')
        out.push(range(role, '—'), role.location ?? '', `${title} at ${employer}`);
      if (tech(role)) out.push(md ? `- ${tech(role)}` : tech(role));
      out.push('');
    }
  }
  if (r.skills.length) out.push(md ? '## Skills' : 'SKILLS', '', `Technologies: ${r.skills.join(', ')}`, '');
  if (r.education.length) {
    out.push(md ? '## Education' : 'EDUCATION', '');
    for (const e of r.education) {
      out.push(
        [
          [e.degree, e.field].filter(Boolean).join(' '),
          e.school,
          [e.start, e.end].filter(Boolean).join(' – '),
        ]
          .filter(Boolean)
          .join(', '),
      );
    }
  }
  return `${out.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n')}\n`;
}
