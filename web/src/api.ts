import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** Why a request failed, in categories the views put in words. */
export type ProblemKind = 'unavailable' | 'network' | 'unauthenticated' | 'bad-input' | 'server';

/** A failed request: `kind` says whose fault, `message` says it in words for people. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const printed = new WeakMap<object, string>();

/** The app's own GraphQL endpoint: `graphql` next to the page's base, so a mounted app finds its API. */
function endpoint(): string {
  return new URL('graphql', document.baseURI).href;
}

/**
 * Runs one of careergraph's typed documents against the app's own `/graphql` (POST JSON) and returns
 * its data; any error becomes an ApiProblem. Aborting (`signal`) rejects with the AbortError.
 */
export async function request<TData, TVariables>(
  document_: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TData> {
  let query = printed.get(document_);
  if (!query) {
    query = print(document_);
    printed.set(document_, query);
  }
  let response: Response;
  try {
    response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiProblem(
      'network',
      'The careergraph server cannot be reached. Is “careergraph serve” (or “npm start”) still running?',
    );
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiProblem(
      'server',
      `The server answered HTTP ${response.status} without a GraphQL response.`,
      requestId,
    );
  }
  const first = body.errors?.[0];
  if (first || response.status === 401) throw problemOf(first, response.status, requestId);
  if (!body.data) throw new ApiProblem('server', 'The server answered without data.', requestId);
  return body.data;
}

function problemOf(
  error: { message: string; extensions?: { code?: string } } | undefined,
  status: number,
  requestId: string | undefined,
): ApiProblem {
  const code = error?.extensions?.code;
  if (code === 'SERVICE_UNAVAILABLE')
    return new ApiProblem(
      'unavailable',
      'The database is not reachable: careergraph is running, but Neo4j does not answer. Start it ' +
        '(npx careergraph db start), then reload this page.',
      requestId,
    );
  if (code === 'UNAUTHENTICATED' || status === 401)
    return new ApiProblem(
      'unauthenticated',
      'This server asks an API key for every request (CAREERGRAPH_REQUIRE_KEY_FOR_READS), and the explorer ' +
        'does not send one. Run the explorer on a server that allows reads without a key.',
      requestId,
    );
  if (code === 'BAD_USER_INPUT')
    return new ApiProblem('bad-input', error?.message ?? 'The request was not understood.', requestId);
  return new ApiProblem(
    'server',
    `The server could not answer (${error?.message ?? `HTTP ${status}`}). Its log has the details${
      requestId ? ` under request id ${requestId}` : ''
    }.`,
    requestId,
  );
}

/** True for the rejection of an aborted request (a newer one replaced it): nothing to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
