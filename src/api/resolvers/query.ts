import type { ApiContext } from '../context.ts';
import { connection, decodeAfter, pageSize } from '../cursor.ts';
import { badInput } from '../errors.ts';
import type { CompanyRow, PersonRow, TechnologyRow } from '../rows.ts';
import { companyKeys, fullTextQuery, technologyKeys } from './names.ts';
import { partialDateOrdinal } from './scalars.ts';
import { monthsCovered } from './spans.ts';

type Args = Record<string, unknown>;

export interface PersonFilter {
  company?: string | null;
  technology?: string | null;
  title?: string | null;
  location?: string | null;
  name?: string | null;
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim().toLowerCase() : null);

function primePeople(ctx: ApiContext, people: PersonRow[]): PersonRow[] {
  for (const p of people) ctx.loaders.person.prime(p.id, p);
  return people;
}

async function people(
  _: unknown,
  args: { filter?: PersonFilter | null; first?: number; after?: string | null },
  ctx: ApiContext,
) {
  const limit = pageSize(args.first, 20);
  const skip = decodeAfter(args.after);
  const f = args.filter ?? {};
  const [row] = await ctx.graph.read<{ totalCount: number; people: PersonRow[] }>('api/people', {
    companyKeys: f.company ? companyKeys(f.company, ctx.lexicon) : [],
    technologyKeys: f.technology ? technologyKeys(f.technology, ctx.lexicon) : [],
    name: text(f.name),
    title: text(f.title),
    location: text(f.location),
    skip,
    limit,
  });
  return connection(primePeople(ctx, row?.people ?? []), skip, row?.totalCount ?? 0);
}

async function company(_: unknown, args: { name: string }, ctx: ApiContext) {
  const [row] = await ctx.graph.read<{ company: CompanyRow }>('api/companyByName', {
    keys: companyKeys(args.name, ctx.lexicon),
  });
  if (row) ctx.loaders.company.prime(row.company.id, row.company);
  return row?.company ?? null;
}

async function technology(_: unknown, args: { name: string }, ctx: ApiContext) {
  const [row] = await ctx.graph.read<{ technology: TechnologyRow }>('api/technologyByName', {
    keys: technologyKeys(args.name, ctx.lexicon),
  });
  if (row) ctx.loaders.technology.prime(row.technology.id, row.technology);
  return row?.technology ?? null;
}

async function careerTransitions(
  _: unknown,
  args: {
    from: string;
    to: string;
    withinMonths?: number | null;
    directOnly?: boolean;
    first?: number;
    after?: string | null;
  },
  ctx: ApiContext,
) {
  const limit = pageSize(args.first, 20);
  const skip = decodeAfter(args.after);
  if (args.withinMonths !== null && args.withinMonths !== undefined && args.withinMonths < 0) {
    throw badInput(`"withinMonths" must be 0 or more, got ${args.withinMonths}`);
  }
  const [row] = await ctx.graph.read<{ totalCount: number; moves: Args[] }>('api/careerTransitions', {
    fromKeys: companyKeys(args.from, ctx.lexicon),
    toKeys: companyKeys(args.to, ctx.lexicon),
    withinMonths: args.withinMonths ?? null,
    directOnly: args.directOnly ?? false,
    nowOrd: ctx.nowOrd,
    skip,
    limit,
  });
  return connection(row?.moves ?? [], skip, row?.totalCount ?? 0);
}

async function technologyOverlap(_: unknown, args: { a: string; b: string }, ctx: ApiContext) {
  // Both reads at once: checking the people first would add a round trip to every call.
  const [[a, b], rows] = await Promise.all([
    ctx.loaders.person.loadMany([args.a, args.b]),
    ctx.graph.read<{ personId: string; technologyId: string; spans: [number, number][] }>(
      'api/technologyOverlap',
      { a: args.a, b: args.b, nowOrd: ctx.nowOrd },
    ),
  ]);
  if (!a || a instanceof Error) throw badInput(`No person with id "${args.a}"`);
  if (!b || b instanceof Error) throw badInput(`No person with id "${args.b}"`);
  const of = (id: string) =>
    new Map(rows.filter((r) => r.personId === id).map((r) => [r.technologyId, r.spans]));
  const ta = of(args.a);
  const tb = of(args.b);
  const shared = [...ta.keys()].filter((t) => tb.has(t));
  const union = new Set([...ta.keys(), ...tb.keys()]);
  return {
    a,
    b,
    shared: shared.map((id) => ({
      technologyId: id,
      monthsA: monthsCovered(ta.get(id) ?? []),
      monthsB: monthsCovered(tb.get(id) ?? []),
    })),
    onlyA: [...ta.keys()].filter((t) => !tb.has(t)),
    onlyB: [...tb.keys()].filter((t) => !ta.has(t)),
    jaccard: union.size === 0 ? 0 : shared.length / union.size,
  };
}

async function similarPeople(_: unknown, args: { to: string; first?: number }, ctx: ApiContext) {
  const rows = await ctx.graph.read('api/similarPeople', { id: args.to, limit: pageSize(args.first, 10) });
  return rows;
}

async function colleagues(
  _: unknown,
  args: { of: string; first?: number; after?: string | null },
  ctx: ApiContext,
) {
  const limit = pageSize(args.first, 20);
  const skip = decodeAfter(args.after);
  const [row] = await ctx.graph.read<{ totalCount: number; colleagues: Args[] }>('api/colleagues', {
    id: args.of,
    nowOrd: ctx.nowOrd,
    skip,
    limit,
  });
  return connection(row?.colleagues ?? [], skip, row?.totalCount ?? 0);
}

async function talentFlow(
  _: unknown,
  args: {
    company: string;
    direction: 'IN' | 'OUT';
    first?: number;
    since?: string | null;
    until?: string | null;
  },
  ctx: ApiContext,
) {
  return ctx.graph.read('api/talentFlow', {
    keys: companyKeys(args.company, ctx.lexicon),
    direction: args.direction,
    sinceOrd: args.since ? partialDateOrdinal(args.since, 'start') : null,
    untilOrd: args.until ? partialDateOrdinal(args.until, 'end') : null,
    limit: pageSize(args.first, 10),
  });
}

async function search(_: unknown, args: { text: string; first?: number }, ctx: ApiContext) {
  const query = fullTextQuery(args.text);
  if (!query) throw badInput('"text" must contain at least one word');
  return ctx.graph.read('api/search', { query, limit: pageSize(args.first, 10) });
}

async function duplicateCandidates(_: unknown, args: { first?: number }, ctx: ApiContext) {
  return ctx.graph.read('api/duplicateCandidates', { limit: pageSize(args.first, 20) });
}

/** Root query resolvers: one Cypher round trip each (nested fields go through the loaders). */
export const Query = {
  people,
  person: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.loaders.person.load(args.id),
  company,
  technology,
  careerTransitions,
  technologyOverlap,
  similarPeople,
  colleagues,
  talentFlow,
  search,
  duplicateCandidates,
};
