import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEFAULTS, loadConfig } from '../../src/config.ts';
import { createDriver, type Neo4jConnection } from '../../src/graph/driver.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { findServer, type Neo4jServer } from '../../src/neo4j/findServer.ts';
import { generatePassword } from '../../src/neo4j/localServer.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (message: string): void => {
  process.stderr.write(`[neo4j setup] ${message}\n`);
};

/** A Neo4j container through testcontainers, or undefined when no container runtime exists. */
async function tryTestcontainers(): Promise<Neo4jServer | undefined> {
  let Neo4jContainer: typeof import('@testcontainers/neo4j').Neo4jContainer;
  try {
    // Imported lazily: loading testcontainers costs time and it is useless without a runtime.
    ({ Neo4jContainer } = await import('@testcontainers/neo4j'));
  } catch {
    return undefined;
  }
  const password = generatePassword();
  try {
    const container = await new Neo4jContainer(DEFAULTS.neo4jDockerImage).withPassword(password).start();
    return {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password,
      database: DEFAULTS.neo4jDatabase,
      via: 'docker',
      alreadyRunning: false,
      stop: async () => {
        await container.stop();
      },
    };
  } catch (error) {
    if (error instanceof Error && /container runtime/i.test(error.message)) {
      log('No container runtime; falling back to Neo4j jars through Maven.');
      return undefined;
    }
    throw error;
  }
}

/**
 * Vitest global setup of the integration project: NEO4J_URI if set, else a testcontainers Neo4j,
 * else a jar-run Neo4j on a free port in a fresh home under .careergraph/test. Tests get the
 * connection from `inject('neo4j')` and NEO4J_* in the environment; teardown stops what was started.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const home = path.join(repoRoot, '.careergraph', 'test', randomBytes(6).toString('hex'));
  const started = Date.now();
  const server = await findServer({
    config,
    home,
    port: config.neo4j.uri ? undefined : await findFreePort(),
    docker: tryTestcontainers,
    detached: false,
    log,
  });
  log(`Neo4j (${server.via}) at ${server.uri}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  // Should Vitest exit without calling teardown, do not leave a JVM behind.
  const killOnExit = (): void => {
    if (server.pid) {
      try {
        process.kill(server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);

  const connection: Neo4jConnection = {
    uri: server.uri,
    user: server.user,
    password: server.password,
    database: server.database,
  };
  // Every integration test runs on the real schema (constraints, lookups, full-text), as the app does.
  const driver = createDriver(connection);
  try {
    await applySchema(driver, connection.database);
  } finally {
    await driver.close();
  }
  project.provide('neo4j', connection);
  process.env.NEO4J_URI = connection.uri;
  process.env.NEO4J_USER = connection.user;
  process.env.NEO4J_PASSWORD = connection.password;
  process.env.NEO4J_DATABASE = connection.database;

  return async () => {
    await server.stop();
    process.off('exit', killOnExit);
    if (server.via !== 'env') await rm(home, { recursive: true, force: true });
  };
}
