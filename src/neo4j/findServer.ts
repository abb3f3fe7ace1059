import path from 'node:path';
import type { Config } from '../config.ts';
import { DEFAULTS } from '../config.ts';
import { CareerGraphError } from '../errors.ts';
import { type Neo4jConnection, waitForBolt } from '../graph/driver.ts';
import { dockerAvailable, startDockerServer } from './docker.ts';
import { homeStatus, stopHome } from './home.ts';
import { findJava } from './java.ts';
import { generatePassword, startLocalServer } from './localServer.ts';
import { findMaven } from './maven.ts';
import { isPortInUse } from './ports.ts';
import { localUri, type ServerState, uriPointsAt } from './state.ts';

/** How a server was found: the caller's `NEO4J_URI`, a container, or jars resolved through Maven. */
export type Via = 'env' | 'docker' | 'maven';

/** A reachable Neo4j and how to let go of it. */
export interface Neo4jServer extends Neo4jConnection {
  via: Via;
  /** The managed home, absent for `env` (and for a test container). */
  home?: string;
  /** The server process when it runs from jars, for last-resort cleanup. */
  pid?: number;
  /** True when the home's instance was already up and this call started nothing. */
  alreadyRunning: boolean;
  /** Stops what this home runs (no-op for `env`); data and password stay for the next start. */
  stop(): Promise<void>;
}

/** Inputs of `findServer`; `home` and `port` default to the config's local instance. */
export interface FindServerOptions {
  config: Config;
  home?: string;
  port?: number;
  log?: (message: string) => void;
  /**
   * Replaces the `docker run` step; tests pass testcontainers here. Resolve undefined to fall through
   * to the Maven jars.
   */
  docker?: () => Promise<Neo4jServer | undefined>;
  /** Keep a jar-run server in the caller's process group instead of detaching it (tests). */
  detached?: boolean;
}

const ENV_CHECK_MS = 10_000;

function managed(state: ServerState, home: string, database: string, alreadyRunning: boolean): Neo4jServer {
  return {
    uri: localUri(state.port),
    user: DEFAULTS.neo4jUser,
    password: state.password,
    database,
    via: state.via,
    home,
    ...(state.pid === null ? {} : { pid: state.pid }),
    alreadyRunning,
    stop: async () => {
      await stopHome(home);
    },
  };
}

/**
 * Finds or starts a Neo4j server, first way that works: `NEO4J_URI` (connectivity checked) → the home's
 * instance if already running → Docker (`neo4j:5.26`) when an engine answers → Neo4j Community jars
 * through Maven run on Java 17. Throws NEO4J_NOT_FOUND naming all three ways when none is possible.
 */
export async function findServer(options: FindServerOptions): Promise<Neo4jServer> {
  const { config, log } = options;
  const home = path.resolve(options.home ?? config.local.home);
  const { database } = config.neo4j;
  const envUri = config.neo4j.uri;
  // A damaged state file must not block using NEO4J_URI; without NEO4J_URI its error is the answer.
  const status = await homeStatus(home).catch((error: unknown) => {
    if (envUri) return { home, state: undefined, running: false };
    throw error;
  });
  // A restarted home keeps its port unless told otherwise.
  const port = options.port ?? status.state?.port ?? config.local.port;

  // 1. The caller's server, unless NEO4J_URI is just this home's own address left by an earlier eval.
  if (envUri && !uriPointsAt(envUri, status.state)) {
    const conn = { uri: envUri, user: config.neo4j.user, password: config.neo4j.password ?? '', database };
    try {
      await waitForBolt(conn, ENV_CHECK_MS);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CareerGraphError(
        'NEO4J_UNAVAILABLE',
        `NEO4J_URI is set, but that server does not answer. ${reason}\n` +
          'Fix NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or unset NEO4J_URI to let careergraph run a local Neo4j.',
        { cause: error },
      );
    }
    return { ...conn, via: 'env', alreadyRunning: true, stop: async () => {} };
  }
  if (status.state && status.running) return managed(status.state, home, database, true);

  if (await isPortInUse(port)) {
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `Port ${port} on 127.0.0.1 is already in use by another process. Pick another port with ` +
        `--port (or CAREERGRAPH_NEO4J_PORT), or stop whatever listens on ${port}.`,
    );
  }
  const password = status.state?.password ?? generatePassword();
  const startTimeoutMs = config.local.startTimeoutSeconds * 1000;
  const { heap, pageCache } = config.local;

  // 2. Docker. A home first started from jars stays on jars, so one home never switches runtimes.
  if (options.docker) {
    const server = await options.docker();
    if (server) return server;
  } else if (status.state?.via !== 'maven' && (await dockerAvailable())) {
    const image = DEFAULTS.neo4jDockerImage;
    const state = await startDockerServer({
      home,
      port,
      password,
      image,
      heap,
      pageCache,
      startTimeoutMs,
      log,
    });
    return managed(state, home, database, false);
  }

  // 3. Neo4j Community jars resolved through Maven, run on Java 17.
  const [{ java, rejected }, mvn] = await Promise.all([findJava(), findMaven()]);
  if (java && mvn) {
    const state = await startLocalServer({
      home,
      port,
      cache: config.local.cache,
      version: config.local.version,
      heap,
      pageCache,
      startTimeoutMs,
      java,
      mvn,
      detached: options.detached ?? true,
      log,
    });
    return managed(state, home, database, false);
  }

  // 4. Nothing works: say what was looked at and the three ways out.
  const javaSeen = java
    ? `Java ${java.major} at ${java.path}`
    : `no Java 17–24${rejected.length ? ` (rejected: ${rejected.join(', ')})` : ''}`;
  throw new CareerGraphError(
    'NEO4J_NOT_FOUND',
    'No way to reach or run Neo4j was found. Do one of:\n' +
      '  1. set NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to use an existing server;\n' +
      `  2. install and start Docker (careergraph runs the ${DEFAULTS.neo4jDockerImage} image);\n` +
      `  3. install Java 17+ and Maven (careergraph runs Neo4j Community ${config.local.version} from Maven Central).\n` +
      `Found: ${options.docker ? 'no container runtime' : 'no Docker engine answering'}; ${javaSeen}; ` +
      `${mvn ? `Maven at ${mvn}` : 'no mvn on PATH'}.`,
  );
}
