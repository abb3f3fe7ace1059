import type { ResolvedCompany, ResolvedResume, ResolvedTechnology } from '../resolve/resolvedResume.ts';

/** The parameters of one batched write: every node and relationship of a batch of résumés, as plain data. */
export interface WriteParams {
  sourceIds: string[];
  companies: ResolvedCompany[];
  technologies: ResolvedTechnology[];
  resumes: {
    person: ResolvedResume['person'];
    source: ResolvedResume['source'] & { ingestedAt: string; warnings: string[] };
    skills: ResolvedResume['skills'];
    education: ResolvedResume['education'];
  }[];
  roles: {
    id: string;
    personId: string;
    sourceId: string;
    companyId: string | null;
    props: Record<string, unknown>;
    technologies: { id: string; line: number; confidence: number }[];
  }[];
}

/** Orders companies so a parent always precedes its subsidiaries (PART_OF needs the parent to exist). */
function parentsFirst(companies: ResolvedCompany[]): ResolvedCompany[] {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const out: ResolvedCompany[] = [];
  const seen = new Set<string>();
  const visit = (c: ResolvedCompany) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) visit(parent);
    out.push(c);
  };
  for (const c of companies) visit(c);
  return out;
}

/**
 * Builds the parameters of one write transaction for a batch of résumés (pure). Companies and
 * technologies shared by several résumés are sent once, their aliases merged.
 */
export function toWriteParams(batch: ResolvedResume[], ingestedAt: string): WriteParams {
  const companies = new Map<string, ResolvedCompany>();
  const technologies = new Map<string, ResolvedTechnology>();
  for (const r of batch) {
    for (const c of r.companies) {
      const known = companies.get(c.id);
      if (!known) companies.set(c.id, { ...c, aliases: [...c.aliases] });
      else for (const a of c.aliases) if (!known.aliases.includes(a)) known.aliases.push(a);
    }
    for (const t of r.technologies) {
      const known = technologies.get(t.id);
      if (!known) technologies.set(t.id, { ...t, aliases: [...t.aliases] });
      else for (const a of t.aliases) if (!known.aliases.includes(a)) known.aliases.push(a);
    }
  }
  return {
    sourceIds: batch.map((r) => r.source.id),
    companies: parentsFirst([...companies.values()]),
    technologies: [...technologies.values()],
    resumes: batch.map((r) => ({
      person: r.person,
      source: {
        ...r.source,
        ingestedAt,
        warnings: r.warnings.map((w) => (w.line ? `line ${w.line}: ${w.message}` : w.message)),
      },
      skills: r.skills,
      education: r.education,
    })),
    roles: batch.flatMap((r) =>
      r.roles.map((role) => ({
        id: role.id,
        personId: r.person.id,
        sourceId: r.source.id,
        companyId: role.companyId,
        props: {
          title: role.title,
          team: role.team,
          location: role.location,
          start: role.start,
          end: role.end,
          startOrd: role.startOrd,
          endOrd: role.endOrd,
          current: role.current,
          line: role.line,
          sourceId: r.source.id,
          employerWritten: role.employerWritten,
          employerLine: role.employerLine,
          inferred: role.inferred,
          extractor: role.inferred ? 'inference' : 'rule',
          confidence: role.confidence,
        },
        technologies: role.technologies.map((t) => ({ ...t, confidence: 0.9 })),
      })),
    ),
  };
}
