import { addResolversToSchema } from '@graphql-tools/schema';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/api/context.ts';
import { MAX_PAGE_SIZE } from '../../src/api/cursor.ts';
import { QUERY_TIMEOUT_MESSAGE } from '../../src/api/errors.ts';
import { QUERY_LIMITS } from '../../src/api/queryLimits.ts';
import { loadConfig } from '../../src/config.ts';
import { cypherFiles } from '../../src/graph/cypherFiles.ts';
import { testDriver } from '../helpers/neo4j.ts';
import { codes, startTestServer, type TestServer } from './server.ts';

const nest = (fields: string[], leaf: string) =>
  fields.reduceRight((inner, field) => `${field} { ${inner} }`, leaf);

describe('HTTP limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const cypherRun = () => server.contexts.reduce((n, c) => n + c.graph.queries, 0);

  it('refuses a query deeper than maxDepth with a validation error, before any Cypher runs', async () => {
    // Depth 14 as graph-armor counts (the leaf field counts): 2 levels over the limit of 12.
    const deep = nest(
      ['people', 'edges', 'node', 'roles', 'company', ...Array(8).fill('subsidiaries')],
      'name',
    );
    const before = cypherRun();
    const res = await server.gql(`{ ${deep} }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors?.[0]?.message).toBe(
      `Query depth limit of ${QUERY_LIMITS.maxDepth} exceeded, found 14.`,
    );
    expect(res.body).not.toHaveProperty('data');
    expect(cypherRun()).toBe(before);
  });

  it('does not refuse the deepest sensible query (depth 11) for its depth', async () => {
    const query = nest(
      [
        'people',
        'edges',
        'node',
        'roles',
        'company',
        'subsidiaries',
        'people',
        'edges',
        'node',
        'technologies',
      ],
      'name',
    );
    const res = await server.gql(`{ ${query} }`);
    // Whatever the resolvers answer (they may not all exist yet), it is not a validation refusal.
    expect(codes(res)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.status).not.toBe(400);
  });

  it('refuses more than maxAliases aliases', async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `p${i}: person(id: "x") { id }`,
    );
    const before = cypherRun();
    const res = await server.gql(`{ ${aliases.join(' ')} }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded, found 16/);
    expect(cypherRun()).toBe(before);
  });

  it('refuses a costly query (a literal first multiplies what it nests) before any Cypher runs', async () => {
    const before = cypherRun();
    const res = await server.gql(
      '{ people(first: 100) { edges { node { companies { people(first: 100) { totalCount } } } } } }',
    );
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors?.[0]?.message).toMatch(
      new RegExp(`^Query Cost limit of ${QUERY_LIMITS.maxCost} exceeded, found [\\d.]+\\.$`),
    );
    expect(cypherRun()).toBe(before);
    const cheap = await server.gql('{ people(first: 100) { totalCount } }');
    expect(cheap.status).toBe(200);
  });

  it('refuses more than maxDirectives directives', async () => {
    const directives = Array(QUERY_LIMITS.maxDirectives + 1)
      .fill('@include(if: true)')
      .join(' ');
    const before = cypherRun();
    const res = await server.gql(`{ people { totalCount ${directives} } }`);
    expect(res.status).toBe(400);
    expect(new Set(codes(res))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(res.body.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/^Directives limit of 20 exceeded, found 21\.$/),
    );
    expect(cypherRun()).toBe(before);
  });

  it(`refuses a page larger than ${MAX_PAGE_SIZE} or below 0, at the root and nested, with BAD_USER_INPUT`, async () => {
    for (const query of [
      `{ people(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`,
      '{ people(first: -1) { totalCount } }',
      '{ search(text: "a", first: -100) { score } }',
      `{ duplicateCandidates(first: ${MAX_PAGE_SIZE + 1}) { reason } }`,
      `query($n: Int) { colleagues(of: "x", first: $n) { totalCount } }`,
    ]) {
      const before = cypherRun();
      const res = await server.gql(query, { n: -5 });
      expect(res.status).toBe(200);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors?.[0]?.message).toMatch(/^"first" must be between 0 and 100, got -?\d+$/);
      expect(cypherRun()).toBe(before);
    }
    const nested = await server.gql(
      `{ company(name: "Amazon") { people(first: ${MAX_PAGE_SIZE + 1}) { totalCount } } }`,
    );
    expect(codes(nested)).toEqual(['BAD_USER_INPUT']);
    const exactly = await server.gql(`{ people(first: ${MAX_PAGE_SIZE}) { totalCount } }`);
    expect(codes(exactly)).toEqual([]);
    // A huge literal first is refused by the cost limit before any resolver; outside the 32-bit range,
    // by GraphQL's Int; from a variable, by the resolver.
    for (const query of [
      '{ search(text: "a", first: 100000) { score } }',
      '{ people(first: 2147483648) { totalCount } }',
    ]) {
      const huge = await server.gql(query);
      expect(huge.status).toBe(400);
      expect(new Set(codes(huge))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    }
    const viaVariable = await server.gql('query($n: Int) { search(text: "a", first: $n) { score } }', {
      n: 2147483647,
    });
    expect(codes(viaVariable)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a document of more than maxTokens tokens as a parse error', async () => {
    const res = await server.gql(`{ ${Array(QUERY_LIMITS.maxTokens).fill('__typename').join(' ')} }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('answers a body over the limit with HTTP 413 and a JSON error', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      errors: [
        { message: 'The request body is larger than 1mb.', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  });

  it('answers malformed JSON with HTTP 400 and a JSON error', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses batched requests, running none of their operations', async () => {
    const before = cypherRun();
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ people { totalCount } }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batching/i);
    expect(cypherRun()).toBe(before);
  });
});

describe('query timeout', () => {
  const TIMEOUT_MS = 500;
  let server: TestServer;
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    // A named query that runs for many seconds (a count over half a billion numbers), registered for this
    // test only, run by a resolver through the request's graph reader as every resolver's Cypher is.
    cypherFiles().set(
      'test/slow',
      'UNWIND range(1, 500000000) AS x WITH x WHERE x = -1 RETURN count(x) AS slowTestQuery',
    );
    server = await startTestServer({
      careerGraph: {
        config: loadConfig({ ...process.env, CAREERGRAPH_QUERY_TIMEOUT_MS: String(TIMEOUT_MS) }),
      },
      schema: (schema) =>
        addResolversToSchema({
          schema,
          resolvers: {
            Query: {
              duplicateCandidates: async (_: unknown, __: unknown, ctx: ApiContext) => {
                await ctx.graph.read('test/slow');
                return [];
              },
            },
          },
        }),
    });
  });
  afterAll(async () => {
    cypherFiles().delete('test/slow');
    await server?.close();
    await driver?.close();
  });

  it('cancels a query that runs past CAREERGRAPH_QUERY_TIMEOUT_MS, answering QUERY_TIMEOUT in words', async () => {
    const started = Date.now();
    const res = await server.gql('{ duplicateCandidates { reason } }', undefined, {
      'x-request-id': 'slow-1',
    });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      {
        message: QUERY_TIMEOUT_MESSAGE,
        locations: [{ line: 1, column: 3 }],
        path: ['duplicateCandidates'],
        extensions: { code: 'QUERY_TIMEOUT' },
      },
    ]);
    expect(res.body.data).toBeNull();
    // Neo4j checks timeouts every 2 s; without the timeout the count runs far longer.
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(elapsed).toBeLessThan(8_000);
    // Cancelled in the database too, not only abandoned by the client.
    const running = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n',
      { marker: 'slowTestQuery' },
    );
    expect(Number(running.records[0]?.get('n'))).toBe(0);
    // Logged whole for the operator, with the request id, as a warning (not an unexpected error).
    const logged = server.logs.filter((l) => l.requestId === 'slow-1' && Number(l.level) >= 40);
    expect(logged).toEqual([
      expect.objectContaining({ level: 40, msg: 'query timed out', path: ['duplicateCandidates'] }),
    ]);
    expect((logged[0]?.err as { code?: string } | undefined)?.code).toMatch(/TransactionTimedOut/);
  });

  it('leaves quick queries alone', async () => {
    const res = await server.gql('{ people(first: 1) { totalCount } }');
    expect(res.body.errors).toBeUndefined();
  });
});
