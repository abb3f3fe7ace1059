import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/api/queryLimits.ts';
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

  it('refuses batched requests', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batching/i);
  });
});
