import type { Request, RequestHandler, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { cypher, statements } from '../graph/cypherFiles.ts';
import { loggerOf } from './requestLog.ts';

/** How long `/healthz` waits for Neo4j before answering 503. */
export const HEALTH_TIMEOUT_MS = 2_000;

/** True when Neo4j answers `verifyConnectivity` within `timeoutMs`; never throws. */
export async function neo4jIsUp(
  driver: Driver,
  database: string | undefined,
  timeoutMs = HEALTH_TIMEOUT_MS,
  log?: Logger,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const check = driver.verifyConnectivity(database ? { database } : {}).then(
    () => true,
    (error: unknown) => {
      log?.warn({ err: error }, 'neo4j health check failed');
      return false;
    },
  );
  try {
    return await Promise.race([check, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz`: 200 `{"status":"ok","neo4j":"up"}` when Neo4j answers within HEALTH_TIMEOUT_MS,
 * else 503 `{"status":"unavailable","neo4j":"down"}`, for load balancers and orchestrators.
 */
export function healthCheck(driver: Driver, database: string | undefined, logger: Logger): RequestHandler {
  return async (_req: Request, res: Response) => {
    const up = await neo4jIsUp(driver, database, HEALTH_TIMEOUT_MS, loggerOf(res, logger));
    res.setHeader('cache-control', 'no-store');
    res
      .status(up ? 200 : 503)
      .json(up ? { status: 'ok', neo4j: 'up' } : { status: 'unavailable', neo4j: 'down' });
  };
}

/** The constraints and indexes cypher/schema.cypher creates, by name. */
export function expectedSchemaNames(): { constraints: string[]; indexes: string[] } {
  const constraints: string[] = [];
  const indexes: string[] = [];
  for (const statement of statements(cypher('schema'))) {
    const m = /^CREATE\s+(CONSTRAINT|(?:FULLTEXT\s+)?INDEX)\s+(\w+)/i.exec(statement.trim());
    if (!m?.[1] || !m[2]) continue;
    (/CONSTRAINT/i.test(m[1]) ? constraints : indexes).push(m[2]);
  }
  return { constraints, indexes };
}

export type Readiness = { ready: true } | { ready: false; neo4j: 'up' | 'down'; reason: string };

/**
 * Ready when Neo4j answers within `timeoutMs` and every constraint and index of cypher/schema.cypher
 * exists (indexes online); never throws.
 */
export async function readiness(
  driver: Driver,
  database: string | undefined,
  timeoutMs = HEALTH_TIMEOUT_MS,
  log?: Logger,
): Promise<Readiness> {
  if (!(await neo4jIsUp(driver, database, timeoutMs, log))) {
    return { ready: false, neo4j: 'down', reason: `Neo4j did not answer within ${timeoutMs} ms` };
  }
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const config = { timeout: timeoutMs };
    const constraints = await session.run(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
      {},
      config,
    );
    const indexes = await session.run(
      "SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names",
      {},
      config,
    );
    const have = new Set<string>([
      ...(constraints.records[0]?.get('names') as string[]),
      ...(indexes.records[0]?.get('names') as string[]),
    ]);
    const expected = expectedSchemaNames();
    const missing = [...expected.constraints, ...expected.indexes].filter((n) => !have.has(n));
    if (missing.length > 0) {
      return {
        ready: false,
        neo4j: 'up',
        reason: `schema not applied: missing or not online ${missing.join(', ')} (run careergraph db reset --yes or restart serve)`,
      };
    }
    return { ready: true };
  } catch (error) {
    log?.warn({ err: error }, 'neo4j readiness check failed');
    return {
      ready: false,
      neo4j: 'up',
      reason: `schema check failed: ${(error as Error).message.slice(0, 200)}`,
    };
  } finally {
    await session.close();
  }
}

/**
 * `GET /readyz`: 200 `{"status":"ready"}` when Neo4j answers and its schema is applied, else 503
 * `{"status":"unavailable","neo4j":"up"|"down","reason":…}`, so traffic waits until queries can succeed.
 */
export function readyCheck(driver: Driver, database: string | undefined, logger: Logger): RequestHandler {
  return async (_req: Request, res: Response) => {
    const r = await readiness(driver, database, HEALTH_TIMEOUT_MS, loggerOf(res, logger));
    res.setHeader('cache-control', 'no-store');
    if (r.ready) res.status(200).json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', neo4j: r.neo4j, reason: r.reason });
  };
}
