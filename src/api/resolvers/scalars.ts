import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

function parsePartialDate(value: unknown): string {
  if (typeof value !== 'string' || !PARTIAL_DATE.test(value)) {
    throw new GraphQLError(`PartialDate must be "YYYY" or "YYYY-MM", got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** `2019` or `2019-03`: a date known to the year or the month. */
export const PartialDate = new GraphQLScalarType({
  name: 'PartialDate',
  description: 'A calendar date known to the year or to the month: `2019` or `2019-03`.',
  serialize: (value) => String(value),
  parseValue: parsePartialDate,
  parseLiteral: (ast) => parsePartialDate(ast.kind === Kind.STRING ? ast.value : null),
});

/** ISO-8601 date-time, as stored for `Source.ingestedAt`. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => String(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : null),
});

/** The month ordinal of a PartialDate (start or end edge), as stored on roles. */
export function partialDateOrdinal(value: string, edge: 'start' | 'end'): number {
  const m = PARTIAL_DATE.exec(value) as RegExpExecArray;
  const month = m[2] ? Number(m[2]) : edge === 'start' ? 1 : 12;
  return Number(m[1]) * 12 + month - 1;
}
