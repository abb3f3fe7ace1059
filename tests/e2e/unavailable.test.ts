import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { formatError } from '../../src/api/errors.ts';
import { createDriver } from '../../src/graph/driver.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';

describe('when Neo4j cannot be reached', () => {
  it('answers SERVICE_UNAVAILABLE within seconds, with no driver message', async () => {
    const port = await findFreePort();
    const driver = createDriver(
      { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'nothing-listens' },
      { connectionTimeout: 1_000, maxTransactionRetryTime: 1_000, connectionAcquisitionTimeout: 2_000 },
    );
    const cg = createCareerGraph({ driver });
    const started = Date.now();
    try {
      const result = await execute({
        schema: cg.schema,
        document: parse('{ company(name: "Amazon") { name } }'),
        contextValue: cg.createContext(),
      });
      const [error] = (result.errors ?? []).map((e) => formatError(e.toJSON(), e));
      expect(error).toEqual(expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } }));
      expect(error?.message).not.toMatch(/bolt|127\.0\.0\.1|ECONNREFUSED/i);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await driver.close();
    }
  });
});
