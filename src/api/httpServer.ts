import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { ApiContext } from './context.ts';
import type { CareerGraph } from './createCareerGraph.ts';
import { formatError } from './errors.ts';
import { healthCheck, readyCheck } from './healthCheck.ts';
import { httpErrorHandler, notFound } from './httpErrorHandler.ts';
import { queryLimits } from './queryLimits.ts';
import { requestLogger, requestLogging, withRequestLogger } from './requestLog.ts';
import { serveWebApp } from './webApp.ts';

/** How the HTTP server behaves; `serve` fills it from config.api. */
export interface HttpServerOptions {
  /** Hides field suggestions; introspection and the landing page follow `introspection`. */
  production: boolean;
  /** In production, keep introspection and the landing page on anyway (always on outside production). */
  introspection: boolean;
  /** Largest JSON body accepted, as `express.json` reads it (`1mb`, `100kb`); larger gets HTTP 413. */
  bodyLimit: string;
  logger: Logger;
  /** Folder of the built web explorer served at `/` (default: the package's dist/web). */
  webRoot?: string;
}

/** A listening server. */
export interface RunningHttpServer {
  /** `http://host:port/graphql`, with the port actually bound (useful with port 0). */
  url: string;
  /** Stops accepting requests, lets those in flight finish (10 s at most), then closes the port. */
  close(): Promise<void>;
}

/** The Express app (for tests or extra routes) and a way to start listening, once. */
export interface CareerGraphHttpServer {
  app: express.Express;
  start(port: number, host?: string): Promise<RunningHttpServer>;
}

/** UNAUTHENTICATED from the context (a read without the required key) answers HTTP 401. */
function withUnauthorizedStatus(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.extensions.code !== 'UNAUTHENTICATED') return error;
  return new GraphQLError(error.message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
    },
  });
}

/**
 * careergraph over HTTP: Apollo Server at `/graphql` with query limits, masked errors and JSON logs
 * carrying a request id; `/healthz` and `/readyz` for probes; the web explorer at `/`. The driver belongs to
 * the caller (`careerGraph.close()`).
 */
export async function createHttpServer(
  careerGraph: CareerGraph,
  options: HttpServerOptions,
): Promise<CareerGraphHttpServer> {
  const { logger, production } = options;
  const introspection = options.introspection || !production;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const limits = queryLimits();

  const apollo = new ApolloServer<ApiContext>({
    schema: careerGraph.schema,
    introspection,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // serve handles SIGTERM/SIGINT itself: drain, then close the driver, in that order.
    stopOnTerminationSignals: false,
    logger,
    formatError: (formatted, error) =>
      formatError(
        formatted,
        error,
        (original) =>
          requestLogger(logger).error({ err: original, path: formatted.path }, 'unexpected error'),
        // A cancelled slow query is expected under load; at warn, so alerts on errors mean bugs.
        (original) => requestLogger(logger).warn({ err: original, path: formatted.path }, 'query timed out'),
      ),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      !introspection
        ? ApolloServerPluginLandingPageDisabled()
        : production
          ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
          : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  await apollo.start();

  app.use(requestLogging(logger));
  app.get('/healthz', healthCheck(careerGraph.driver, careerGraph.database, logger));
  app.get('/readyz', readyCheck(careerGraph.driver, careerGraph.database, logger));
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit }),
    withRequestLogger(logger),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return careerGraph.createContext({ headers: req.headers });
        } catch (error) {
          throw withUnauthorizedStatus(error);
        }
      },
    }),
  );
  serveWebApp(app, options.webRoot);
  app.use(notFound());
  app.use(httpErrorHandler(logger, options.bodyLimit));

  let started = false;
  return {
    app,
    async start(port, host = '127.0.0.1') {
      if (started) throw new Error('createHttpServer: start() may be called once.');
      started = true;
      try {
        await new Promise<void>((resolve, reject) => {
          httpServer.once('error', reject);
          httpServer.listen(port, host, () => {
            httpServer.off('error', reject);
            resolve();
          });
        });
      } catch (error) {
        await apollo.stop();
        throw error;
      }
      const address = httpServer.address() as AddressInfo;
      const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return {
        url: `http://${hostInUrl}:${address.port}/graphql`,
        close: () => apollo.stop(),
      };
    },
  };
}
