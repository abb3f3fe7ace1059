import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvers } from '../../src/api/resolvers/index.ts';
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
