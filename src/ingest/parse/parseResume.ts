import type { Lexicon } from '../../lexicon/lexicon.ts';
import type { ParsedResume, ParseWarning } from '../../model/resume.ts';
import { extractEducation } from './education.ts';
import { inferEmployers } from './impliedEmployers.ts';
import { toLines } from './lines.ts';
import { extractPerson } from './person.ts';
import { extractRoles } from './roles.ts';
import { splitSections } from './sections.ts';
import { extractSkills } from './skills.ts';

/**
 * Parses a plain-text or Markdown résumé into the parsed-résumé shape. Pure: text in, data out.
 * Problems (unreadable dates, roles without employers) come back as warnings, never as exceptions.
 */
const PERSONAL =
  /^(?:personal (?:details|information|data)|personal|persönliche daten|angaben zur person|données personnelles|informations personnelles|datos personales|dados pessoais|dati personali)$/i;
// A document's own title ("LEBENSLAUF", "Curriculum Vitae") is not the person's name.
const DOCUMENT_TITLE =
  /^(?:lebenslauf|curriculum vitae|cv|résumé|resume|currículum(?: vitae)?|curriculum|europass(?: curriculum vitae)?)$/i;

export function parseResume(text: string, lexicon: Lexicon): ParsedResume {
  const lines = toLines(text);
  const sections = splitSections(lines);
  const of = (kind: string) => sections.filter((s) => s.kind === kind).flatMap((s) => s.lines);
  const header = of('header');
  // A "Personal details" block (Europass, Lebenslauf) holds the name and contact lines the header would.
  const personal = sections
    .filter((s) => s.kind === 'other' && s.heading && PERSONAL.test(s.heading.text))
    .flatMap((s) => s.lines);
  const person = extractPerson(
    [...header.filter((l) => !DOCUMENT_TITLE.test(l.text)), ...personal],
    lines,
    lexicon,
  );

  let experience = of('experience');
  if (experience.length === 0) {
    // No experience heading: roles may follow the contact block directly.
    experience = header.filter((l) => l.n > (person.line ?? 0) + 2);
  }
  const { roles, warnings: roleWarnings, bodies } = extractRoles(experience, lexicon);
  inferEmployers(roles, bodies, [...of('summary'), ...header], lexicon);

  const warnings: ParseWarning[] = [...roleWarnings];
  if (!person.name) warnings.push({ code: 'NO_NAME', message: 'no name found at the top of the résumé' });
  if (roles.length === 0) warnings.push({ code: 'NO_ROLES', message: 'no roles found' });
  for (const role of roles) {
    if (!role.employer)
      warnings.push({
        line: role.line,
        code: 'NO_EMPLOYER',
        message: `role "${role.title ?? '?'}" has no employer`,
      });
    if (!role.title)
      warnings.push({
        line: role.line,
        code: 'NO_TITLE',
        message: `role at "${role.employer ?? '?'}" has no title`,
      });
  }
  return {
    person,
    roles,
    skills: extractSkills(of('skills'), lexicon),
    education: extractEducation(of('education')),
    warnings,
  };
}
