import type { Driver } from 'neo4j-driver';
import { cypher } from './cypherFiles.ts';

/**
 * Deletes sources (by id) and every fact they stated, in one write transaction; a person's remaining
 * newest source becomes the current one again.
 */
export async function deleteSources(driver: Driver, sourceIds: string[], database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      const people = await tx.run(cypher('ingest/peopleOfSources'), { sourceIds });
      const personIds = people.records.map((r) => r.get('id') as string);
      await tx.run(cypher('ingest/deleteSourceFacts'), { sourceIds });
      await tx.run(cypher('ingest/deleteSources'), { sourceIds });
      if (personIds.length) await tx.run(cypher('ingest/supersedeSources'), { personIds });
    });
  } finally {
    await session.close();
  }
}
