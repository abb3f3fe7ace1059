import { Command, InvalidArgumentError } from 'commander';
import { pino } from 'pino';
import { createCareerGraph } from '../api/createCareerGraph.ts';
import { neo4jIsUp } from '../api/healthCheck.ts';
import { createHttpServer } from '../api/httpServer.ts';
import { DEFAULTS, loadConfig } from '../config.ts';
import { createDriver, resolveConnection } from '../graph/driver.ts';

function parsePort(value: string): number {
  const port = Number(value);
  // 0 asks the system for a free port (the URL printed says which).
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('must be a port number between 0 and 65535.');
  }
  return port;
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once. */
function terminationSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.once(signal, () => process.exit(1));
      resolve(signal);
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

/** `careergraph serve [--port N] [--host H]`: the GraphQL API over HTTP, until SIGTERM or SIGINT. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the GraphQL API over HTTP (/graphql, /healthz) until stopped')
    .option('--port <n>', 'port to listen on (default: PORT or 4000)', parsePort)
    .option('--host <host>', 'address to bind; 0.0.0.0 for every interface', DEFAULTS.host)
    .action(async (opts: { port?: number; host: string }) => {
      const config = loadConfig();
      const logger = pino({
        name: 'careergraph',
        level: config.api.logLevel,
        timestamp: pino.stdTimeFunctions.isoTime,
      });
      const connection = await resolveConnection(config);
      const driver = createDriver(connection);
      try {
        // Serve even when Neo4j is down: /healthz says so, and the API recovers when it is back.
        if (!(await neo4jIsUp(driver, connection.database, 5_000, logger))) {
          logger.warn({ uri: connection.uri }, 'Neo4j does not answer yet; serving anyway');
        }
        const careerGraph = createCareerGraph({ driver, database: connection.database, config });
        const server = await createHttpServer(careerGraph, {
          production: config.api.production,
          introspection: config.api.introspection,
          bodyLimit: config.api.bodyLimit,
          logger,
        });
        const signal = terminationSignal();
        const running = await server.start(opts.port ?? config.port, opts.host);
        logger.info(
          { url: running.url, neo4j: connection.uri, production: config.api.production },
          'listening',
        );
        process.stderr.write(`careergraph GraphQL at ${running.url}\n`);
        const received = await signal;
        logger.info({ signal: received }, 'shutting down: draining requests');
        await running.close();
        await careerGraph.close();
        logger.info('stopped');
      } finally {
        await driver.close();
      }
    });
}
