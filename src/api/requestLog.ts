import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept only when it is short and plain: it lands in every log line of the request.
const ACCEPTABLE_ID = /^[\w.:@/+=-]{1,128}$/;

const current = new AsyncLocalStorage<Logger>();

/** Liveness and readiness probes: their successful requests are logged at debug. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/** The logger of the request being served (its lines carry `requestId`), else `fallback`. */
export function requestLogger(fallback: Logger): Logger {
  return current.getStore() ?? fallback;
}

/** The logger `requestLogging` attached to this response. */
export function loggerOf(res: Response, fallback: Logger): Logger {
  return (res.locals.log as Logger | undefined) ?? fallback;
}

/**
 * Gives each request an id (the caller's `x-request-id`, else a new UUID), echoes it in the response
 * header, attaches a child logger carrying it, and logs one line when the response is sent.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.get(REQUEST_ID_HEADER);
    const requestId = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const log = logger.child({ requestId });
    res.locals.log = log;
    const started = process.hrtime.bigint();
    // As the client sent it: a router rewrites req.path, and the query string may hold a whole operation.
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Probes arrive every few seconds; at info they would drown the requests that matter. A failing
      // probe (503) stays at info: that is news.
      const level = PROBE_PATHS.has(path ?? '') && res.statusCode === 200 ? 'debug' : 'info';
      log[level](
        { method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
}

/**
 * Makes the request's logger the current one for everything `next` starts. Mounted after body
 * parsing: stream events run outside the request's async context, so an earlier `run` would be lost.
 */
export function withRequestLogger(logger: Logger): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    current.run(loggerOf(res, logger), next);
  };
}
