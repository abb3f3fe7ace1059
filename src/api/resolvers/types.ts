import type { ApiContext } from '../context.ts';
import { connection, decodeAfter, pageSize } from '../cursor.ts';
import type { CompanyRow, PersonRow, ProvenanceRow, RoleRow, TechnologyRow } from '../rows.ts';

const present = <T>(values: (T | Error | null)[]): T[] =>
  values.filter((v): v is T => v !== null && !(v instanceof Error));

async function pageOfPeople(
  ctx: ApiContext,
  name: string,
  id: string,
  args: { first?: number; after?: string | null },
) {
  const limit = pageSize(args.first, 20);
  const skip = decodeAfter(args.after);
  const [row] = await ctx.graph.read<{ totalCount: number; ids: string[] }>(name, { id, skip, limit });
  return connection(present(await ctx.loaders.person.loadMany(row?.ids ?? [])), skip, row?.totalCount ?? 0);
}

/** Field resolvers of the object types; lists come from per-request DataLoaders. */
// USED and SKILLED_IN facts: the technology, and where and how it was read.
const provenance = {
  technology: (f: ProvenanceRow, _: unknown, ctx: ApiContext) => ctx.loaders.technology.load(f.technologyId),
  source: (f: ProvenanceRow) => ({ fileName: f.fileName ?? '', line: f.line ?? 0, sha256: f.sha256 ?? '' }),
  extractor: (f: ProvenanceRow) => (f.extractor === 'inference' ? 'INFERENCE' : 'RULE'),
  confidence: (f: ProvenanceRow) => f.confidence ?? 1,
};

export const types = {
  Person: {
    links: (p: PersonRow) => p.links ?? [],
    roles: async (p: PersonRow, _: unknown, ctx: ApiContext) => {
      const roles = await ctx.loaders.rolesOfPerson.load(p.id);
      for (const r of roles) ctx.loaders.role.prime(r.id, r);
      return roles;
    },
    companies: async (p: PersonRow, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.company.loadMany(await ctx.loaders.companiesOfPerson.load(p.id))),
    technologies: async (p: PersonRow, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.technology.loadMany(await ctx.loaders.technologiesOfPerson.load(p.id))),
    education: (p: PersonRow, _: unknown, ctx: ApiContext) => ctx.loaders.educationOfPerson.load(p.id),
    sources: (p: PersonRow, _: unknown, ctx: ApiContext) => ctx.loaders.sourcesOfPerson.load(p.id),
    skills: (p: PersonRow, _: unknown, ctx: ApiContext) => ctx.loaders.skillsOfPerson.load(p.id),
  },
  Role: {
    company: (r: RoleRow, _: unknown, ctx: ApiContext) =>
      r.companyId ? ctx.loaders.company.load(r.companyId) : null,
    technologies: async (r: RoleRow, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.technology.loadMany(await ctx.loaders.technologiesOfRole.load(r.id))),
    stack: (r: RoleRow, _: unknown, ctx: ApiContext) => ctx.loaders.stackOfRole.load(r.id),
    source: (r: RoleRow) => ({ fileName: r.fileName ?? '', line: r.line, sha256: r.sha256 ?? '' }),
    confidence: (r: RoleRow) => r.confidence ?? 1,
    inferred: (r: RoleRow) => r.inferred ?? false,
    extractor: (r: RoleRow) => (r.inferred ? 'INFERENCE' : 'RULE'),
    current: (r: RoleRow) => r.current ?? false,
    person: (r: RoleRow, _: unknown, ctx: ApiContext) => ctx.loaders.person.load(r.personId),
  },
  UsedTechnology: provenance,
  ListedSkill: provenance,
  Company: {
    aliases: (c: CompanyRow) => c.aliases ?? [],
    parent: (c: CompanyRow, _: unknown, ctx: ApiContext) =>
      c.parentId ? ctx.loaders.company.load(c.parentId) : null,
    subsidiaries: async (c: CompanyRow, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.company.loadMany(await ctx.loaders.subsidiariesOfCompany.load(c.id))),
    people: (c: CompanyRow, args: { first?: number; after?: string | null }, ctx: ApiContext) =>
      pageOfPeople(ctx, 'api/companyPeople', c.id, args),
    technologies: async (c: CompanyRow, args: { first?: number }, ctx: ApiContext) => {
      const rows = await ctx.graph.read<{ technologyId: string; people: number }>('api/companyTechnologies', {
        id: c.id,
        limit: pageSize(args.first, 20),
      });
      return rows.map((r) => ({ technology: ctx.loaders.technology.load(r.technologyId), people: r.people }));
    },
  },
  Technology: {
    aliases: (t: TechnologyRow) => t.aliases ?? [],
    people: (t: TechnologyRow, args: { first?: number; after?: string | null }, ctx: ApiContext) =>
      pageOfPeople(ctx, 'api/technologyPeople', t.id, args),
    companies: async (t: TechnologyRow, args: { first?: number }, ctx: ApiContext) => {
      const rows = await ctx.graph.read<{ companyId: string; people: number }>('api/technologyCompanies', {
        id: t.id,
        limit: pageSize(args.first, 20),
      });
      return rows.map((r) => ({ company: ctx.loaders.company.load(r.companyId), people: r.people }));
    },
  },
  CareerTransition: {
    person: (m: { personId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.person.load(m.personId),
    from: (m: { fromRoleId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.role.load(m.fromRoleId),
    to: (m: { toRoleId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.role.load(m.toRoleId),
  },
  TechnologyOverlap: {
    onlyA: async (o: { onlyA: string[] }, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.technology.loadMany(o.onlyA)),
    onlyB: async (o: { onlyB: string[] }, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.technology.loadMany(o.onlyB)),
  },
  SharedTechnology: {
    technology: (s: { technologyId: string }, _: unknown, ctx: ApiContext) =>
      ctx.loaders.technology.load(s.technologyId),
  },
  SimilarPerson: {
    person: (s: { personId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.person.load(s.personId),
    sharedTechnologies: async (s: { technologyIds: string[] }, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.technology.loadMany(s.technologyIds)),
    sharedCompanies: async (s: { companyIds: string[] }, _: unknown, ctx: ApiContext) =>
      present(await ctx.loaders.company.loadMany(s.companyIds)),
  },
  Colleague: {
    person: (c: { personId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.person.load(c.personId),
    company: (c: { companyId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.company.load(c.companyId),
    role: (c: { roleId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.role.load(c.roleId),
    ownRole: (c: { ownRoleId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.role.load(c.ownRoleId),
  },
  DuplicateCandidate: {
    a: (d: { a: string }, _: unknown, ctx: ApiContext) => ctx.loaders.person.load(d.a),
    b: (d: { b: string }, _: unknown, ctx: ApiContext) => ctx.loaders.person.load(d.b),
  },
  CompanyFlow: {
    company: (f: { companyId: string }, _: unknown, ctx: ApiContext) => ctx.loaders.company.load(f.companyId),
  },
  SearchHit: {
    node: (h: { type: string; id: string }, _: unknown, ctx: ApiContext) => {
      const loader =
        h.type === 'Person'
          ? ctx.loaders.person
          : h.type === 'Company'
            ? ctx.loaders.company
            : ctx.loaders.technology;
      return (loader.load(h.id) as Promise<object | null>).then((node) =>
        node ? { ...node, __typename: h.type } : null,
      );
    },
  },
  SearchResult: {
    __resolveType: (node: { __typename: string }) => node.__typename,
  },
};
