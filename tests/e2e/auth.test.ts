import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvers } from '../../src/api/resolvers/index.ts';
import { testDriver } from '../helpers/neo4j.ts';
import { codes, startTestServer, TEST_API_KEY, type TestServer } from './server.ts';

// Written beside the resolvers: these run once the deleteSource resolver exists.
const hasDeleteSource = Boolean(
  (resolvers as { Mutation?: { deleteSource?: unknown } }).Mutation?.deleteSource,
);
const DELETE =
  'mutation { deleteSource(sha256: "0000000000000000000000000000000000000000000000000000000000000000") { deleted } }';

describe('API key', () => {
  let server: TestServer;
  let closed: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    closed = await startTestServer({ careerGraph: { requireKeyForReads: true } });
  });
  afterAll(async () => {
    await server?.close();
    await closed?.close();
  });

  it.skipIf(!hasDeleteSource)('refuses deleteSource without the key: UNAUTHENTICATED, HTTP 200', async () => {
    const res = await server.gql(DELETE);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it.skipIf(!hasDeleteSource)('refuses deleteSource with a wrong key: UNAUTHENTICATED', async () => {
    for (const headers of [{ 'x-api-key': 'wrong-key' }, { authorization: 'Bearer wrong-key' }] as Record<
      string,
      string
    >[]) {
      const res = await server.gql(DELETE, undefined, headers);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses every mutation without the key or with a wrong one, and changes nothing in the graph', async () => {
    const driver = testDriver();
    const count = async () => {
      const r = await driver.executeQuery(
        'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
      );
      return [Number(r.records[0]?.get('nodes')), Number(r.records[0]?.get('rels'))];
    };
    try {
      const people = await server.gql('{ people(first: 1) { edges { node { id } } } }');
      const someone =
        (people.body.data as { people: { edges: { node: { id: string } }[] } } | undefined)?.people.edges[0]
          ?.node.id ?? 'person:nobody';
      const mutations = [
        'mutation { ingestResume(input: { fileName: "auth.md", content: "# Ana Auth\\nana@example.org\\n\\n## Experience\\n\\n#### Engineer, Fabrikam\\n2019 - 2021" }) { changed } }',
        DELETE,
        `mutation { deletePerson(id: ${JSON.stringify(someone)}) { deleted } }`,
      ];
      const before = await count();
      for (const headers of [
        {},
        { 'x-api-key': 'wrong-key' },
        { 'x-api-key': `${TEST_API_KEY}x` },
        { 'x-api-key': TEST_API_KEY.slice(0, -1) },
        { authorization: `Basic ${TEST_API_KEY}` },
        { authorization: 'Bearer wrong-key' },
      ] as Record<string, string>[]) {
        for (const mutation of mutations) {
          const res = await server.gql(mutation, undefined, headers);
          expect(res.status).toBe(200);
          expect(res.body.data).toBeNull();
          expect(codes(res)).toEqual(['UNAUTHENTICATED']);
          expect(res.body.errors?.[0]?.message).toMatch(/needs the API key/);
        }
      }
      expect(await count()).toEqual(before);
      // With the key, the same delete runs (and finds nothing to delete).
      const keyed = await server.gql(DELETE, undefined, { 'x-api-key': TEST_API_KEY });
      expect(keyed.body).toEqual({ data: { deleteSource: { deleted: false } } });
    } finally {
      await driver.close();
    }
  });

  it('refuses every request without the key when reads need it too: UNAUTHENTICATED, HTTP 401', async () => {
    for (const headers of [{}, { 'x-api-key': 'wrong-key' }] as Record<string, string>[]) {
      const res = await closed.gql('{ __typename }', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.body.errors?.[0]?.message).toMatch(/API key/);
    }
  });

  it('accepts the key as x-api-key or as a bearer token', async () => {
    for (const headers of [
      { 'x-api-key': TEST_API_KEY },
      { authorization: `Bearer ${TEST_API_KEY}` },
    ] as Record<string, string>[]) {
      const res = await closed.gql('{ __typename }', undefined, headers);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { __typename: 'Query' } });
    }
  });
});
