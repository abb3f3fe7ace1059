import { addResolversToSchema } from '@graphql-tools/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestServer, type TestServer } from './server.ts';

const CYPHER = 'MATCH (p:Person {id: $id}) RETURN p';

describe('HTTP errors', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      // A resolver that fails the way a driver does, with Cypher in its message.
      schema: (schema) =>
        addResolversToSchema({
          schema,
          resolvers: {
            Query: {
              person: () => {
                throw Object.assign(new Error(`Invalid input 'RETRUN': ${CYPHER}`), {
                  code: 'Neo.ClientError.Statement.SyntaxError',
                });
              },
            },
          },
        }),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('masks an unexpected error and logs it whole, with the request id', async () => {
    const res = await server.gql('{ person(id: "p1") { id } }', undefined, { 'x-request-id': 'masked-1' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['person'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/MATCH|RETRUN|stacktrace|at .*\.ts/);
    const logged = server.logs.find((l) => l.msg === 'unexpected error');
    expect(logged).toMatchObject({ level: 50, requestId: 'masked-1', path: ['person'] });
    const err = logged?.err as { message: string; stack: string; code: string };
    expect(err.message).toContain(CYPHER);
    expect(err.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(err.stack).toMatch(/errors\.test\.ts/);
  });

  it('echoes the caller’s x-request-id, and makes one when there is none or it is unfit', async () => {
    const given = await server.gql('{ __typename }', undefined, { 'x-request-id': 'req-42' });
    expect(given.headers.get('x-request-id')).toBe('req-42');
    const made = await server.gql('{ __typename }');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unfit = await server.gql('{ __typename }', undefined, {
      'x-request-id': 'has spaces {and} braces',
    });
    expect(unfit.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        requestId: 'req-42',
        method: 'POST',
        path: '/graphql',
        status: 200,
      }),
    );
  });

  // Found by the fuzz (tests/e2e/fuzz.test.ts): each was masked as INTERNAL_SERVER_ERROR and logged as unexpected.
  it('searches a 100 KB word by its prefix instead of failing in Lucene ("input automaton is too large")', async () => {
    for (const text of ['A'.repeat(100_000), `amaz${'o'.repeat(1_500)}`, '👩‍💻'.repeat(20_000)]) {
      const res = await server.gql('query($t: String!) { search(text: $t) { score } }', { t: text });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { search: [] } });
    }
    expect(
      server.logs.filter((l) => l.msg === 'unexpected error' && l.path?.toString() === 'search'),
    ).toEqual([]);
  });

  it('refuses a persisted query whose hash does not match with BAD_REQUEST, not an internal error', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'apq-1' },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(server.logs.filter((l) => l.requestId === 'apq-1' && Number(l.level) >= 50)).toEqual([]);
  });

  it('refuses a subscription with BAD_REQUEST, not an internal error', async () => {
    const res = await server.gql('subscription { people { totalCount } }', undefined, {
      'x-request-id': 'sub-1',
    });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: 'Schema is not configured to execute subscription operation.',
        extensions: { code: 'BAD_REQUEST' },
      }),
    ]);
    expect(server.logs.filter((l) => l.requestId === 'sub-1' && Number(l.level) >= 50)).toEqual([]);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await fetch(`${server.origin}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('production mode', () => {
  let production: TestServer;
  let development: TestServer;
  let productionWithIntrospection: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ production: true });
    development = await startTestServer({ production: false });
    productionWithIntrospection = await startTestServer({ production: true, introspection: true });
  });
  afterAll(async () => {
    await production?.close();
    await development?.close();
    await productionWithIntrospection?.close();
  });

  const introspection = '{ __schema { queryType { name } } }';

  it('refuses introspection in production, allows it otherwise or when asked', async () => {
    const refused = await production.gql(introspection);
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.body.errors?.[0]?.message).toMatch(/introspection is not allowed/);
    for (const server of [development, productionWithIntrospection]) {
      const allowed = await server.gql(introspection);
      expect(allowed.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    }
  });

  it('hides field suggestions in production only', async () => {
    const hidden = await production.gql('{ peple { totalCount } }');
    expect(hidden.body.errors?.[0]?.message).toBe('Cannot query field "peple" on type "Query".');
    const shown = await development.gql('{ peple { totalCount } }');
    expect(shown.body.errors?.[0]?.message).toMatch(/Did you mean "people"\?/);
  });

  it('hides every "Did you mean" in production: arguments, types, enum values, input fields', async () => {
    const typos = [
      '{ people(frist: 1) { totalCount } }',
      'query($f: PersonFiltr) { people(filter: $f) { totalCount } }',
      '{ talentFlow(company: "a", direction: OUTT) { people } }',
      '{ people(filter: { compny: "a" }) { totalCount } }',
      '{ people { edges { node { nmae } } } }',
      '{ __type(name: "Person") { name } }',
    ];
    for (const query of typos) {
      const hidden = await production.gql(query);
      expect(hidden.status).toBe(400);
      const messages = (hidden.body.errors ?? []).map((e) => e.message).join('\n');
      expect(messages).not.toMatch(/Did you mean|"first"|"OUT"|"company"|"name"/);
    }
    const shown = await development.gql(typos[0] as string);
    expect(shown.body.errors?.[0]?.message).toMatch(/Did you mean "first"\?/);
  });

  it('serves the landing page outside production only', async () => {
    const page = await fetch(development.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const none = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(none.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
