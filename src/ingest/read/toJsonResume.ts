/*
 * A person of the graph → a JSON Resume document (https://jsonresume.org/schema, v1.0.0): the way back
 * out of careergraph. Dates stay partial (`2019` or `2019-03`), which the schema allows; a current role
 * has no endDate. What JSON Resume has no field for (teams, provenance) goes under `meta.careergraph`.
 */

/** The GraphQL operation whose `person` is what `personToJsonResume` reads. */
export const EXPORT_PERSON_QUERY = /* GraphQL */ `
  query ExportPerson($id: ID!) {
    person(id: $id) {
      id
      name
      email
      location
      headline
      links
      roles {
        id
        title
        team
        location
        start
        end
        current
        confidence
        inferred
        company {
          name
        }
        technologies {
          name
        }
        source {
          fileName
          line
          sha256
        }
      }
      technologies {
        name
        category
      }
      education {
        school
        degree
        field
        start
        end
      }
    }
  }
`;

/** The data of a GraphQL `person` query (EXPORT_PERSON_QUERY; any query selecting these fields will do). */
export interface ExportPerson {
  id: string;
  name?: string | null;
  email?: string | null;
  location?: string | null;
  headline?: string | null;
  links?: string[] | null;
  roles: {
    id?: string;
    title?: string | null;
    team?: string | null;
    location?: string | null;
    start?: string | null;
    end?: string | null;
    current: boolean;
    confidence?: number | null;
    inferred?: boolean | null;
    company?: { name: string } | null;
    technologies?: { name: string }[] | null;
    source?: { fileName: string; line: number; sha256?: string } | null;
  }[];
  technologies?: { name: string; category?: string | null }[] | null;
  education?: {
    school?: string | null;
    degree?: string | null;
    field?: string | null;
    start?: string | null;
    end?: string | null;
  }[];
}

export interface JsonResumeDocument {
  $schema: string;
  basics: Record<string, unknown>;
  work: Record<string, unknown>[];
  education: Record<string, unknown>[];
  skills: { name: string; keywords: string[] }[];
  meta: Record<string, unknown>;
}

const NETWORKS: [RegExp, string][] = [
  [/(?:^|\.)github\.com$/, 'GitHub'],
  [/(?:^|\.)gitlab\.com$/, 'GitLab'],
  [/(?:^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(?:^|\.)twitter\.com$/, 'Twitter'],
  [/^(?:www\.)?x\.com$/, 'X'],
  [/(?:^|\.)stackoverflow\.com$/, 'Stack Overflow'],
  [/(?:^|\.)medium\.com$/, 'Medium'],
  [/(?:^|\.)bitbucket\.org$/, 'Bitbucket'],
];

/** The link as a URI the schema accepts: with a scheme, and non-ASCII characters percent-encoded. */
function withScheme(link: string): string {
  const url = /^[a-z][a-z\d+.-]*:/i.test(link) ? link : `https://${link}`;
  if (!/[^\x21-\x7e]/.test(url)) return url;
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** Drops null, undefined and empty strings, which the schema's string fields do not allow. */
function compact(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  );
}

/** "Berlin, Germany" → { city, region }; "Austin, TX, US" → { city, region, countryCode }. */
function toLocation(location: string): Record<string, string> {
  const parts = location.split(/\s*,\s*/).filter(Boolean);
  const [city, ...rest] = parts;
  const last = rest[rest.length - 1];
  const countryCode = rest.length > 0 && last && /^[A-Z]{2}$/.test(last) ? last : undefined;
  const region = (countryCode ? rest.slice(0, -1) : rest).join(', ');
  return compact({ city, region, countryCode }) as Record<string, string>;
}

function profileOf(link: string): { network: string; username?: string; url: string } | null {
  let url: URL;
  try {
    url = new URL(withScheme(link));
  } catch {
    return null;
  }
  const network = NETWORKS.find(([host]) => host.test(url.hostname))?.[1];
  if (!network) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  const username = (
    network === 'LinkedIn' || network === 'Stack Overflow' ? segments[1] : segments[0]
  )?.replace(/^@/, '');
  return { network, ...(username ? { username } : {}), url: withScheme(link) };
}

/**
 * Converts a person, as the GraphQL `person` query returns it, to a JSON Resume document: basics,
 * work (most recent first; `endDate` omitted when current, `keywords` the role's technologies),
 * education and skills (one entry per technology category).
 */
export function personToJsonResume(person: ExportPerson): JsonResumeDocument {
  const links = (person.links ?? []).filter(Boolean);
  const profiles = links.map(profileOf).filter((p) => p !== null);
  const site = links.find((l) => !profileOf(l));
  for (const other of links) {
    if (other === site || profileOf(other)) continue;
    let network = 'Website';
    try {
      network = new URL(withScheme(other)).hostname.replace(/^www\./, '');
    } catch {}
    profiles.push({ network, url: withScheme(other) });
  }
  const basics = compact({
    name: person.name,
    label: person.headline,
    email: person.email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(person.email) ? person.email : null,
    url: site ? withScheme(site) : null,
    location: person.location ? toLocation(person.location) : null,
    profiles,
  });

  // The API lists roles oldest first, undated last; résumés list the newest first.
  const dated = person.roles.filter((r) => r.start || r.end);
  const ordered = [...dated.reverse(), ...person.roles.filter((r) => !(r.start || r.end))];
  const work = ordered.map((r) =>
    compact({
      name: r.company?.name,
      position: r.title,
      location: r.location,
      startDate: r.start,
      endDate: r.current ? null : r.end,
      highlights: [],
      keywords: r.technologies?.length ? r.technologies.map((t) => t.name) : null,
    }),
  );

  const education = (person.education ?? []).map((e) =>
    compact({
      institution: e.school,
      area: e.field,
      studyType: e.degree,
      startDate: e.start,
      endDate: e.end,
    }),
  );

  const byCategory = new Map<string, string[]>();
  for (const t of person.technologies ?? []) {
    const category = t.category ?? 'other';
    const names = byCategory.get(category) ?? [];
    if (!names.includes(t.name)) names.push(t.name);
    byCategory.set(category, names);
  }
  const skills = [...byCategory].map(([name, keywords]) => ({ name, keywords }));

  return {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics,
    work,
    education,
    skills,
    meta: {
      version: 'v1.0.0',
      careergraph: {
        personId: person.id,
        // One entry per work item, in the same order: what JSON Resume has no field for.
        work: ordered.map((r) =>
          compact({
            roleId: r.id,
            team: r.team,
            current: r.current,
            inferred: r.inferred,
            confidence: r.confidence,
            source: r.source ? compact({ fileName: r.source.fileName, line: r.source.line }) : null,
          }),
        ),
      },
    },
  };
}
