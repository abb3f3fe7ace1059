import { pino } from 'pino';
import { createCareerGraph } from '../api/createCareerGraph.ts';
import { neo4jIsUp } from '../api/healthCheck.ts';
import { createHttpServer } from '../api/httpServer.ts';
import type { Config } from '../config.ts';
import { createDriver, type Neo4jConnection } from '../graph/driver.ts';

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

// The API answers while Neo4j is away: requests fail within seconds with SERVICE_UNAVAILABLE instead
// of waiting out the driver's default retry time, and recover by themselves when it is back.
const API_DRIVER = {
  maxTransactionRetryTime: 5_000,
  connectionAcquisitionTimeout: 10_000,
  connectionTimeout: 5_000,
};

/**
 * Serves the GraphQL API over HTTP until SIGTERM or SIGINT, then drains requests in flight and closes
 * the driver. `onListening` gets the URL (for `start` to print its examples).
 */
export async function runApi(options: {
  config: Config;
  connection: Neo4jConnection;
  port: number;
  host: string;
  onListening?: (url: string) => void;
}): Promise<void> {
  const { config, connection } = options;
  const logger = pino({
    name: 'careergraph',
    level: config.api.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  const driver = createDriver(connection, API_DRIVER);
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
    const running = await server.start(options.port, options.host);
    logger.info({ url: running.url, neo4j: connection.uri, production: config.api.production }, 'listening');
    process.stderr.write(
      `careergraph explorer at ${new URL('/', running.url).href} · GraphQL at ${running.url}\n`,
    );
    options.onListening?.(running.url);
    const received = await signal;
    logger.info({ signal: received }, 'shutting down: draining requests');
    await running.close();
    await careerGraph.close();
    logger.info('stopped');
  } finally {
    await driver.close();
  }
}
