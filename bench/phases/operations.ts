import { currentMonthOrdinal } from '../../src/api/context.ts';
import { companyKeys, fullTextQuery, technologyKeys } from '../../src/api/resolvers/names.ts';
import type { Lexicon } from '../../src/lexicon/lexicon.ts';

type Vars = Record<string, unknown>;

/**
 * One API operation as the bench asks it three ways: `lean` is the GraphQL document whose root field
 * runs exactly the `raw` Cypher file once and selects nothing that needs another query, so raw vs
 * GraphQL isolates what GraphQL and HTTP add; `full` is what a client would usually ask (nested
 * people, roles, companies), reported beside it.
 */
export interface Operation {
  name: string;
  lean: string;
  full?: string;
  raw: { file: string; params: (vars: Vars, lexicon: Lexicon) => Vars };
  /** Point questions: one entity or one pair; their cost should not grow with the graph. */
  point?: boolean;
}

const page = { skip: 0, limit: 20 };
const nowOrd = () => currentMonthOrdinal();

export const OPERATIONS: Operation[] = [
  {
    name: 'careerTransitions',
    point: true,
    lean: 'query ($from: String!, $to: String!) { careerTransitions(from: $from, to: $to) { totalCount edges { node { gapMonths } } } }',
    full: `query ($from: String!, $to: String!) { careerTransitions(from: $from, to: $to) { totalCount edges { node {
      gapMonths person { name } from { title start end company { name } } to { title start company { name } } } } } }`,
    raw: {
      file: 'api/careerTransitions',
      params: (v, lexicon) => ({
        fromKeys: companyKeys(v.from as string, lexicon),
        toKeys: companyKeys(v.to as string, lexicon),
        withinMonths: null,
        directOnly: false,
        nowOrd: nowOrd(),
        ...page,
      }),
    },
  },
  {
    name: 'person',
    point: true,
    lean: 'query ($id: ID!) { person(id: $id) { id name email location headline } }',
    full: `query ($id: ID!) { person(id: $id) { id name roles { title start end current company { name }
      technologies { name } } education { school } } }`,
    raw: { file: 'api/personsByIds', params: (v) => ({ ids: [v.id] }) },
  },
  {
    name: 'company',
    point: true,
    lean: 'query ($name: String!) { company(name: $name) { id name aliases } }',
    full: `query ($name: String!) { company(name: $name) { id name parent { name } subsidiaries { name }
      people(first: 20) { totalCount edges { node { name } } } technologies(first: 10) { people technology { name } } } }`,
    raw: {
      file: 'api/companyByName',
      params: (v, lexicon) => ({ keys: companyKeys(v.name as string, lexicon) }),
    },
  },
  {
    name: 'technology',
    lean: 'query ($name: String!) { technology(name: $name) { id name aliases category } }',
    full: `query ($name: String!) { technology(name: $name) { name people(first: 20) { totalCount }
      companies(first: 10) { people company { name } } } }`,
    raw: {
      file: 'api/technologyByName',
      params: (v, lexicon) => ({ keys: technologyKeys(v.name as string, lexicon) }),
    },
  },
  {
    name: 'peopleByCompany',
    lean: 'query ($c: String!) { people(filter: { company: $c }, first: 20) { totalCount edges { node { id name } } } }',
    raw: {
      file: 'api/people',
      params: (v, lexicon) => ({
        companyKeys: companyKeys(v.c as string, lexicon),
        technologyKeys: [],
        name: null,
        title: null,
        location: null,
        ...page,
      }),
    },
  },
  {
    name: 'peopleByTechnology',
    lean: 'query ($t: String!) { people(filter: { technology: $t }, first: 20) { totalCount edges { node { id name } } } }',
    raw: {
      file: 'api/people',
      params: (v, lexicon) => ({
        companyKeys: [],
        technologyKeys: technologyKeys(v.t as string, lexicon),
        name: null,
        title: null,
        location: null,
        ...page,
      }),
    },
  },
  {
    name: 'people',
    lean: 'query { people(first: 20) { totalCount edges { node { id name } } } }',
    raw: {
      file: 'api/people',
      params: () => ({
        companyKeys: [],
        technologyKeys: [],
        name: null,
        title: null,
        location: null,
        ...page,
      }),
    },
  },
  {
    name: 'technologyOverlap',
    point: true,
    lean: 'query ($a: ID!, $b: ID!) { technologyOverlap(a: $a, b: $b) { jaccard shared { monthsA monthsB } } }',
    raw: { file: 'api/technologyOverlap', params: (v) => ({ a: v.a, b: v.b, nowOrd: nowOrd() }) },
  },
  {
    name: 'similarPeople',
    lean: 'query ($id: ID!) { similarPeople(to: $id, first: 10) { score } }',
    raw: { file: 'api/similarPeople', params: (v) => ({ id: v.id, limit: 10 }) },
  },
  {
    name: 'colleagues',
    lean: 'query ($id: ID!) { colleagues(of: $id) { totalCount edges { node { overlapMonths } } } }',
    raw: { file: 'api/colleagues', params: (v) => ({ id: v.id, nowOrd: nowOrd(), ...page }) },
  },
  {
    name: 'talentFlow',
    lean: 'query ($c: String!, $d: FlowDirection!) { talentFlow(company: $c, direction: $d) { people } }',
    raw: {
      file: 'api/talentFlow',
      params: (v, lexicon) => ({
        keys: companyKeys(v.c as string, lexicon),
        direction: v.d,
        sinceOrd: null,
        untilOrd: null,
        limit: 10,
      }),
    },
  },
  {
    name: 'search',
    lean: 'query ($t: String!) { search(text: $t) { score } }',
    raw: { file: 'api/search', params: (v) => ({ query: fullTextQuery(v.t as string), limit: 10 }) },
  },
  {
    name: 'duplicateCandidates',
    lean: 'query { duplicateCandidates(first: 20) { reason } }',
    raw: { file: 'api/duplicateCandidates', params: () => ({ limit: 20 }) },
  },
];
