import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HEALTH_TIMEOUT_MS } from '../../src/api/healthCheck.ts';
import { createDriver } from '../../src/graph/driver.ts';
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
