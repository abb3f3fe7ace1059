import { execute, GraphQLError, type GraphQLFormattedError, parse, specifiedRules, validate } from 'graphql';
import type { RequestHeaders } from './context.ts';
import type { CareerGraph } from './createCareerGraph.ts';
import { formatError } from './errors.ts';

/** One GraphQL operation to run in-process. */
export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** As an HTTP request would carry them: `x-api-key` or `authorization` for mutations. */
  headers?: RequestHeaders;
}

/** A GraphQL response as a client receives it: errors already formatted (masked when unexpected). */
export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

// Apollo tags errors by phase before formatError sees them; graphql-js does not, so do it here, or
// every syntax or validation error would be masked as an internal one.
function withCode(errors: readonly GraphQLError[], code: string): GraphQLFormattedError[] {
  return errors.map((e) => {
    const formatted = e.toJSON();
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? code },
    };
  });
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { originalError: error });
  return new GraphQLError(String(error));
}

/**
 * Runs one operation on careergraph's schema without HTTP (the `query` command, scripts, tests):
 * parse, validate, build the context from `headers`, execute, and format errors as the server does.
 * `log` receives every unexpected error whole.
 */
export async function executeOperation(
  careerGraph: Pick<CareerGraph, 'schema' | 'createContext'>,
  request: OperationRequest,
  log: (error: unknown) => void = () => {},
): Promise<OperationResult> {
  const format = (errors: readonly GraphQLError[], code: string) =>
    withCode(errors, code).map((formatted, i) => formatError(formatted, errors[i], log));
  let document: ReturnType<typeof parse>;
  try {
    document = parse(request.query);
  } catch (error) {
    return { errors: format([asGraphQLError(error)], 'GRAPHQL_PARSE_FAILED') };
  }
  const invalid = validate(careerGraph.schema, document, specifiedRules);
  if (invalid.length > 0) return { errors: format(invalid, 'GRAPHQL_VALIDATION_FAILED') };
  let contextValue: ReturnType<CareerGraph['createContext']>;
  try {
    contextValue = careerGraph.createContext({ headers: request.headers ?? {} });
  } catch (error) {
    return { errors: format([asGraphQLError(error)], 'INTERNAL_SERVER_ERROR') };
  }
  const result = await execute({
    schema: careerGraph.schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue,
  });
  // No `data` at all means the request itself was wrong (bad variables, no such operation).
  const errors =
    result.errors && format(result.errors, 'data' in result ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT');
  return { ...('data' in result ? { data: result.data ?? null } : {}), ...(errors ? { errors } : {}) };
}
