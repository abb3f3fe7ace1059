import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { type Config, loadConfig } from '../config.ts';
import { createDriver } from '../graph/driver.ts';
import { createGraphReader } from '../graph/graphReader.ts';
import { createLexicon, type Lexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import {
  type ApiContext,
  currentMonthOrdinal,
  keyMatches,
  type RequestHeaders,
  requestKey,
} from './context.ts';
import { unauthenticated } from './errors.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** The GraphQL contract, read once: `schema.graphql` at the package root. */
export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.graphql');

export interface CareerGraphOptions {
  /** An existing driver (the caller closes it); else one is made from `neo4jUri` or the environment. */
  driver?: Driver;
  neo4jUri?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  database?: string;
  /** Mutations need this key; default CAREERGRAPH_API_KEY. Without one, mutations are refused. */
  apiKey?: string;
  requireKeyForReads?: boolean;
  queryTimeoutMs?: number;
  lexicon?: Lexicon;
  config?: Config;
}

/** An embeddable careergraph: the executable schema and the per-request context factory. */
export interface CareerGraph {
  schema: GraphQLSchema;
  typeDefs: string;
  driver: Driver;
  database: string | undefined;
  lexicon: Lexicon;
  /** Builds the context of one request (fresh loaders: nothing is shared between requests). */
  createContext(request?: { headers?: RequestHeaders }): ApiContext;
  /** Closes the driver if careergraph made it. */
  close(): Promise<void>;
}

/**
 * Creates careergraph for embedding in any GraphQL server: `{ schema, createContext }`. Holds no
 * state between requests, so any number of instances can serve behind a load balancer.
 */
export function createCareerGraph(options: CareerGraphOptions = {}): CareerGraph {
  const config = options.config ?? loadConfig();
  const ownsDriver = !options.driver;
  const uri = options.neo4jUri ?? config.neo4j.uri;
  if (!options.driver && !uri) {
    throw new Error('createCareerGraph needs a driver or a Neo4j URI (option neo4jUri or NEO4J_URI).');
  }
  const driver =
    options.driver ??
    createDriver({
      uri: uri as string,
      user: options.neo4jUser ?? config.neo4j.user,
      password: options.neo4jPassword ?? config.neo4j.password ?? '',
    });
  const database = options.database ?? config.neo4j.database;
  const lexicon = options.lexicon ?? createLexicon(loadReferenceData(config.ingest.dataFiles));
  const apiKey = options.apiKey ?? config.api.apiKey;
  const requireKeyForReads = options.requireKeyForReads ?? config.api.requireKeyForReads;
  const timeoutMs = options.queryTimeoutMs ?? config.api.queryTimeoutMs;
  const typeDefs = readFileSync(SCHEMA_FILE, 'utf8');
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  return {
    schema,
    typeDefs,
    driver,
    database,
    lexicon,
    createContext(request = {}) {
      const hasKey = keyMatches(requestKey(request.headers ?? {}), apiKey);
      if (requireKeyForReads && !hasKey)
        throw unauthenticated('This API needs the API key for every request.');
      const graph = createGraphReader(driver, { database, timeoutMs });
      return {
        graph,
        loaders: createLoaders(graph),
        lexicon,
        driver,
        database,
        hasKey,
        nowOrd: currentMonthOrdinal(),
        maxLines: config.ingest.readLimits.maxLines,
      };
    },
    async close() {
      if (ownsDriver) await driver.close();
    },
  };
}
