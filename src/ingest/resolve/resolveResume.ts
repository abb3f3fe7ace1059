import type { Lexicon } from '../../lexicon/lexicon.ts';
import { formatPartialDate, monthOrdinal } from '../../model/partialDate.ts';
import type { ParsedResume } from '../../model/resume.ts';
import { resolveEmployers } from './employerNames.ts';
import { companyId, sourceId, stableHash, technologyId } from './ids.ts';
import type {
  ResolvedCompany,
  ResolvedResume,
  ResolvedRole,
  ResolvedTechnology,
  SourceInfo,
} from './resolvedResume.ts';

const STATED_CONFIDENCE = 0.95;
const INFERRED_CONFIDENCE = 0.6;

function personId(parsed: ParsedResume, source: SourceInfo): string {
  if (parsed.person.email) return `person:${stableHash('email', parsed.person.email.toLowerCase())}`;
  // Without an email, a name alone would merge namesakes: the person is keyed to this source.
  return `person:${stableHash('source', source.key, parsed.person.name?.toLowerCase())}`;
}

/**
 * Resolves a parsed résumé against the lexicon: canonical companies (with their parents), canonical
 * technologies, stable ids for every node. Pure: the same input always gives the same output.
 */
export function resolveResume(parsed: ParsedResume, source: SourceInfo, lexicon: Lexicon): ResolvedResume {
  const companies = new Map<string, ResolvedCompany>();
  const technologies = new Map<string, ResolvedTechnology>();

  const addCompany = (name: string, written: string | null, acquiredBy: string | null = null): string => {
    const id = companyId(name);
    const entry = lexicon.companies.entry(name);
    let company = companies.get(id);
    if (!company) {
      // The reference data's parent wins over what one résumé says.
      const parent = entry?.parent ?? acquiredBy;
      company = {
        id,
        name,
        aliases: [...(entry?.aliases ?? [])],
        parentId: parent ? addCompany(parent, null) : null,
        kind: entry?.parent ? (entry.kind ?? 'subsidiary') : acquiredBy ? 'acquired' : null,
      };
      companies.set(id, company);
    }
    if (written && written !== name && !company.aliases.includes(written)) company.aliases.push(written);
    return id;
  };
  const addTechnology = (written: string): string => {
    const name = lexicon.technologies.canonical(written) ?? written.trim();
    const id = technologyId(name);
    let tech = technologies.get(id);
    if (!tech) {
      tech = {
        id,
        name,
        aliases: [...lexicon.technologies.aliases(name)],
        category: lexicon.technologies.category(name),
      };
      technologies.set(id, tech);
    }
    const spelled = written.trim();
    if (spelled !== name && !tech.aliases.some((a) => a.toLowerCase() === spelled.toLowerCase()))
      tech.aliases.push(spelled);
    return id;
  };

  const pid = personId(parsed, source);
  const sid = sourceId(source.key);
  const usedRoleIds = new Set<string>();
  const employers = resolveEmployers(
    parsed.roles.map((r) => r.employer),
    lexicon,
  );
  const roles: ResolvedRole[] = parsed.roles.map((role) => {
    const resolved = role.employer ? employers.get(role.employer) : undefined;
    const cid = resolved ? addCompany(resolved.name, resolved.written, resolved.acquiredBy) : null;
    let id = `role:${stableHash(sid, cid, role.title, formatPartialDate(role.start))}`;
    for (let k = 2; usedRoleIds.has(id); k++)
      id = `role:${stableHash(sid, cid, role.title, formatPartialDate(role.start), k)}`;
    usedRoleIds.add(id);
    const techs = new Map<string, number>();
    for (const t of role.technologies) {
      const tid = addTechnology(t.name);
      if (!techs.has(tid)) techs.set(tid, t.line);
    }
    return {
      id,
      title: role.title,
      team: role.team,
      location: role.location,
      start: formatPartialDate(role.start),
      end: formatPartialDate(role.end),
      startOrd: role.start ? monthOrdinal(role.start, 'start') : null,
      endOrd: role.end ? monthOrdinal(role.end, 'end') : null,
      current: role.current,
      line: role.line,
      companyId: cid,
      employerWritten: role.employer,
      inferred: role.employerInferred,
      confidence: role.employerInferred ? INFERRED_CONFIDENCE : STATED_CONFIDENCE,
      employerLine: role.employerLine,
      technologies: [...techs].map(([tid, line]) => ({ id: tid, line })),
    };
  });
  const skills = new Map<string, { technologyId: string; category: string | null; line: number }>();
  for (const s of parsed.skills) {
    const tid = addTechnology(s.name);
    if (!skills.has(tid)) skills.set(tid, { technologyId: tid, category: s.category, line: s.line });
  }
  return {
    source: { ...source, id: sid },
    person: { id: pid, ...parsed.person },
    roles,
    companies: [...companies.values()],
    technologies: [...technologies.values()],
    skills: [...skills.values()],
    education: parsed.education.map((e, i) => ({
      id: `education:${stableHash(sid, i, e.school, e.degree)}`,
      school: e.school,
      degree: e.degree,
      field: e.field,
      start: formatPartialDate(e.start),
      end: formatPartialDate(e.end),
      line: e.line,
    })),
    warnings: parsed.warnings,
  };
}
