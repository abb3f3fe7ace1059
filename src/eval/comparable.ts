import type { ResolvedResume } from '../ingest/resolve/resolvedResume.ts';

/** The fields an extraction is judged on; the format of the `*.expected.json` fixtures. */
export interface ComparableResume {
  person: { name: string | null; email: string | null; location: string | null };
  roles: {
    title: string | null;
    employer: string | null;
    team: string | null;
    location: string | null;
    start: string | null;
    end: string | null;
    current: boolean;
    technologies: string[];
  }[];
  skills: string[];
  education: {
    school: string | null;
    degree: string | null;
    field: string | null;
    start: string | null;
    end: string | null;
  }[];
}

const sortNames = (names: Iterable<string>) =>
  [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));

/** Projects a resolved résumé onto the compared fields, with canonical names. */
export function toComparable(r: ResolvedResume): ComparableResume {
  const company = new Map(r.companies.map((c) => [c.id, c.name]));
  const tech = new Map(r.technologies.map((t) => [t.id, t.name]));
  return {
    person: { name: r.person.name, email: r.person.email, location: r.person.location },
    roles: r.roles.map((role) => ({
      title: role.title,
      employer: role.companyId ? (company.get(role.companyId) ?? null) : null,
      team: role.team,
      location: role.location,
      start: role.start,
      end: role.end,
      current: role.current,
      technologies: sortNames(role.technologies.map((t) => tech.get(t.id) ?? t.id)),
    })),
    skills: sortNames(r.skills.map((s) => tech.get(s.technologyId) ?? s.technologyId)),
    education: r.education.map(({ school, degree, field, start, end }) => ({
      school,
      degree,
      field,
      start,
      end,
    })),
  };
}
