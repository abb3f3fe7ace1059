import type { Driver } from 'neo4j-driver';
import { cypher, statements } from './cypherFiles.ts';

/** Applies every constraint and index in cypher/schema.cypher (idempotent), then waits for them to be online. */
export async function applySchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of statements(cypher('schema'))) {
      // Schema changes cannot share a transaction with other statements: one write transaction each.
      await session.executeWrite((tx) => tx.run(statement));
    }
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}
