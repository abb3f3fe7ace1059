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
 * Turns any error into what a client may see: expected errors keep their message and code; the
 * database being down becomes SERVICE_UNAVAILABLE; anything else is masked (and logged whole by `log`).
 * Never a stack trace, a Cypher text or a driver message.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = () => {},
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
  if (original instanceof CareerGraphError && original.code === 'BAD_USER_INPUT') {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return { ...base, extensions: { code } };
  log(original);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
