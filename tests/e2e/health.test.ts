import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectedSchemaNames, HEALTH_TIMEOUT_MS } from '../../src/api/healthCheck.ts';
import { createDriver } from '../../src/graph/driver.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { testDriver } from '../helpers/neo4j.ts';
import { startTestServer } from './server.ts';

describe('/healthz', () => {
  it('answers 200 when Neo4j answers', async () => {
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.origin}/healthz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(await res.json()).toEqual({ status: 'ok', neo4j: 'up' });
    } finally {
      await server.close();
    }
  });

  it('answers 503 when Neo4j does not', async () => {
    // Port 1: nothing listens, so the connection is refused at once.
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'none' });
    const server = await startTestServer({ driver });
    try {
      const res = await fetch(`${server.origin}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', neo4j: 'down' });
    } finally {
      await server.close();
    }
  });

  it('answers 503 after HEALTH_TIMEOUT_MS when Neo4j accepts the connection but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'none' });
    const server = await startTestServer({ driver });
    try {
      const started = Date.now();
      const res = await fetch(`${server.origin}/healthz`);
      const elapsed = Date.now() - started;
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', neo4j: 'down' });
      expect(elapsed).toBeGreaterThanOrEqual(HEALTH_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(HEALTH_TIMEOUT_MS + 1_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await server.close();
    }
  });
});

describe('/readyz', () => {
  it('answers 200 when Neo4j answers and every constraint and index of cypher/schema.cypher exists', async () => {
    const expected = expectedSchemaNames();
    expect(expected.constraints).toEqual(expect.arrayContaining(['person_id', 'company_name_key']));
    expect(expected.indexes).toEqual(expect.arrayContaining(['search_names']));
    const server = await startTestServer();
    try {
      const res = await fetch(`${server.origin}/readyz`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ status: 'ready' });
    } finally {
      await server.close();
    }
  });

  it('answers 503 naming what is missing when the schema is not applied, 200 again once it is', async () => {
    const driver = testDriver();
    const server = await startTestServer();
    try {
      await driver.executeQuery('DROP CONSTRAINT education_id IF EXISTS');
      const res = await fetch(`${server.origin}/readyz`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'unavailable', neo4j: 'up' });
      expect(body.reason).toMatch(/^schema not applied: missing or not online education_id \(/);
      // Liveness does not depend on the schema.
      expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
      await applySchema(driver);
      expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
    } finally {
      await applySchema(driver);
      await driver.close();
      await server.close();
    }
  });

  it('answers 503 when Neo4j is unreachable', async () => {
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'none' });
    const server = await startTestServer({ driver });
    try {
      const res = await fetch(`${server.origin}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'unavailable',
        neo4j: 'down',
        reason: `Neo4j did not answer within ${HEALTH_TIMEOUT_MS} ms`,
      });
    } finally {
      await server.close();
    }
  });
});
