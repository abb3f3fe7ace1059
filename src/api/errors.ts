import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CareerGraphError } from '../errors.ts';

/** A bad argument or cursor: the client's fault, said in words. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A mutation (or, when configured, a read) without the API key. */
export function unauthenticated(
  message = 'This operation needs the API key (header x-api-key or Authorization: Bearer).',
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** True for driver errors that mean "the database cannot be reached right now". */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.')))
    return true;
  return error instanceof CareerGraphError && error.code === 'NEO4J_UNAVAILABLE';
}

/** Driver error codes of a transaction Neo4j cancelled because it ran past its timeout. */
export function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^Neo\.\w+Error\.Transaction\.TransactionTimedOut/.test(code);
}

/** The message of QUERY_TIMEOUT: what happened and what to do, nothing of the query itself. */
export const QUERY_TIMEOUT_MESSAGE =
  'The query ran longer than the time limit (CAREERGRAPH_QUERY_TIMEOUT_MS) and was cancelled; ask for less (a smaller "first", a narrower filter) or try again.';

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Every `extensions.code` a client of the HTTP API can receive: GraphQL's own (parse, validation, bad
 * request), careergraph's, and those of the HTTP layer (body too large, unknown path).
 */
export const API_ERROR_CODES: ReadonlySet<string> = new Set([
  ...KNOWN_CODES,
  'QUERY_TIMEOUT',
  'INTERNAL_SERVER_ERROR',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
]);

/**
 * A GraphQLError refusing the request itself, raised by Apollo (a persisted query whose hash does not
 * match: HTTP 400) or graphql-js (a subscription, which this schema does not serve) without a code. Never
 * one of a resolver: graphql-js gives those a path or keeps what was thrown as `originalError`, which is
 * where a database error would be.
 */
function isRequestRefusal(error: unknown): boolean {
  return (
    error instanceof GraphQLError &&
    !error.originalError &&
    !error.path &&
    error.extensions.code === undefined
  );
}

/**
 * Turns any error into what a client may see: expected errors keep their message and code; the
 * database being down becomes SERVICE_UNAVAILABLE; anything else is masked (and logged whole by `log`).
 * Never a stack trace, a Cypher text or a driver message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = () => {},
  /** Receives a query Neo4j cancelled for running past its timeout: an operational event, not a bug. */
  logTimeout: (error: unknown) => void = log,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  const code = formatted.extensions?.code;
  const base = {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (isUnavailable(original)) {
    return {
      ...base,
      message: 'The graph database is unavailable; try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (isTimeout(original)) {
    logTimeout(original);
    return { ...base, message: QUERY_TIMEOUT_MESSAGE, extensions: { code: 'QUERY_TIMEOUT' } };
  }
  if (original instanceof CareerGraphError && original.code === 'BAD_USER_INPUT') {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return { ...base, extensions: { code } };
  // Apollo's own refusals of a request (a persisted query whose hash does not match, …) carry an HTTP
  // 4xx status but no code: the request was wrong, and the message is Apollo's, not the database's.
  if (isRequestRefusal(original)) return { ...base, extensions: { code: 'BAD_REQUEST' } };
  log(original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
