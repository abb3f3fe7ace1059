import path from 'node:path';
import { z } from 'zod';
import { CareerGraphError } from './errors.ts';

/** Named defaults, in one place. */
export const DEFAULTS = {
  neo4jUser: 'neo4j',
  neo4jDatabase: 'neo4j',
  /** The home of the Neo4j instance `careergraph db start` manages, relative to the working directory. */
  neo4jHome: '.careergraph/neo4j',
  /** Where resolved Neo4j jars are cached, shared by every home. */
  neo4jCache: '.careergraph/cache',
  neo4jPort: 7687,
  neo4jVersion: '5.26.30',
  neo4jDockerImage: 'neo4j:5.26',
  neo4jHeap: '1g',
  neo4jPageCache: '256m',
  /** Seconds to wait for a started server to accept Bolt. */
  neo4jStartTimeoutSeconds: 120,
  /** Résumés written per write transaction. */
  ingestBatchSize: 50,
  /** Files read and parsed at once. */
  ingestConcurrency: 4,
  /** Largest résumé file read, in bytes. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Most lines a résumé's text may have (a résumé has a few hundred). */
  maxLines: 20_000,
  /** Most pages a PDF résumé may have. */
  maxPdfPages: 20,
  /** Most bytes a DOCX may expand to (decompression-bomb guard). */
  maxDocxBytes: 50 * 1024 * 1024,
  transactionTimeoutMs: 30_000,
  /** Read transactions of the API: a query that runs longer is cancelled. */
  queryTimeoutMs: 10_000,
  bodyLimit: '1mb',
  port: 4000,
  /** Host `serve` binds: only this machine unless asked (`--host 0.0.0.0` in a container). */
  host: '127.0.0.1',
  logLevel: 'info',
} as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive integer, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  NEO4J_URI: optionalString,
  NEO4J_USER: optionalString,
  NEO4J_USERNAME: optionalString,
  NEO4J_PASSWORD: optionalString,
  NEO4J_DATABASE: optionalString,
  CAREERGRAPH_HOME: optionalString,
  CAREERGRAPH_CACHE: optionalString,
  CAREERGRAPH_NEO4J_PORT: positiveInt(DEFAULTS.neo4jPort),
  CAREERGRAPH_NEO4J_VERSION: optionalString,
  CAREERGRAPH_NEO4J_HEAP: optionalString,
  CAREERGRAPH_NEO4J_PAGECACHE: optionalString,
  CAREERGRAPH_NEO4J_START_TIMEOUT: positiveInt(DEFAULTS.neo4jStartTimeoutSeconds),
  CAREERGRAPH_DATA: optionalString,
  CAREERGRAPH_BATCH_SIZE: positiveInt(DEFAULTS.ingestBatchSize),
  CAREERGRAPH_CONCURRENCY: positiveInt(DEFAULTS.ingestConcurrency),
  CAREERGRAPH_MAX_FILE_BYTES: positiveInt(DEFAULTS.maxFileBytes),
  CAREERGRAPH_MAX_LINES: positiveInt(DEFAULTS.maxLines),
  CAREERGRAPH_MAX_PDF_PAGES: positiveInt(DEFAULTS.maxPdfPages),
  CAREERGRAPH_MAX_DOCX_BYTES: positiveInt(DEFAULTS.maxDocxBytes),
  CAREERGRAPH_TX_TIMEOUT_MS: positiveInt(DEFAULTS.transactionTimeoutMs),
  PORT: positiveInt(DEFAULTS.port),
  NODE_ENV: optionalString,
  CAREERGRAPH_API_KEY: optionalString,
  CAREERGRAPH_REQUIRE_KEY_FOR_READS: optionalString,
  CAREERGRAPH_INTROSPECTION: optionalString,
  CAREERGRAPH_BODY_LIMIT: optionalString,
  CAREERGRAPH_QUERY_TIMEOUT_MS: positiveInt(DEFAULTS.queryTimeoutMs),
  CAREERGRAPH_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .transform((v) => v ?? DEFAULTS.logLevel),
});

/** Connection settings for a Neo4j server; `uri` absent means "find or start one". */
export interface Neo4jConnectionConfig {
  uri: string | undefined;
  user: string;
  password: string | undefined;
  database: string;
}

export interface Config {
  neo4j: Neo4jConnectionConfig;
  /** The local instance `db start` manages when no URI is given. */
  local: {
    home: string;
    cache: string;
    port: number;
    version: string;
    heap: string;
    pageCache: string;
    /** Seconds `db start` waits for the server to accept Bolt. */
    startTimeoutSeconds: number;
  };
  ingest: {
    batchSize: number;
    concurrency: number;
    maxFileBytes: number;
    /** The readers' limits (`ReadLimits` of readInputs): lines of text, PDF pages, DOCX expanded bytes. */
    readLimits: {
      maxLines: number;
      pdf: { maxPages: number };
      docx: { maxUncompressedBytes: number };
    };
    /** Extra alias files (companies, technologies) that extend the built-in data. */
    dataFiles: string[];
  };
  transactionTimeoutMs: number;
  port: number;
  api: {
    /** Mutations need this key (header x-api-key or Authorization: Bearer); absent: mutations refused. */
    apiKey: string | undefined;
    /** Reads need the key too. */
    requireKeyForReads: boolean;
    /** Introspection and the landing page; off by default when NODE_ENV=production. */
    introspection: boolean;
    production: boolean;
    bodyLimit: string;
    queryTimeoutMs: number;
    /** pino level of the server's JSON logs. */
    logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  };
}

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : /^(?:1|true|yes|on)$/i.test(value);

/** Reads the one typed config from the environment; every problem is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new CareerGraphError('BAD_CONFIG', `Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER ?? e.NEO4J_USERNAME ?? DEFAULTS.neo4jUser,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE ?? DEFAULTS.neo4jDatabase,
    },
    local: {
      home: path.resolve(cwd, e.CAREERGRAPH_HOME ?? DEFAULTS.neo4jHome),
      cache: path.resolve(cwd, e.CAREERGRAPH_CACHE ?? DEFAULTS.neo4jCache),
      port: e.CAREERGRAPH_NEO4J_PORT,
      version: e.CAREERGRAPH_NEO4J_VERSION ?? DEFAULTS.neo4jVersion,
      heap: e.CAREERGRAPH_NEO4J_HEAP ?? DEFAULTS.neo4jHeap,
      pageCache: e.CAREERGRAPH_NEO4J_PAGECACHE ?? DEFAULTS.neo4jPageCache,
      startTimeoutSeconds: e.CAREERGRAPH_NEO4J_START_TIMEOUT,
    },
    ingest: {
      batchSize: e.CAREERGRAPH_BATCH_SIZE,
      concurrency: e.CAREERGRAPH_CONCURRENCY,
      maxFileBytes: e.CAREERGRAPH_MAX_FILE_BYTES,
      readLimits: {
        maxLines: e.CAREERGRAPH_MAX_LINES,
        pdf: { maxPages: e.CAREERGRAPH_MAX_PDF_PAGES },
        docx: { maxUncompressedBytes: e.CAREERGRAPH_MAX_DOCX_BYTES },
      },
      dataFiles: (e.CAREERGRAPH_DATA ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((f) => path.resolve(cwd, f)),
    },
    transactionTimeoutMs: e.CAREERGRAPH_TX_TIMEOUT_MS,
    port: e.PORT,
    api: {
      apiKey: e.CAREERGRAPH_API_KEY,
      requireKeyForReads: flag(e.CAREERGRAPH_REQUIRE_KEY_FOR_READS, false),
      introspection: flag(e.CAREERGRAPH_INTROSPECTION, e.NODE_ENV !== 'production'),
      production: e.NODE_ENV === 'production',
      bodyLimit: e.CAREERGRAPH_BODY_LIMIT ?? DEFAULTS.bodyLimit,
      queryTimeoutMs: e.CAREERGRAPH_QUERY_TIMEOUT_MS,
      logLevel: e.CAREERGRAPH_LOG_LEVEL,
    },
  };
}
