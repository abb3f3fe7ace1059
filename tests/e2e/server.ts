import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import type { ApiContext } from '../../src/api/context.ts';
import {
  type CareerGraph,
  type CareerGraphOptions,
  createCareerGraph,
} from '../../src/api/createCareerGraph.ts';
import { createHttpServer } from '../../src/api/httpServer.ts';
import { testDriver } from '../helpers/neo4j.ts';

/** The key the test servers expect for mutations. */
export const TEST_API_KEY = 'test-key';

export interface GqlResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; [key: string]: unknown }[];
  };
}

export interface TestServer {
  /** `http://127.0.0.1:<port>/graphql` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  careerGraph: CareerGraph;
  /** Every context the server built, to see what a request ran (`graph.queries`). */
  contexts: ApiContext[];
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** POSTs one operation as JSON over real HTTP. */
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  production?: boolean;
  introspection?: boolean;
  bodyLimit?: string;
  /** Extra createCareerGraph options (apiKey is TEST_API_KEY unless given). */
  careerGraph?: Partial<CareerGraphOptions>;
  /** A driver other than the test Neo4j's (closed by `close`). */
  driver?: Driver;
  /** Changes the schema served, e.g. to add a resolver that fails on purpose. */
  schema?: (schema: GraphQLSchema) => GraphQLSchema;
}

/** Starts careergraph's HTTP server on a free port of 127.0.0.1, against the test Neo4j. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const driver = options.driver ?? testDriver();
  const base = createCareerGraph({ driver, apiKey: TEST_API_KEY, ...options.careerGraph });
  const contexts: ApiContext[] = [];
  const careerGraph: CareerGraph = {
    ...base,
    schema: options.schema ? options.schema(base.schema) : base.schema,
    createContext(request) {
      const context = base.createContext(request);
      contexts.push(context);
      return context;
    },
  };
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const server = await createHttpServer(careerGraph, {
    production: options.production ?? false,
    introspection: options.introspection ?? false,
    bodyLimit: options.bodyLimit ?? '1mb',
    logger,
  });
  const running = await server.start(0, '127.0.0.1');
  return {
    url: running.url,
    origin: new URL(running.url).origin,
    careerGraph,
    contexts,
    logs,
    async gql(query, variables, headers = {}) {
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
    },
    async close() {
      await running.close();
      await careerGraph.close();
      await driver.close();
    },
  };
}

/** The `extensions.code` of each error of a response. */
export function codes(response: GqlResponse): unknown[] {
  return (response.body.errors ?? []).map((e) => e.extensions?.code);
}
