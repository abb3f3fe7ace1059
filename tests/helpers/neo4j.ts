import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver, type Neo4jConnection } from '../../src/graph/driver.ts';

/** The connection the integration global setup provides. */
export function testConnection(): Neo4jConnection {
  return inject('neo4j');
}

/** A driver for the test Neo4j; the caller closes it (e.g. in afterAll). */
export function testDriver(): Driver {
  return createDriver(testConnection());
}
