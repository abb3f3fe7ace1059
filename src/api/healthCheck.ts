import type { Request, RequestHandler, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
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
