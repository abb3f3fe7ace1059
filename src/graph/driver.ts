import neo4j, { type Driver, type Config as DriverConfig } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { CareerGraphError } from '../errors.ts';
import { localUri, readState } from '../neo4j/state.ts';

/** Everything needed to reach one Neo4j database. */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

const DEFAULT_DRIVER_CONFIG: DriverConfig = {
  userAgent: 'careergraph',
  // Ingest writes in a handful of parallel transactions and the API serves modest traffic.
  maxConnectionPoolSize: 50,
  connectionAcquisitionTimeout: 60_000,
  connectionTimeout: 15_000,
  maxTransactionRetryTime: 15_000,
};

/**
 * Creates a driver for any bolt://, neo4j://, bolt+s:// or neo4j+s:// URI (encryption follows the
 * scheme). The only place careergraph constructs drivers.
 */
export function createDriver(
  conn: Pick<Neo4jConnection, 'uri' | 'user' | 'password'>,
  overrides: DriverConfig = {},
): Driver {
  try {
    return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      ...DEFAULT_DRIVER_CONFIG,
      ...overrides,
    });
  } catch (error) {
    throw new CareerGraphError('BAD_CONFIG', `Invalid Neo4j URI "${conn.uri}": ${message(error)}`, {
      cause: error,
    });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Driver error codes that mean "the database cannot be reached now", not "it refused this write". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/**
 * True when `error` (a driver error, after the driver's own retries) says Neo4j is unreachable or
 * going away: a stopped server, a refused or broken connection, a database shutting down. Retrying
 * another write then only waits out the same outage again.
 */
export function isNeo4jUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  return error instanceof CareerGraphError && error.code === 'NEO4J_UNAVAILABLE';
}

function isAuthError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Security.');
}

/**
 * Polls until the server accepts Bolt and the credentials (driver `verifyConnectivity`), at most
 * `timeoutMs`. Fails at once on rejected credentials (retrying would trip the server's rate limit),
 * and as soon as `options.isStarting` says the server process is gone.
 */
export async function waitForBolt(
  conn: Neo4jConnection,
  timeoutMs: number,
  options: { intervalMs?: number; isStarting?: () => boolean | Promise<boolean> } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const driver = createDriver(conn, { connectionTimeout: 5_000, maxConnectionPoolSize: 1 });
  let lastError: unknown;
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity({ database: conn.database });
        return;
      } catch (error) {
        lastError = error;
        if (isAuthError(error)) {
          throw new CareerGraphError(
            'NEO4J_UNAVAILABLE',
            `Neo4j at ${conn.uri} rejected the credentials of user "${conn.user}": ${message(error)}`,
            { cause: error },
          );
        }
      }
      if (options.isStarting && !(await options.isStarting())) {
        throw new CareerGraphError(
          'NEO4J_UNAVAILABLE',
          `The Neo4j server for ${conn.uri} exited while starting.`,
          {
            cause: lastError,
          },
        );
      }
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
    }
  } finally {
    await driver.close();
  }
  const within = timeoutMs > 0 ? ` within ${Math.round(timeoutMs / 1000)} s` : '';
  throw new CareerGraphError(
    'NEO4J_UNAVAILABLE',
    `Neo4j at ${conn.uri} did not accept a Bolt connection${within}: ${message(lastError)}`,
    { cause: lastError },
  );
}

/**
 * The connection careergraph commands use: `NEO4J_URI` & co. when set, else the instance
 * `careergraph db start` recorded in `home` (default: the config's), so no `eval` is needed.
 * Throws NEO4J_NOT_FOUND when neither exists.
 */
export async function resolveConnection(config: Config, home = config.local.home): Promise<Neo4jConnection> {
  const { uri, user, password, database } = config.neo4j;
  if (uri) return { uri, user, password: password ?? '', database };
  const state = await readState(home);
  if (state) return { uri: localUri(state.port), user: 'neo4j', password: state.password, database };
  throw new CareerGraphError(
    'NEO4J_NOT_FOUND',
    'No Neo4j server configured. Run `careergraph db start` to start a local one, or set NEO4J_URI ' +
      '(with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to use an existing server.',
  );
}

/**
 * Resolves the connection (see `resolveConnection`), creates a driver and checks the server answers.
 * The caller closes the driver.
 */
export async function connectFromEnv(
  config: Config,
  home = config.local.home,
): Promise<{ driver: Driver; connection: Neo4jConnection }> {
  const connection = await resolveConnection(config, home);
  const driver = createDriver(connection);
  try {
    await driver.verifyConnectivity({ database: connection.database });
  } catch (error) {
    await driver.close();
    const hint = config.neo4j.uri
      ? 'Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.'
      : `Is the local instance in ${home} running? Start it with \`careergraph db start\`.`;
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `Cannot reach Neo4j at ${connection.uri}: ${message(error)}\n${hint}`,
      {
        cause: error,
      },
    );
  }
  return { driver, connection };
}
