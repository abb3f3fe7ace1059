// placeholder: applySchema(driver) is written by the graph module owner; see cypher/schema.cypher
import type { Driver } from 'neo4j-driver';

/** Applies every constraint and index in cypher/schema.cypher; idempotent. */
export async function applySchema(_driver: Driver, _database?: string): Promise<void> {}
