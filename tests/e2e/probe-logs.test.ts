import { describe, expect, it } from 'vitest';
import { createDriver } from '../../src/graph/driver.ts';
import { startTestServer } from './server.ts';

const DEBUG = 20;
const INFO = 30;

const requestLines = (logs: Record<string, unknown>[], path: string) =>
  logs.filter((l) => l.msg === 'request' && l.path === path);

describe('request log of probes', () => {
  it('logs successful /healthz and /readyz at debug, GraphQL requests at info', async () => {
    const server = await startTestServer();
    try {
      for (let i = 0; i < 3; i++) {
        expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
        expect((await fetch(`${server.origin}/readyz?verbose=1`)).status).toBe(200);
      }
      expect((await server.gql('{ __typename }')).status).toBe(200);
      // The line is written when the response finishes, just after the client has it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const probes = [...requestLines(server.logs, '/healthz'), ...requestLines(server.logs, '/readyz')];
      expect(probes).toHaveLength(6);
      expect(probes.map((l) => l.level)).toEqual(Array(6).fill(DEBUG));
      expect(requestLines(server.logs, '/graphql')).toEqual([
        expect.objectContaining({ level: INFO, status: 200, method: 'POST' }),
      ]);
    } finally {
      await server.close();
    }
  });

  it('logs a failing probe (503) at info: that is news', async () => {
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'none' });
    const server = await startTestServer({ driver });
    try {
      expect((await fetch(`${server.origin}/healthz`)).status).toBe(503);
      expect((await fetch(`${server.origin}/readyz`)).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const probes = [...requestLines(server.logs, '/healthz'), ...requestLines(server.logs, '/readyz')];
      expect(probes.map((l) => [l.path, l.status, l.level])).toEqual([
        ['/healthz', 503, INFO],
        ['/readyz', 503, INFO],
      ]);
    } finally {
      await server.close();
    }
  });
});
