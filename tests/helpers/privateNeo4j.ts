import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { createDriver, type Neo4jConnection } from '../../src/graph/driver.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { findJava } from '../../src/neo4j/java.ts';
import { isLocalServerRunning, startLocalServer, stopLocalServer } from '../../src/neo4j/localServer.ts';
import { findMaven } from '../../src/neo4j/maven.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';
import { localUri, readState } from '../../src/neo4j/state.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A Neo4j of one test file alone, run from the jars with the project's own code (src/neo4j), so the
 * test may stop, restart or wipe it without touching the shared instance of tests/setup. Its home is
 * under .careergraph/test/<name>-<random>; the jar cache (.careergraph/cache) is shared.
 */
export interface PrivateNeo4j {
  connection: Neo4jConnection;
  home: string;
  port: number;
  /** The server's pid while it runs. */
  pid(): number | undefined;
  /** Whether the server process is alive. */
  running(): Promise<boolean>;
  /** Stops the server (SIGTERM, SIGKILL after `graceMs`); data and password stay. Returns the seconds it took. */
  stop(graceMs?: number): Promise<number>;
  /** Starts the server again on the same home and port and waits for Bolt. Returns the seconds it took. */
  start(): Promise<number>;
  /** Empties the graph (the schema stays). */
  wipe(): Promise<void>;
  /** Stops the server if it runs and deletes the home. Safe to call twice. */
  dispose(): Promise<void>;
}

const log = (name: string) => (message: string) => process.stderr.write(`[${name} neo4j] ${message}\n`);

/** Starts a private Neo4j on a free port and applies the schema. Always `dispose()` it (afterAll). */
export async function startPrivateNeo4j(name: string): Promise<PrivateNeo4j> {
  // Not loadConfig's NEO4J_URI (the global setup points it at the shared instance): only local settings.
  const config = loadConfig({ ...process.env, NEO4J_URI: undefined }, repoRoot);
  const home = path.join(repoRoot, '.careergraph', 'test', `${name}-${randomBytes(4).toString('hex')}`);
  const port = await findFreePort();
  const [{ java }, mvn] = await Promise.all([findJava(), findMaven()]);
  if (!java || !mvn) throw new Error('a private Neo4j needs Java 17+ and Maven');
  let pid: number | undefined;
  const killOnExit = (): void => {
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);

  const start = async (): Promise<number> => {
    const started = performance.now();
    const state = await startLocalServer({
      home,
      port,
      cache: config.local.cache,
      version: config.local.version,
      heap: process.env.CAREERGRAPH_TEST_NEO4J_HEAP ?? '512m',
      pageCache: '128m',
      startTimeoutMs: 240_000,
      java,
      mvn,
      detached: false,
      log: log(name),
    });
    pid = state.pid ?? undefined;
    return (performance.now() - started) / 1000;
  };
  const stop = async (graceMs = 60_000): Promise<number> => {
    const started = performance.now();
    const state = await readState(home);
    if (state) await stopLocalServer(home, state, graceMs);
    pid = undefined;
    return (performance.now() - started) / 1000;
  };

  const seconds = await start();
  log(name)(`ready on port ${port} in ${seconds.toFixed(1)} s`);
  const connection: Neo4jConnection = {
    uri: localUri(port),
    user: 'neo4j',
    password: (await readState(home))?.password ?? '',
    database: 'neo4j',
  };
  const driver = createDriver(connection);
  try {
    await applySchema(driver, connection.database);
  } finally {
    await driver.close();
  }

  let disposed = false;
  return {
    connection,
    home,
    port,
    pid: () => pid,
    running: async () => {
      const state = await readState(home);
      return state ? isLocalServerRunning(home, state) : false;
    },
    stop,
    start,
    async wipe() {
      const d = createDriver(connection);
      try {
        await d.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: connection.database });
      } finally {
        await d.close();
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await stop(30_000);
      } finally {
        process.off('exit', killOnExit);
        await rm(home, { recursive: true, force: true });
      }
    },
  };
}
