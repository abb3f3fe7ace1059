import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { loggerOf } from './requestLog.ts';

// body-parser's error types (https://github.com/expressjs/body-parser#errors), answered in words.
const BODY_ERRORS: Record<string, { code: string; message: (limit: string) => string }> = {
  'entity.too.large': {
    code: 'PAYLOAD_TOO_LARGE',
    message: (limit) => `The request body is larger than ${limit}.`,
  },
  'entity.parse.failed': { code: 'BAD_REQUEST', message: () => 'The request body is not valid JSON.' },
  'encoding.unsupported': {
    code: 'BAD_REQUEST',
    message: () => 'The request body has an unsupported encoding.',
  },
  'charset.unsupported': {
    code: 'BAD_REQUEST',
    message: () => 'The request body has an unsupported charset.',
  },
  'request.aborted': { code: 'BAD_REQUEST', message: () => 'The request was aborted.' },
};

function send(res: Response, status: number, code: string, message: string): void {
  // A GraphQL-shaped body, so GraphQL clients show the reason like any other error.
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Answers errors raised outside GraphQL (body parsing, routing) with JSON in GraphQL's error shape:
 * 413 for a body over `bodyLimit`, 400 for a malformed one, 500 (masked, logged whole) for the rest.
 */
export function httpErrorHandler(logger: Logger, bodyLimit: string): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const e = error as { type?: unknown; status?: unknown };
    const known = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
    const status = typeof e.status === 'number' ? e.status : 500;
    if (known && status >= 400 && status < 500)
      return send(res, status, known.code, known.message(bodyLimit));
    if (status >= 400 && status < 500) return send(res, status, 'BAD_REQUEST', 'Bad request.');
    loggerOf(res, logger).error({ err: error }, 'unexpected error outside GraphQL');
    send(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/** 404 in the same JSON shape, for any path the server does not serve. */
export function notFound(): RequestHandler {
  return (req: Request, res: Response) => {
    send(res, 404, 'NOT_FOUND', `Nothing at ${req.method} ${req.path}; the API is at /graphql.`);
  };
}
