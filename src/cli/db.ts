import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.ts';
import { CareerGraphError } from '../errors.ts';
import { connectFromEnv, createDriver, type Neo4jConnection, waitForBolt } from '../graph/driver.ts';
import { applySchema } from '../graph/schema.ts';
import { findServer } from '../neo4j/findServer.ts';
import { homeStatus, stopHome } from '../neo4j/home.ts';
import { localUri, uriPointsAt } from '../neo4j/state.ts';

/** `status` exits with this when nothing answers, so scripts can tell "down" from "broken" (1). */
const EXIT_NOT_RUNNING = 3;

// stdout carries only the connection (for eval); everything a human reads goes to stderr.
const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InvalidArgumentError('must be a port number between 1 and 65535.');
  }
  return port;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function envLines(conn: Neo4jConnection): string {
  const vars = {
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  };
  return Object.entries(vars)
    .map(([key, value]) => `${key}=${shellQuote(value)}\n`)
    .join('');
}

async function withSchema(conn: Neo4jConnection): Promise<void> {
  const driver = createDriver(conn);
  try {
    await applySchema(driver, conn.database);
  } finally {
    await driver.close();
  }
}

const homeOption = (command: Command): Command =>
  command.option('--home <dir>', 'the instance home (default: .careergraph/neo4j or CAREERGRAPH_HOME)');

function resolveHome(option: string | undefined, fallback: string): string {
  return path.resolve(option ?? fallback);
}

function startCommand(): Command {
  return homeOption(
    new Command('start')
      .description(
        'Find or start Neo4j and print its connection as NEO4J_* lines: eval "$(careergraph db start)"',
      )
      .option(
        '--port <n>',
        'Bolt port of the local instance (default: 7687 or CAREERGRAPH_NEO4J_PORT)',
        parsePort,
      ),
  ).action(async (options: { port?: number; home?: string }) => {
    const config = loadConfig();
    const server = await findServer({ config, home: options.home, port: options.port, log });
    if (server.via === 'env') log(`Using the server NEO4J_URI names (${server.uri}).`);
    else if (server.alreadyRunning) {
      log(`Neo4j in ${server.home} is already running (${server.via}).`);
      if (options.port && !server.uri.endsWith(`:${options.port}`)) {
        log(`It listens on ${server.uri}, not port ${options.port}; stop it first to move it.`);
      }
    }
    await withSchema(server);
    process.stdout.write(envLines(server));
    if (server.via !== 'env') {
      const home = options.home ? ` --home ${shellQuote(server.home ?? '')}` : '';
      log(`Neo4j is ready at ${server.uri} (${server.via}). Stop it with: careergraph db stop${home}`);
    }
  });
}

function stopCommand(): Command {
  return homeOption(new Command('stop').description('Stop the local instance; its data stays.')).action(
    async (options: { home?: string }) => {
      const config = loadConfig();
      const home = resolveHome(options.home, config.local.home);
      const { state } = await homeStatus(home);
      if (!state) {
        const external = config.neo4j.uri
          ? ` NEO4J_URI (${config.neo4j.uri}) is not managed by careergraph.`
          : '';
        log(`No careergraph instance in ${home}; nothing to stop.${external}`);
        return;
      }
      log((await stopHome(home)) ? `Stopped Neo4j in ${home}.` : `Neo4j in ${home} was not running.`);
    },
  );
}

function statusCommand(): Command {
  return homeOption(
    new Command('status').description(
      `Say whether Neo4j runs and how; exit 0 if it does, ${EXIT_NOT_RUNNING} if not.`,
    ),
  ).action(async (options: { home?: string }) => {
    const config = loadConfig();
    const home = resolveHome(options.home, config.local.home);
    const status = await homeStatus(home);
    const { uri, user, password, database } = config.neo4j;
    if (uri && !uriPointsAt(uri, status.state)) {
      try {
        await waitForBolt({ uri, user, password: password ?? '', database }, 0);
        console.log(`running: ${uri} (external server from NEO4J_URI)`);
      } catch (error) {
        console.log(`not reachable: ${uri} (NEO4J_URI): ${error instanceof Error ? error.message : error}`);
        process.exitCode = EXIT_NOT_RUNNING;
      }
      return;
    }
    const { state } = status;
    if (state && status.running) {
      const how = state.via === 'docker' ? `docker container ${state.container}` : `jars, pid ${state.pid}`;
      console.log(
        `running: ${localUri(state.port)} (${how}; Neo4j ${state.version}; since ${state.startedAt})`,
      );
      console.log(`home: ${home}`);
      return;
    }
    console.log(
      state
        ? `not running (home ${home}, last on port ${state.port})`
        : `not running (no instance in ${home})`,
    );
    process.exitCode = EXIT_NOT_RUNNING;
  });
}

function resetCommand(): Command {
  return homeOption(
    new Command('reset')
      .description('Delete every node and relationship, then re-apply the schema.')
      .option('--yes', 'confirm deleting the whole graph'),
  ).action(async (options: { home?: string; yes?: boolean }) => {
    if (!options.yes) {
      throw new CareerGraphError(
        'BAD_USER_INPUT',
        '`db reset` deletes the whole graph; run it with --yes to confirm.',
      );
    }
    const config = loadConfig();
    const { driver, connection } = await connectFromEnv(config, resolveHome(options.home, config.local.home));
    try {
      const session = driver.session({ database: connection.database });
      try {
        const counted = await session.run('MATCH (n) RETURN count(n) AS nodes');
        const nodes = counted.records[0]?.get('nodes')?.toString() ?? '0';
        // CALL … IN TRANSACTIONS only runs in an auto-commit (implicit) transaction, hence session.run.
        await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
        log(`Deleted ${nodes} nodes from ${connection.uri} (database ${connection.database}).`);
      } finally {
        await session.close();
      }
      await applySchema(driver, connection.database);
      log('Schema re-applied.');
    } finally {
      await driver.close();
    }
  });
}

/** `careergraph db start|stop|status|reset`: manage the Neo4j server careergraph uses. */
export function dbCommand(): Command {
  return new Command('db')
    .description('Start, stop, inspect or empty the Neo4j server careergraph uses.')
    .addCommand(startCommand())
    .addCommand(stopCommand())
    .addCommand(statusCommand())
    .addCommand(resetCommand());
}
