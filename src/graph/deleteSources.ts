import type { Driver } from 'neo4j-driver';
import { cypher } from './cypherFiles.ts';

/** Deletes sources (by id) and every fact they stated, in one write transaction. */
export async function deleteSources(driver: Driver, sourceIds: string[], database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(cypher('ingest/deleteSourceFacts'), { sourceIds });
      await tx.run(cypher('ingest/deleteSources'), { sourceIds });
    });
  } finally {
    await session.close();
  }
}
