import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * What one operation may ask for. Set well above what a real client sends: the deepest sensible query
 * (people → edges → node → roles → company → subsidiaries → people → edges → node → technologies → name)
 * has depth 11, and every document in src/client/operations.graphql passes (a unit test checks both).
 */
export const QUERY_LIMITS = {
  /** Nesting of selection sets, counting the leaf field; fragments do not add a level. */
  maxDepth: 12,
  /** Aliased fields per operation (`__typename` aliases are free). */
  maxAliases: 15,
  /** Lexical tokens in the document, enforced by the parser before anything else. */
  maxTokens: 2000,
  /** graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × a literal `first`. */
  maxCost: 20_000,
  /** Directives per operation (`@include`/`@skip`). */
  maxDirectives: 20,
} as const;

// Armor's default reporter tags rejections BAD_USER_INPUT and prefixes "Syntax Error: "; a plain
// validation error lets Apollo answer 400 GRAPHQL_VALIDATION_FAILED, like any other invalid document.
const reportAsValidationError = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
};

// A fresh object per protection: armor keeps and may extend the configuration it is given.
const rejectAsValidationError = () => ({ propagateOnRejection: false, onReject: [reportAsValidationError] });

/** The Apollo Server options that enforce QUERY_LIMITS. */
export interface QueryLimitOptions {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * Validation rules (depth, aliases, cost, directives, from graphql-armor) and parse options (tokens)
 * that enforce QUERY_LIMITS. Both run before any resolver, so a refused operation touches no database.
 */
export function queryLimits(limits: typeof QUERY_LIMITS = QUERY_LIMITS): QueryLimitOptions {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rejectAsValidationError() },
    maxAliases: { n: limits.maxAliases, ...rejectAsValidationError() },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...rejectAsValidationError() },
    maxDirectives: { n: limits.maxDirectives, ...rejectAsValidationError() },
    // Armor checks tokens in a plugin whose rejection Apollo answers with HTTP 500; graphql-js's own
    // parser limit gives a 400 GRAPHQL_PARSE_FAILED instead.
    maxTokens: { enabled: false },
    // Armor leaves "[Suggestion hidden]?" in messages; Apollo's hideSchemaDetailsFromClientErrors
    // removes the suggestion cleanly (set by the HTTP server in production).
    blockFieldSuggestion: { enabled: false },
  });
  return { validationRules: armor.protect().validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
