/**
 * careergraph's GraphQL operations as typed documents (`TypedDocumentNode`), for other apps:
 * `import { CareerTransitionsDocument } from 'careergraph/client'` gives the operation with its result
 * and variable types, for any client that accepts typed documents (Apollo Client, urql, graphql-request).
 * Generated from operations.graphql by `npm run codegen`.
 */
export * from './generated/graphql.ts';
