import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherFiles, statements } from '../../src/graph/cypherFiles.ts';
import { testDriver } from '../helpers/neo4j.ts';

// Every named Cypher file is planned by the real database, so a typo or a removed property fails CI.
let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver.close());

describe('every file in cypher/ is valid Cypher', () => {
  for (const [name, text] of cypherFiles()) {
    it(name, async () => {
      const session = driver.session();
      try {
        for (const statement of name === 'schema' ? [] : statements(text)) {
          const result = await session.run(`EXPLAIN ${statement}`);
          expect(result.summary.plan).toBeTruthy();
        }
      } finally {
        await session.close();
      }
    });
  }
  it('schema statements are idempotent (IF NOT EXISTS)', () => {
    for (const s of statements(cypherFiles().get('schema') ?? '')) expect(s).toMatch(/IF NOT EXISTS/);
  });
});
