import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/api/context.ts';
import { type CareerGraph, createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { executeOperation } from '../../src/api/executeOperation.ts';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { testDriver } from '../helpers/neo4j.ts';
import { API_RESUMES } from './fixtures.ts';
import { startTestServer, type TestServer } from './server.ts';

let driver: Driver;
let cg: CareerGraph;
const ids: Record<string, string> = {};

type Transport = 'in-process' | 'http';
let http: TestServer;

/**
 * Runs an operation in-process (as `careergraph query` and embedding apps do) or over real HTTP (as
 * clients do); returns data, errors and the number of Cypher queries it cost.
 */
async function run(
  transport: Transport,
  source: string,
  variables: Record<string, unknown> = {},
  key: string | null = 'test-key',
) {
  const headers: Record<string, string> = key ? { 'x-api-key': key } : {};
  if (transport === 'http') {
    const before = http.contexts.length;
    const response = await http.gql(source, variables, headers);
    const queries = http.contexts.slice(before).reduce((n, c) => n + c.graph.queries, 0);
    return { data: response.body.data ?? null, errors: response.body.errors, queries };
  }
  // In-process the way `careergraph query` runs it: parse, validate, execute, format errors.
  let context: ApiContext | undefined;
  const result = await executeOperation(
    { schema: cg.schema, createContext: (request) => (context = cg.createContext(request)) },
    { query: source, variables, headers },
  );
  return { data: result.data ?? null, errors: result.errors, queries: context?.graph.queries ?? 0 };
}

async function ok(transport: Transport, source: string, variables: Record<string, unknown> = {}) {
  const result = await run(transport, source, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

const OURS = new Set(['Quinn Alpha', 'Riley Beta', 'Sam Gamma']);

beforeAll(async () => {
  driver = testDriver();
  cg = createCareerGraph({ driver, apiKey: 'test-key' });
  http = await startTestServer();
  for (const [fileName, content] of Object.entries(API_RESUMES)) {
    const data = await ok(
      'in-process',
      'mutation($f: String!, $c: String!) { ingestResume(input: {fileName: $f, content: $c}) { person { id name } } }',
      {
        f: `api-e2e/${fileName}`,
        c: content,
      },
    );
    ids[data.ingestResume.person.name] = data.ingestResume.person.id;
  }
});

afterAll(async () => {
  const session = driver.session();
  const rows = await session.run("MATCH (s:Source) WHERE s.key STARTS WITH 'api:api-e2e/' RETURN s.id AS id");
  await session.close();
  await deleteSources(
    driver,
    rows.records.map((r) => r.get('id')),
  );
  await driver.close();
});

const MOVES = `query($from: String!, $to: String!, $within: Int, $direct: Boolean, $first: Int, $after: String) {
  careerTransitions(from: $from, to: $to, withinMonths: $within, directOnly: $direct, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { gapMonths person { name } from { title start company { name } } to { title start company { name } } } }
  }
}`;

function suite(transport: Transport) {
  async function moves(variables: Record<string, unknown>) {
    const data = await ok(transport, MOVES, { first: 100, ...variables });
    return (data.careerTransitions.edges as any[]).map((e) => e.node).filter((n) => OURS.has(n.person.name));
  }

  describe('careerTransitions', () => {
    it('counts a role at a subsidiary for its parent, in order only', async () => {
      const forward = await moves({ from: 'Amazon', to: 'Meta' });
      expect(
        forward.map(
          (m) =>
            `${m.person.name}: ${m.from.company.name} ${m.from.start} → ${m.to.company.name} ${m.to.start}`,
        ),
      ).toEqual([
        'Quinn Alpha: Amazon Web Services 2015-01 → Instagram 2020-02',
        'Riley Beta: Amazon 2016 → Meta 2018-03',
      ]);
      const backward = await moves({ from: 'Meta', to: 'Amazon' });
      expect(backward.map((m) => m.person.name)).toEqual(['Sam Gamma']);
    });

    it('reports the gap in months, negative when the roles overlap', async () => {
      const [quinn, riley] = await moves({ from: 'Amazon', to: 'Meta' });
      expect(quinn.gapMonths).toBe(2020 * 12 + 1 - (2017 * 12 + 5));
      expect(riley.gapMonths).toBeLessThan(0);
    });

    it('bounds the gap with withinMonths', async () => {
      expect((await moves({ from: 'Amazon', to: 'Meta', within: 12 })).map((m) => m.person.name)).toEqual([
        'Riley Beta',
      ]);
      expect((await moves({ from: 'Amazon', to: 'Meta', within: 40 })).map((m) => m.person.name)).toEqual([
        'Quinn Alpha',
        'Riley Beta',
      ]);
    });

    it('with directOnly, skips moves with another employer in between', async () => {
      expect((await moves({ from: 'aws', to: 'instagram', direct: true })).map((m) => m.person.name)).toEqual(
        [],
      );
      expect((await moves({ from: 'Fabrikam', to: 'Meta', direct: true })).map((m) => m.person.name)).toEqual(
        ['Quinn Alpha'],
      );
    });

    it('pages with cursors and a total', async () => {
      const first = await ok(transport, MOVES, { from: 'Amazon', to: 'Meta', first: 1 });
      const total = first.careerTransitions.totalCount;
      expect(total).toBeGreaterThanOrEqual(2);
      const seen = [first.careerTransitions.edges[0].cursor];
      let after = first.careerTransitions.pageInfo.endCursor;
      for (let i = 1; i < total; i++) {
        const page = await ok(transport, MOVES, { from: 'Amazon', to: 'Meta', first: 1, after });
        expect(page.careerTransitions.edges).toHaveLength(1);
        seen.push(page.careerTransitions.edges[0].cursor);
        after = page.careerTransitions.pageInfo.endCursor;
        expect(page.careerTransitions.pageInfo.hasNextPage).toBe(i < total - 1);
      }
      expect(new Set(seen).size).toBe(total);
    });

    it('refuses a cursor it did not make and a page over 100', async () => {
      const bad = await run(transport, MOVES, { from: 'Amazon', to: 'Meta', after: 'not-a-cursor' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const big = await run(transport, MOVES, { from: 'Amazon', to: 'Meta', first: 101 });
      expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('people, person, company, technology', () => {
    it('filters people by company (subsidiaries included), technology alias, title and name', async () => {
      const names = async (filter: Record<string, string>) =>
        (
          (
            await ok(
              transport,
              'query($f: PersonFilter) { people(filter: $f, first: 100) { edges { node { name } } } }',
              {
                f: filter,
              },
            )
          ).people.edges as any[]
        )
          .map((e) => e.node.name)
          .filter((n: string) => OURS.has(n));
      expect(await names({ company: 'Amazon' })).toEqual(['Quinn Alpha', 'Riley Beta', 'Sam Gamma']);
      expect(await names({ company: 'Meta', technology: 'golang' })).toEqual(['Quinn Alpha', 'Riley Beta']);
      expect(await names({ title: 'production' })).toEqual(['Riley Beta']);
      expect(await names({ name: 'gamma' })).toEqual(['Sam Gamma']);
    });

    it('finds a company and a technology by alias, any case, with parent and subsidiaries', async () => {
      const data = await ok(
        transport,
        '{ company(name: "AWS") { name parent { name } } meta: company(name: "meta") { subsidiaries { name } } technology(name: "Golang") { name } }',
      );
      expect(data.company).toEqual({ name: 'Amazon Web Services', parent: { name: 'Amazon' } });
      expect(data.meta.subsidiaries.map((s: any) => s.name)).toContain('Instagram');
      expect(data.technology).toEqual({ name: 'Go' });
    });

    it('returns a person with roles in chronological order and their provenance', async () => {
      const data = await ok(
        transport,
        'query($id: ID!) { person(id: $id) { name roles { title start current inferred confidence source { fileName line } company { name } } } }',
        {
          id: ids['Quinn Alpha'],
        },
      );
      expect(data.person.roles.map((r: any) => r.start)).toEqual(['2015-01', '2017-09', '2020-02']);
      expect(data.person.roles[2]).toMatchObject({
        current: true,
        inferred: false,
        source: { fileName: 'api-e2e/quinn-alpha.md', line: 6 },
      });
    });

    it('gives every USED and SKILLED_IN fact its source line, extractor and confidence', async () => {
      const data = await ok(
        transport,
        `query($id: ID!) { person(id: $id) {
          roles { company { name } extractor stack { technology { name } source { fileName line } extractor confidence } }
          skills { technology { name } category source { fileName line } extractor confidence } } }`,
        { id: ids['Quinn Alpha'] },
      );
      const instagram = data.person.roles.find((r: any) => r.company?.name === 'Instagram');
      expect(instagram.extractor).toBe('RULE');
      expect(instagram.stack).toEqual([
        {
          technology: { name: 'Go' },
          source: { fileName: 'api-e2e/quinn-alpha.md', line: 7 },
          extractor: 'RULE',
          confidence: expect.any(Number),
        },
        {
          technology: { name: 'Kafka' },
          source: { fileName: 'api-e2e/quinn-alpha.md', line: 7 },
          extractor: 'RULE',
          confidence: expect.any(Number),
        },
      ]);
      const fabrikam = data.person.roles.find((r: any) => r.company?.name === 'Fabrikam');
      expect(fabrikam.stack.map((u: any) => [u.technology.name, u.source.line])).toEqual([
        ['Go', 12],
        ['PostgreSQL', 12],
      ]);
      expect(data.person.skills.map((k: any) => [k.technology.name, k.category, k.source.line])).toEqual([
        ['Go', 'Languages', 19],
        ['Kafka', 'Data', 20],
        ['PostgreSQL', 'Data', 20],
      ]);
      for (const k of data.person.skills) {
        expect(k.extractor).toBe('RULE');
        expect(k.confidence).toBeGreaterThan(0);
        expect(k.confidence).toBeLessThanOrEqual(1);
      }
    });
  });

  describe('comparing people', () => {
    it('computes technology overlap with Jaccard and months of use', async () => {
      const data = await ok(
        transport,
        'query($a: ID!, $b: ID!) { technologyOverlap(a: $a, b: $b) { jaccard shared { technology { name } monthsA monthsB } onlyA { name } onlyB { name } } }',
        {
          a: ids['Quinn Alpha'],
          b: ids['Riley Beta'],
        },
      );
      const o = data.technologyOverlap;
      expect(o.shared.map((s: any) => s.technology.name)).toEqual(['Go']);
      expect(o.onlyA.map((t: any) => t.name).sort()).toEqual(['Kafka', 'PostgreSQL']);
      expect(o.onlyB.map((t: any) => t.name)).toEqual(['Rust']);
      expect(o.jaccard).toBeCloseTo(1 / 4);
      // Quinn used Go at AWS (30 months), Fabrikam (28) and Instagram (since 2020-02): more than 58 months.
      expect(o.shared[0].monthsA).toBeGreaterThan(58);
    });

    it('finds colleagues from overlapping tenure in the same company family', async () => {
      const data = await ok(
        transport,
        'query($id: ID!) { colleagues(of: $id, first: 100) { edges { node { person { name } company { name } overlapMonths } } } }',
        {
          id: ids['Riley Beta'],
        },
      );
      const ours = (data.colleagues.edges as any[]).map((e) => e.node).filter((n) => OURS.has(n.person.name));
      // Riley (Amazon 2016–2018) overlaps Quinn (AWS to 2017-06) and Sam (AWS since 2015) at Amazon, and
      // Quinn again at Meta (Riley at Meta since 2018-03, Quinn at Instagram since 2020-02); Sam left Meta in 2014.
      expect(ours.map((n) => `${n.person.name}@${n.company.name}`).sort()).toEqual([
        'Quinn Alpha@Amazon',
        'Quinn Alpha@Meta',
        'Sam Gamma@Amazon',
      ]);
      expect(
        ours.find((n) => n.person.name === 'Quinn Alpha' && n.company.name === 'Amazon').overlapMonths,
      ).toBe(18);
    });

    it('ranks similar people by shared technologies and employers', async () => {
      const data = await ok(
        transport,
        'query($id: ID!) { similarPeople(to: $id, first: 50) { score person { name } sharedTechnologies { name } sharedCompanies { name } } }',
        {
          id: ids['Quinn Alpha'],
        },
      );
      const riley = (data.similarPeople as any[]).find((s) => s.person.name === 'Riley Beta');
      expect(riley.sharedTechnologies.map((t: any) => t.name)).toEqual(['Go']);
      expect(riley.sharedCompanies.map((c: any) => c.name).sort()).toEqual(['Amazon', 'Meta']);
      expect(riley.score).toBeGreaterThan(0);
    });
  });

  describe('talentFlow and search', () => {
    it('counts where people went next and came from, by company family', async () => {
      const data = await ok(
        transport,
        '{ out: talentFlow(company: "Fabrikam", direction: OUT) { company { name } people } in: talentFlow(company: "Fabrikam", direction: IN) { company { name } people } }',
      );
      expect(data.out).toContainEqual({ company: { name: 'Meta' }, people: expect.any(Number) });
      expect(data.in).toContainEqual({ company: { name: 'Amazon' }, people: expect.any(Number) });
    });

    it('counts only moves within the period asked for', async () => {
      // Quinn left Fabrikam for Instagram in 2020-02.
      const flow = async (since: string, until: string) =>
        (
          await ok(
            transport,
            'query($s: PartialDate, $u: PartialDate) { talentFlow(company: "Fabrikam", direction: OUT, since: $s, until: $u) { company { name } } }',
            {
              s: since,
              u: until,
            },
          )
        ).talentFlow.map((f: any) => f.company.name);
      expect(await flow('2020-01', '2020-03')).toContain('Meta');
      expect(await flow('2020-03', '2021')).not.toContain('Meta');
      const bad = await run(
        transport,
        '{ talentFlow(company: "Fabrikam", direction: OUT, since: "13/2020") { people } }',
      );
      expect(bad.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    });

    it('searches people, companies and technologies as you type', async () => {
      const data = await ok(
        transport,
        '{ search(text: "quinn alp") { node { __typename ... on Person { name } } } }',
      );
      expect(data.search[0].node).toEqual({ __typename: 'Person', name: 'Quinn Alpha' });
      const hostile = await run(transport, '{ search(text: "\\") OR (n) //* AND name:") { score } }');
      expect(hostile.errors).toBeUndefined();
    });
  });

  describe('mutations', () => {
    it('refuse without the API key', async () => {
      const result = await run(
        transport,
        'mutation { deletePerson(id: "person:nobody") { deleted } }',
        {},
        null,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const wrong = await run(
        transport,
        'mutation { deletePerson(id: "person:nobody") { deleted } }',
        {},
        'wrong-key',
      );
      expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('report an unchanged re-ingest and delete a source by sha256', async () => {
      const content = API_RESUMES['sam-gamma.txt'] as string;
      const again = await ok(
        transport,
        'mutation($c: String!) { ingestResume(input: {fileName: "api-e2e/sam-gamma.txt", content: $c}) { changed source { sha256 } } }',
        { c: content },
      );
      expect(again.ingestResume.changed).toBe(false);
    });
  });

  describe('round trips', () => {
    const NESTED = `query($f: PersonFilter, $first: Int) { people(filter: $f, first: $first) { edges { node {
    name roles { title company { name parent { name } } technologies { name } source { line } }
    companies { name } technologies { name } education { school } sources { fileName } } } } }`;

    it('a nested page costs a few Cypher queries whatever its size (no N+1)', async () => {
      const one = await run(transport, NESTED, { f: { company: 'Amazon' }, first: 1 });
      const three = await run(transport, NESTED, { f: { company: 'Amazon' }, first: 20 });
      expect(one.errors).toBeUndefined();
      expect(three.errors).toBeUndefined();
      expect((three.data as any).people.edges.length).toBeGreaterThanOrEqual(3);
      // One query per kind of field, batched: DataLoader may split a kind over two ticks, never per person.
      expect(three.queries).toBeLessThanOrEqual(one.queries + 2);
      expect(three.queries).toBeLessThanOrEqual(12);
    });
  });
}

describe('over HTTP', () => suite('http'));
describe('in-process', () => suite('in-process'));
