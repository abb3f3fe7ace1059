import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, queryLimits } from './queryLimits.ts';

const root = path.resolve(import.meta.dirname, '../..');
const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
const limits = queryLimits();

function errorsOf(query: string): string[] {
  const document = parse(query, limits.parseOptions);
  return validate(schema, document, [...specifiedRules, ...limits.validationRules]).map(
    (e: GraphQLError) => e.message,
  );
}

const nest = (fields: string[], leaf: string) =>
  fields.reduceRight((inner, field) => `${field} { ${inner} }`, leaf);

describe('query limits', () => {
  it('pass every operation careergraph/client ships', () => {
    const operations = readFileSync(path.join(root, 'src/client/operations.graphql'), 'utf8');
    expect(errorsOf(operations)).toEqual([]);
  });

  it('pass the deepest sensible query (depth 11)', () => {
    const query = nest(
      [
        'people',
        'edges',
        'node',
        'roles',
        'company',
        'subsidiaries',
        'people',
        'edges',
        'node',
        'technologies',
      ],
      'name',
    );
    expect(errorsOf(`{ ${query} }`)).toEqual([]);
  });

  it('refuse a query nested deeper than maxDepth, fragments included', () => {
    const deep = nest(
      ['people', 'edges', 'node', 'roles', 'company', ...Array(8).fill('subsidiaries')],
      'name',
    );
    expect(errorsOf(`{ ${deep} }`)).toEqual([
      `Query depth limit of ${QUERY_LIMITS.maxDepth} exceeded, found 14.`,
    ]);
    const viaFragments = `{ people { edges { node { ...P } } } }
      fragment P on Person { roles { company { ...C } } }
      fragment C on Company { ${nest(Array(7).fill('subsidiaries'), 'name')} }`;
    expect(errorsOf(viaFragments).join()).toMatch(/depth limit/);
  });

  it('refuse more aliases than maxAliases', () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: person(id: "x") { id }`,
    );
    expect(errorsOf(`{ ${aliases.join(' ')} }`).join()).toMatch(/Aliases limit of 15 exceeded, found 16/);
  });

  it('refuse a costly query: a literal first multiplies what it nests', () => {
    const costly = `{ people(first: 100) { edges { node { companies { people(first: 100) { totalCount } } } } } }`;
    expect(errorsOf(costly).join()).toMatch(/Cost limit of 20000 exceeded/);
    expect(errorsOf(`{ people(first: 100) { edges { node { name } } } }`)).toEqual([]);
  });

  it('refuse too many directives', () => {
    const directives = Array(QUERY_LIMITS.maxDirectives + 1)
      .fill('@include(if: true)')
      .join(' ');
    expect(errorsOf(`{ __typename ${directives} }`).join()).toMatch(/Directives limit of 20 exceeded/);
  });

  it('refuse a document of more than maxTokens tokens before validating it', () => {
    const query = `{ ${Array(QUERY_LIMITS.maxTokens).fill('__typename').join(' ')} }`;
    expect(() => parse(query, limits.parseOptions)).toThrow(/contains more th.. 2000 tokens/);
  });
});
