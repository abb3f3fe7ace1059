/**
 * Fuzz of the GraphQL API over real HTTP, against the real test Neo4j. Operations are generated from
 * schema.graphql itself (every query field and mutation, arguments by type) with a seeded PRNG, and are
 * full of hostile values: Cypher and Lucene syntax, quotes, backslashes, NUL and control characters, lone
 * surrogates, RTL and emoji, 100 KB strings, out-of-range numbers, wrong types, deep nesting, many
 * aliases, too many tokens, broken documents and broken HTTP requests.
 *
 *   CAREERGRAPH_FUZZ_OPS=20000   operations to send (default 2000)
 *   CAREERGRAPH_FUZZ_SEED=1234   the seed (default 20261123); a failure prints its seed and index
 *   CAREERGRAPH_FUZZ_CONCURRENCY requests in flight (default 4)
 *   CAREERGRAPH_FUZZ_WRITES=200  hostile résumés ingested with the key, then deleted (default 30)
 *
 * Asserted: no 5xx; every error carries a code of the API's set (API_ERROR_CODES) and no stack trace,
 * Cypher text or driver message; no unexpected (masked) error; no Cypher syntax error in the server's
 * logs; mutations without the key change nothing; the graph is the same after the run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../src/api/errors.ts';
import { QUERY_LIMITS } from '../../src/api/queryLimits.ts';
import { testDriver } from '../helpers/neo4j.ts';
import { API_RESUMES } from './fixtures.ts';
import { startTestServer, TEST_API_KEY, type TestServer } from './server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const OPS = Number(process.env.CAREERGRAPH_FUZZ_OPS ?? 2000);
const SEED = Number(process.env.CAREERGRAPH_FUZZ_SEED ?? 20261123);
const CONCURRENCY = Number(process.env.CAREERGRAPH_FUZZ_CONCURRENCY ?? 4);
const WRITES = Number(process.env.CAREERGRAPH_FUZZ_WRITES ?? 30);
const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));

// ---------------------------------------------------------------------------------------------------
// Seeded randomness: operation i uses its own generator, so one failing operation can be rebuilt alone.

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number) => rng() < p;

// ---------------------------------------------------------------------------------------------------
// Hostile values.

export const HOSTILE_STRINGS: readonly string[] = [
  "'); MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "Robert'); DROP CONSTRAINT person_id; //",
  '` MATCH (n) SET n.pwned = true //',
  '" OR 1=1 --',
  "' OR '1'='1",
  '\\',
  '\\\\\\"',
  '\\u0000',
  '{}',
  '{{name}}',
  '${process.env.HOME}',
  '$param',
  '$id',
  '`backtick`',
  '```',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m\u007f\r\n\t',
  '\ud800',
  '\udfff',
  'a\ud83db',
  '\u202eevil\u202c',
  'مهندس برمجيات في أمازون',
  'שלום',
  '👩‍💻🚀🔥',
  '\u200b\u200d\ufeff',
  'e\u0301',
  'a* AND b~ OR "c"^2 title:x [a TO z] \\',
  '*',
  '?',
  'AND OR NOT TO',
  '.*+?^$()[]|',
  '%s%n%x%d',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '',
  '   ',
  '\n',
  'null',
  'undefined',
  'NaN',
  '{"a":1}',
  'bzotMQ',
  'bzo5OTk5OTk5OTk5OQ',
  'bzo5OTk5OTk5OTk',
  'bzox',
  'o:1',
  '!!!!',
  'Amazon',
  'amazon web services',
  'Meta',
  'aws',
  'k8s',
  'Go',
  'Kafka',
  'Quinn',
  '2019',
  '2019-13',
  '0000-00',
];
const HUGE = [
  'A'.repeat(100_000),
  'word '.repeat(20_000),
  "'); MATCH (n) DETACH DELETE n // ".repeat(3_000),
  '\u0000\ud800'.repeat(25_000),
  '👩‍💻'.repeat(20_000),
];
const NUMBERS = [
  0,
  1,
  -1,
  5,
  20,
  99,
  100,
  101,
  1000,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  1e20,
  1.5,
  -0.5,
];
const WRONG_TYPED: readonly unknown[] = [
  'x',
  '5',
  true,
  false,
  1.5,
  [],
  [1, 2],
  {},
  { a: 1 },
  null,
  2 ** 31,
  "'); MATCH (n) DETACH DELETE n //",
];
/** Keys that must not open mutations (none of them trims to the real one). */
const WRONG_KEYS: readonly (Record<string, string> | undefined)[] = [
  undefined,
  undefined,
  { 'x-api-key': 'wrong' },
  { 'x-api-key': TEST_API_KEY.slice(0, -1) },
  { 'x-api-key': `${TEST_API_KEY}x` },
  { 'x-api-key': TEST_API_KEY.toUpperCase() },
  { 'x-api-key': "test-key'); MATCH (n) DETACH DELETE n //" },
  { authorization: `Basic ${Buffer.from(`user:${TEST_API_KEY}`).toString('base64')}` },
  { authorization: `Bearer${TEST_API_KEY}` },
  { authorization: `bearer x${TEST_API_KEY}` },
  { 'x-api-key': 'A'.repeat(8_000) },
];

// ---------------------------------------------------------------------------------------------------
// Generation from the schema.

interface Op {
  kind: string;
  mutation: boolean;
  /** A GraphQL request (POST JSON), or a raw HTTP request. */
  request:
    | { query: unknown; variables?: unknown; operationName?: unknown; headers?: Record<string, string> }
    | {
        raw: true;
        method: string;
        path: string;
        body?: string;
        headers?: Record<string, string>;
      };
}

interface Gen {
  rng: Rng;
  vars: Map<string, { type: string; value: unknown }>;
  ids: readonly string[];
  /** Chance that a string is hostile rather than a known good value. */
  hostility: number;
  literalsOnly: boolean;
  /** Every value of the right type and in range, strings excepted (hostile as ever): reaches resolvers. */
  strict: boolean;
}

const ENUM = Symbol('enum');
type EnumValue = { [ENUM]: string };

function stringValue(g: Gen): string {
  if (chance(g.rng, 0.04)) return pick(g.rng, HUGE);
  if (!chance(g.rng, g.hostility) && g.ids.length) return pick(g.rng, g.ids);
  const s = pick(g.rng, HOSTILE_STRINGS);
  return chance(g.rng, 0.15) ? `${s}${pick(g.rng, HOSTILE_STRINGS)}` : s;
}

function valueOf(type: GraphQLInputType, g: Gen, depth = 0): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, g, depth);
  if (!g.strict && chance(g.rng, 0.08)) return null;
  if (isListType(type)) return Array.from({ length: int(g.rng, 0, 3) }, () => valueOf(type.ofType, g, depth));
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return {
      [ENUM]: g.strict || chance(g.rng, 0.9) ? pick(g.rng, values) : pick(g.rng, ['SIDEWAYS', 'out', 'in_']),
    };
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || chance(g.rng, 0.5))
        out[field.name] = valueOf(field.type, g, depth + 1);
    }
    return out;
  }
  switch (type.name) {
    case 'Int':
      return g.strict || chance(g.rng, 0.6) ? int(g.rng, 0, 100) : pick(g.rng, NUMBERS);
    case 'Float':
      return g.rng() * 10;
    case 'Boolean':
      return chance(g.rng, 0.5);
    case 'PartialDate':
      return g.strict || chance(g.rng, 0.6)
        ? pick(g.rng, ['2015', '2019-03', '2020-12', '1999'])
        : stringValue(g);
    default:
      return stringValue(g);
  }
}

/** A JS value as a GraphQL literal (strings as JSON, which GraphQL reads the same way). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object' && ENUM in (value as object)) return (value as EnumValue)[ENUM];
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${literal(v)}`)
    .join(', ')}}`;
}

/** As JSON variables carry it (enums as their names). */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'object' && ENUM in (value as object)) return (value as EnumValue)[ENUM];
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, plain(v)]));
  return value;
}

function args(field: GraphQLField<unknown, unknown>, g: Gen, wrong = false): string {
  const parts: string[] = [];
  const wrongOne = wrong && field.args.length ? pick(g.rng, field.args).name : undefined;
  for (const arg of field.args as readonly GraphQLArgument[]) {
    const required = isNonNullType(arg.type);
    if (arg.name !== wrongOne && !required && chance(g.rng, 0.5)) continue;
    if (required && !g.strict && chance(g.rng, 0.02)) continue; // a missing required argument
    const value = arg.name === wrongOne ? pick(g.rng, WRONG_TYPED) : valueOf(arg.type, g);
    if (!g.literalsOnly && chance(g.rng, 0.6)) {
      const name = `v${g.vars.size}`;
      // Now and then the variable is declared with a type that does not fit the argument.
      const type =
        !g.strict && chance(g.rng, 0.03)
          ? pick(g.rng, ['Int', 'String!', '[ID]', 'Boolean', 'PersonFilter'])
          : String(arg.type);
      g.vars.set(name, { type, value: plain(value) });
      parts.push(`${arg.name}: $${name}`);
    } else {
      parts.push(
        `${arg.name}: ${typeof value === 'number' && !Number.isFinite(value) ? '0' : literal(value)}`,
      );
    }
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

function leafFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => {
      const named = getNamedType(f.type);
      return (isScalarType(named) || isEnumType(named)) && f.args.every((a) => !isNonNullType(a.type));
    })
    .map((f) => f.name);
}

function selection(type: GraphQLNamedType, g: Gen, depth: number, maxDepth: number): string {
  if (isUnionType(type)) {
    const members = type.getTypes().filter(() => chance(g.rng, 0.7));
    const fragments = members.map((m) => `... on ${m.name} ${selection(m, g, depth, maxDepth)}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields());
  const leaves = leafFields(type);
  const chosen: string[] = [];
  const count = int(g.rng, 1, 4);
  for (let i = 0; i < count; i++) {
    const field = pick(g.rng, fields);
    const named = getNamedType(field.type);
    const alias = chance(g.rng, 0.1) ? `a${int(g.rng, 0, 999)}: ` : '';
    if (isScalarType(named) || isEnumType(named)) {
      chosen.push(`${alias}${field.name}${args(field, g)}`);
    } else if (depth < maxDepth) {
      chosen.push(`${alias}${field.name}${args(field, g)} ${selection(named, g, depth + 1, maxDepth)}`);
    }
  }
  if (chosen.length === 0) chosen.push(leaves.length ? pick(g.rng, leaves) : '__typename');
  if (chance(g.rng, 0.05)) chosen.push('__typename');
  return `{ ${chosen.join(' ')} }`;
}

const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {});
const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});
const ROOT_FIELDS = [
  ...queryFields.map((f) => ({ f, m: false })),
  ...mutationFields.map((f) => ({ f, m: true })),
];

function document(
  g: Gen,
  opts: { wrong?: boolean; maxDepth?: number; root?: { f: GraphQLField<unknown, unknown>; m: boolean } } = {},
) {
  const root = opts.root ?? pick(g.rng, ROOT_FIELDS);
  const named = getNamedType(root.f.type);
  const sel = isScalarType(named) ? '' : ` ${selection(named, g, 1, opts.maxDepth ?? int(g.rng, 1, 4))}`;
  const body = `${root.f.name}${args(root.f, g, opts.wrong)}${sel}`;
  const defs = [...g.vars].map(([n, v]) => `$${n}: ${v.type}`).join(', ');
  const variables = Object.fromEntries([...g.vars].map(([n, v]) => [n, v.value]));
  const opName = chance(g.rng, 0.3) ? ` Fuzz${int(g.rng, 0, 99)}` : '';
  const head = root.m ? 'mutation' : defs || opName || chance(g.rng, 0.5) ? 'query' : '';
  const query = `${head}${opName}${defs ? `(${defs})` : ''} { ${body} }`;
  return { query, variables, mutation: root.m, field: root.f.name };
}

const newGen = (rng: Rng, ids: readonly string[], literalsOnly = false, strict = false): Gen => ({
  rng,
  vars: new Map(),
  ids,
  hostility: 0.7,
  literalsOnly,
  strict,
});

const nest = (fields: string[], leaf: string) => fields.reduceRight((inner, f) => `${f} { ${inner} }`, leaf);

/** One operation; `i` and the seed decide everything about it. */
function generate(i: number, ids: readonly string[]): Op {
  const rng = mulberry32(SEED * 1_000_003 + i);
  const kind = pick(rng, [
    'valid',
    'valid',
    'valid',
    'valid',
    'loose',
    'loose',
    'valid-literals',
    'valid-literals',
    'wrong-type',
    'wrong-type',
    'mutation',
    'deep',
    'aliases',
    'tokens',
    'cost',
    'directives',
    'corrupted',
    'corrupted',
    'unknown',
    'http',
    'http',
  ]);
  const gql = (doc: { query: string; variables?: unknown; mutation: boolean }, k = kind): Op => ({
    kind: k,
    mutation: doc.mutation,
    request: {
      query: doc.query,
      variables: doc.variables,
      headers: doc.mutation || chance(rng, 0.1) ? pick(rng, WRONG_KEYS) : undefined,
    },
  });
  switch (kind) {
    case 'valid':
      return gql(document(newGen(rng, ids, false, true)));
    case 'valid-literals':
      return gql(document(newGen(rng, ids, true, true)));
    case 'loose':
      return gql(document(newGen(rng, ids)));
    case 'wrong-type':
      return gql(document(newGen(rng, ids, chance(rng, 0.5)), { wrong: true }));
    case 'mutation':
      return gql(
        document(newGen(rng, ids), {
          root: pick(
            rng,
            ROOT_FIELDS.filter((r) => r.m),
          ),
        }),
      );
    case 'deep': {
      const levels = int(rng, QUERY_LIMITS.maxDepth - 2, 40);
      const chain = ['people', 'edges', 'node', 'roles', 'company', ...Array(levels).fill('subsidiaries')];
      const viaPerson = [
        'person(id: "x")',
        ...Array.from({ length: levels }, (_, n) => (n % 2 ? 'person' : 'roles')),
      ];
      return gql({ query: `{ ${nest(chance(rng, 0.7) ? chain : viaPerson, 'name')} }`, mutation: false });
    }
    case 'aliases': {
      const n = int(rng, QUERY_LIMITS.maxAliases - 3, 200);
      const field = pick(rng, [
        'person(id: "x") { id }',
        'search(text: "a") { score }',
        'people { totalCount }',
        '__typename',
      ]);
      const fields = Array.from({ length: n }, (_, k) => `a${k}: ${field}`);
      return gql({ query: `{ ${fields.join(' ')} }`, mutation: false });
    }
    case 'tokens': {
      const n = int(rng, QUERY_LIMITS.maxTokens - 10, 20_000);
      return gql({ query: `{ ${Array(n).fill('__typename').join(' ')} }`, mutation: false });
    }
    case 'cost': {
      const first = int(rng, 10, 100);
      return gql({
        query: `{ people(first: ${first}) { edges { node { companies { people(first: ${first}) { edges { node { technologies { people(first: ${first}) { totalCount } } } } } } } } } }`,
        mutation: false,
      });
    }
    case 'directives': {
      const n = int(rng, 1, 60);
      const d = Array.from({ length: n }, () =>
        pick(rng, ['@include(if: true)', '@skip(if: false)', '@skip(if: $s)', '@deprecated', '@nope']),
      ).join(' ');
      return gql({
        query: `query($s: Boolean = false) { people(first: 1) ${d} { totalCount } }`,
        variables: {},
        mutation: false,
      });
    }
    case 'corrupted': {
      const doc = document(newGen(rng, ids));
      let q = doc.query;
      const edits = int(rng, 1, 4);
      for (let e = 0; e < edits; e++) {
        const at = int(rng, 0, q.length);
        const op = int(rng, 0, 3);
        if (op === 0) q = q.slice(0, at);
        else if (op === 1)
          q =
            q.slice(0, at) +
            pick(rng, [
              '{',
              '}',
              '(',
              ')',
              '"',
              '\\',
              '$',
              '...',
              '#',
              '\u0000',
              '\ud800',
              ':',
              '@',
              '!',
              '"""',
              '`',
              'mutation',
              ',',
            ]) +
            q.slice(at);
        else if (op === 2) q = q.slice(0, at) + q.slice(at + int(rng, 1, 10));
        else q = q.slice(0, at) + q.slice(at).replace(/[a-z]/, 'Z');
      }
      return gql({ query: q, variables: doc.variables, mutation: doc.mutation });
    }
    case 'unknown': {
      const query = pick(rng, [
        '{ nope }',
        '{ people { nope } }',
        '{ person(id: "x", extra: 1) { id } }',
        '{ person { id } }',
        '{ people(filter: { nope: "x" }) { totalCount } }',
        '{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }',
        '{ people { ...P } } fragment P on Company { id }',
        'query A { __typename } query B { __typename }',
        'subscription { people { totalCount } }',
        '{ __type(name: "Person") { name fields { name } } }',
        '{ __schema { types { name } } }',
        'query($x: Nope) { __typename }',
        'query($x: String) { person(id: $x) { id } }',
        '{ search(text: 5) { score } }',
        '{ talentFlow(company: "a", direction: "OUT") { people } }',
        'mutation { nope }',
        '',
        '   ',
        '# only a comment',
      ]);
      return gql({
        query,
        variables: chance(rng, 0.5) ? { x: pick(rng, HOSTILE_STRINGS) } : undefined,
        mutation: query.startsWith('mutation'),
      });
    }
    default: {
      // Broken HTTP: bodies, methods, content types, batches, sizes, paths.
      const raw = (
        method: string,
        p: string,
        body?: string,
        headers: Record<string, string> = { 'content-type': 'application/json' },
      ): Op => ({
        kind: 'http',
        mutation: false,
        request: { raw: true, method, path: p, body, headers },
      });
      const q = document(newGen(rng, ids));
      switch (int(rng, 0, 17)) {
        case 0:
          return raw('POST', '/graphql', '{"query":');
        case 1:
          return raw('POST', '/graphql', JSON.stringify([{ query: '{ __typename }' }, { query: q.query }]));
        case 2:
          return raw('POST', '/graphql', '42');
        case 3:
          return raw('POST', '/graphql', JSON.stringify({ query: 42 }));
        case 4:
          return raw('POST', '/graphql', JSON.stringify({ query: q.query, variables: 'x' }));
        case 5:
          return raw('POST', '/graphql', JSON.stringify({ query: q.query, variables: [1] }));
        case 6:
          return raw('POST', '/graphql', JSON.stringify({ query: q.query, operationName: 'Nope' }));
        case 7:
          return raw('GET', `/graphql?query=${encodeURIComponent(q.query.slice(0, 2000))}`, undefined, {
            'apollo-require-preflight': '1',
          });
        case 8:
          return raw(
            'GET',
            `/graphql?query=${encodeURIComponent('mutation { deletePerson(id: "x") { deleted } }')}`,
            undefined,
            { 'apollo-require-preflight': '1' },
          );
        case 9:
          return raw('POST', '/graphql', JSON.stringify({ query: q.query }), {
            'content-type': 'text/plain',
          });
        case 10:
          return raw('POST', '/graphql', '', {});
        case 11:
          return raw(
            'POST',
            '/graphql',
            JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
          );
        case 12:
          return raw(pick(rng, ['PUT', 'DELETE', 'PATCH']), '/graphql', JSON.stringify({ query: q.query }));
        case 13:
          return raw(
            'POST',
            pick(rng, [
              '/graphq',
              '/graphql/x',
              '/healthz',
              "/person/'); MATCH (n) DETACH DELETE n //",
              '/%00',
              '/..%2f..%2fetc/passwd',
            ]),
            JSON.stringify({ query: q.query }),
          );
        case 14:
          return raw(
            'POST',
            '/graphql',
            JSON.stringify({
              query: q.query,
              variables: q.variables,
              extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
            }),
          );
        case 15:
          return raw('POST', '/graphql', '{"query": "{ __typename }", "variables": {"a": 1e999}}');
        case 16:
          return raw('POST', '/graphql', JSON.stringify({ query: q.query }), {
            'content-type': 'application/json; charset=latin-1',
          });
        default:
          return raw('GET', '/graphql?query=%7B__typename%7D');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// What a response may not contain.

const CYPHER_LINES = (() => {
  const lines = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.cypher'))
        for (const line of readFileSync(full, 'utf8').split('\n'))
          if (line.trim().length >= 20 && !line.trim().startsWith('//')) lines.add(line.trim());
    }
  };
  walk(path.join(root, 'cypher'));
  return [...lines];
})();

const LEAKS: [string, RegExp][] = [
  ['stack frame', /\n\s+at |\bat \S+ \(\S+:\d+:\d+\)|node:internal/],
  ['source path', /node_modules|\/src\/|\.ts:\d+|\.js:\d+/],
  ['Neo4j status code', /Neo\.(?:ClientError|TransientError|DatabaseError)/],
  ['driver', /Neo4jError|neo4j-driver|bolt:\/\/|Neo4j|Failed to connect|Could not perform discovery/],
  ['Cypher error', /Invalid input '|Variable `[^`]*` not defined|Type mismatch: expected|Unknown function/],
  ['stacktrace field', /stacktrace|"exception"/],
];

function leaks(text: string): string[] {
  const found = LEAKS.filter(([, re]) => re.test(text)).map(([name]) => name);
  const cypherLine = CYPHER_LINES.find((line) => text.includes(line));
  if (cypherLine) found.push(`Cypher text: ${cypherLine}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------

interface Outcome {
  i: number;
  kind: string;
  status: number;
  codes: string[];
  /** The first error's message, its figures and quoted values blanked (for the tally of refusals). */
  refusal?: string;
  problems: string[];
  sent: string;
  ms: number;
}

async function send(
  server: TestServer,
  op: Op,
): Promise<{ status: number; text: string; contentType: string }> {
  const r = op.request;
  const res =
    'raw' in r
      ? await fetch(`${server.origin}${r.path}`, { method: r.method, headers: r.headers, body: r.body })
      : await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...r.headers },
          body: JSON.stringify({ query: r.query, variables: r.variables, operationName: r.operationName }),
        });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
}

function judge(
  i: number,
  op: Op,
  res: { status: number; text: string; contentType: string },
  ms: number,
): Outcome {
  const problems: string[] = [];
  const codes: string[] = [];
  const sentText = JSON.stringify(op.request).slice(0, 400);
  if (res.status >= 500) problems.push(`HTTP ${res.status}`);
  let body:
    | { data?: unknown; errors?: { message?: unknown; extensions?: Record<string, unknown> }[] }
    | undefined;
  if (/json/.test(res.contentType)) {
    try {
      body = JSON.parse(res.text);
    } catch {
      problems.push('a JSON content type with a body that is not JSON');
    }
  }
  if (!body) for (const leak of leaks(res.text)) problems.push(`leak: ${leak}`);
  if (res.status >= 400 && !body?.errors?.length)
    problems.push(`HTTP ${res.status} without a JSON error and code: ${res.text.slice(0, 120)}`);
  for (const error of body?.errors ?? []) {
    const code = error.extensions?.code;
    codes.push(String(code));
    if (typeof code !== 'string' || !API_ERROR_CODES.has(code))
      problems.push(`code ${String(code)} is not one of the API's`);
    if (code === 'INTERNAL_SERVER_ERROR') problems.push('an unexpected error (masked)');
    const extra = Object.keys(error.extensions ?? {}).filter((k) => k !== 'code');
    if (extra.length) problems.push(`extensions carry ${extra.join(', ')}`);
    const unknownKeys = Object.keys(error).filter(
      (k) => !['message', 'locations', 'path', 'extensions'].includes(k),
    );
    if (unknownKeys.length) problems.push(`error carries ${unknownKeys.join(', ')}`);
    const shown = [String(error.message), JSON.stringify(error.extensions ?? {}), JSON.stringify(error)];
    for (const leak of new Set(shown.flatMap(leaks))) problems.push(`leak: ${leak}`);
  }
  if (body && !body.errors && res.status >= 400) problems.push('an error status without errors');
  if (op.mutation && body?.data && typeof body.data === 'object') {
    const done = Object.values(body.data as Record<string, unknown>).filter((v) => v !== null);
    if (done.length)
      problems.push(`a mutation without the key answered data: ${JSON.stringify(body.data).slice(0, 200)}`);
  }
  const first = body?.errors?.[0]?.message;
  const refusal =
    typeof first === 'string'
      ? first.replace(/"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?/g, '…').slice(0, 70)
      : undefined;
  return { i, kind: op.kind, status: res.status, codes, problems, sent: sentText, ms, refusal };
}

async function graphFingerprint(
  driver: Driver,
): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
  const relationships = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n');
  const props = await driver.executeQuery(
    'MATCH (n) WHERE n:Person OR n:Role OR n:Company OR n:Technology OR n:Source RETURN labels(n)[0] AS l, coalesce(n.id, n.key) AS id, n.name AS name, n.title AS title ORDER BY l, id',
  );
  const hash = createHash('sha256')
    .update(JSON.stringify(props.records.map((r) => r.toObject())))
    .digest('hex');
  return {
    nodes: Number(nodes.records[0]?.get('n')),
    relationships: Number(relationships.records[0]?.get('n')),
    hash,
  };
}

describe('fuzz: generated GraphQL operations over HTTP', () => {
  let server: TestServer;
  let driver: Driver;
  const added: string[] = [];
  let ids: string[] = [];

  beforeAll(async () => {
    driver = testDriver();
    server = await startTestServer();
    for (const [fileName, content] of Object.entries(API_RESUMES)) {
      const res = await server.gql(
        'mutation($f: String!, $c: String!) { ingestResume(input: {fileName: $f, content: $c}) { changed person { id } source { sha256 } } }',
        { f: `fuzz-${fileName}`, c: content },
        { 'x-api-key': TEST_API_KEY },
      );
      const r = (
        res.body.data as {
          ingestResume: { changed: boolean; person: { id: string }; source: { sha256: string } };
        }
      ).ingestResume;
      if (r.changed) added.push(r.source.sha256);
    }
    const people = await server.gql('{ people(first: 100) { edges { node { id roles { id } } } } }');
    expect(people.body.errors).toBeUndefined();
    const edges = (
      people.body.data as { people: { edges: { node: { id: string; roles: { id: string }[] } }[] } }
    ).people.edges;
    ids = edges.flatMap((e) => [e.node.id, ...e.node.roles.map((r) => r.id)]);
    expect(ids.length).toBeGreaterThan(3);
  });

  afterAll(async () => {
    for (const sha256 of added) {
      await server?.gql(
        'mutation($s: String!) { deleteSource(sha256: $s) { deleted } }',
        { s: sha256 },
        { 'x-api-key': TEST_API_KEY },
      );
    }
    await server?.close();
    await driver?.close();
  });

  it('no hostile value trips the leak detector by itself (else the leak check would be meaningless)', () => {
    for (const s of [...HOSTILE_STRINGS, ...HUGE.map((h) => h.slice(0, 200))]) {
      expect(leaks(s)).toEqual([]);
      expect(leaks(JSON.stringify(s))).toEqual([]);
    }
    // …and the detector does see a real leak.
    expect(leaks("Invalid input 'RETRUN': expected")).toContain('Cypher error');
    expect(leaks('Neo.ClientError.Statement.SyntaxError')).toContain('Neo4j status code');
    expect(leaks('Error: x\n    at run (/app/src/api/x.ts:1:2)')).toContain('stack frame');
    expect(CYPHER_LINES.length).toBeGreaterThan(50);
  });

  it(`sends ${OPS} operations (seed ${SEED}): no 5xx, only documented codes, no leak, no Cypher syntax error, graph unchanged`, async () => {
    const before = await graphFingerprint(driver);
    const logsBefore = server.logs.length;
    const started = Date.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < OPS) {
        const i = next++;
        const op = generate(i, ids);
        let res: { status: number; text: string; contentType: string };
        const opStarted = performance.now();
        try {
          res = await send(server, op);
        } catch (error) {
          outcomes.push({
            i,
            kind: op.kind,
            status: 0,
            codes: [],
            problems: [`request failed: ${(error as Error).message}`],
            sent: JSON.stringify(op.request).slice(0, 400),
            ms: performance.now() - opStarted,
          });
          continue;
        }
        outcomes.push(judge(i, op, res, performance.now() - opStarted));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;
    const after = await graphFingerprint(driver);

    // The server's own log lines of the run: nothing unexpected, no Cypher syntax error.
    const runLogs = server.logs.slice(logsBefore);
    const logText = runLogs.map((l) => JSON.stringify(l));
    const syntaxErrors = logText.filter((l) =>
      /Neo\.ClientError\.Statement\.SyntaxError|Invalid input '|SyntaxException/.test(l),
    );
    const neo4jClientErrors = logText.filter((l) => /Neo\.ClientError\./.test(l));
    const unexpected = runLogs.filter((l) => Number(l.level) >= 50);
    const timedOut = runLogs.filter((l) => l.msg === 'query timed out');

    const tally = (key: (o: Outcome) => string[]) => {
      const m = new Map<string, number>();
      for (const o of outcomes) for (const k of key(o)) m.set(k, (m.get(k) ?? 0) + 1);
      return Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
    };
    const cypherQueries = server.contexts.reduce((n, c) => n + c.graph.queries, 0);
    const failures = outcomes.filter((o) => o.problems.length);
    process.stderr.write(
      `[fuzz] seed ${SEED}: ${outcomes.length} operations in ${seconds.toFixed(1)} s (${(outcomes.length / seconds).toFixed(0)}/s, concurrency ${CONCURRENCY}); ` +
        `${cypherQueries} Cypher queries run\n` +
        `[fuzz] by kind: ${JSON.stringify(tally((o) => [o.kind]))}\n` +
        `[fuzz] ms by kind (total, slowest): ${JSON.stringify(
          Object.fromEntries(
            [...new Set(outcomes.map((o) => o.kind))].map((k) => {
              const ms = outcomes.filter((o) => o.kind === k).map((o) => o.ms);
              return [k, [Math.round(ms.reduce((a, b) => a + b, 0)), Math.round(Math.max(...ms))]];
            }),
          ),
        )}\n` +
        `[fuzz] commonest refusals of well-typed operations: ${JSON.stringify(
          Object.entries(tally((o) => (o.kind.startsWith('valid') && o.refusal ? [o.refusal] : []))).slice(
            0,
            8,
          ),
        )}\n` +
        `[fuzz] by status: ${JSON.stringify(tally((o) => [String(o.status)]))}\n` +
        `[fuzz] by error code: ${JSON.stringify(tally((o) => (o.codes.length ? [...new Set(o.codes)] : ['(none)'])))}\n` +
        `[fuzz] log lines ${runLogs.length}, errors logged ${unexpected.length}, queries timed out ${timedOut.length}, Cypher syntax errors ${syntaxErrors.length}, Neo4j client errors ${neo4jClientErrors.length}\n` +
        `[fuzz] graph before ${JSON.stringify(before)}, after ${JSON.stringify(after)}\n` +
        `[fuzz] failures ${failures.length}\n`,
    );
    for (const f of failures.slice(0, 10))
      process.stderr.write(
        `[fuzz] FAIL #${f.i} (${f.kind}, HTTP ${f.status}): ${f.problems.join('; ')}\n    sent ${f.sent}\n`,
      );
    for (const o of [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3))
      process.stderr.write(
        `[fuzz] slow #${o.i} (${o.kind}) ${Math.round(o.ms)} ms: ${o.sent.slice(0, 300)}\n`,
      );
    for (const l of unexpected.slice(0, 5))
      process.stderr.write(`[fuzz] LOGGED ${JSON.stringify(l).slice(0, 600)}\n`);

    expect(outcomes).toHaveLength(OPS);
    expect(failures.map((f) => `#${f.i} ${f.kind}: ${f.problems.join('; ')}`)).toEqual([]);
    expect(syntaxErrors).toEqual([]);
    expect(unexpected.map((l) => JSON.stringify(l).slice(0, 300))).toEqual([]);
    expect(after).toEqual(before);
    // The fuzz reached the database, and all kinds were sent.
    expect(cypherQueries).toBeGreaterThan(OPS / 10);
    expect(Object.keys(tally((o) => [o.kind]))).toHaveLength(13);
  }, 600_000);

  it(`ingests ${WRITES} hostile résumés with the key as text, then deletes them: nothing else touched`, async () => {
    const ids = async () =>
      new Set(
        (
          await driver.executeQuery(
            'MATCH (n) RETURN coalesce(n.id, n.key, elementId(n)) AS id, labels(n)[0] AS label',
          )
        ).records.map((r) => `${r.get('label')}:${r.get('id')}`),
      );
    const counts = async () =>
      (
        await driver.executeQuery(
          'MATCH (n) WHERE n:Person OR n:Role OR n:Source OR n:Education RETURN labels(n)[0] AS l, count(n) AS n ORDER BY l',
        )
      ).records.map((r) => [r.get('l'), Number(r.get('n'))]);
    const before = await ids();
    const countsBefore = await counts();
    const rng = mulberry32(SEED);
    const hostile = () => {
      const h = stringValue({ ...newGen(rng, []), hostility: 1 });
      return h.length > 2_000 ? h.slice(0, 2_000) : h;
    };
    const written: string[] = [];
    const outcomes = new Map<string, number>();
    const problems: string[] = [];
    for (let k = 0; k < WRITES; k++) {
      const content = [
        `# ${hostile()}`,
        `fuzz${k}@example.org · ${hostile()}`,
        '',
        '## Experience',
        '',
        `#### ${hostile()}, ${hostile()}`,
        `${hostile()} — Go, ${hostile()}`,
        '2019 - 2021',
        `- ${hostile()}`,
        '',
        '## Skills',
        hostile(),
      ].join('\n');
      const fileName = `fuzz-write-${k}-${hostile().slice(0, 100)}.md`;
      const res = await server.gql(
        'mutation($f: String!, $c: String!) { ingestResume(input: {fileName: $f, content: $c}) { changed person { id name } source { sha256 } warnings } }',
        { f: fileName, c: content },
        { 'x-api-key': TEST_API_KEY },
      );
      const code = String(res.body.errors?.[0]?.extensions?.code ?? 'ok');
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      if (res.status >= 500 || !['ok', 'BAD_USER_INPUT'].includes(code))
        problems.push(`#${k}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      const r = (res.body.data as { ingestResume?: { changed: boolean; source: { sha256: string } } } | null)
        ?.ingestResume;
      if (r?.changed) written.push(r.source.sha256);
    }
    for (const sha256 of written) {
      const res = await server.gql(
        'mutation($s: String!) { deleteSource(sha256: $s) { deleted } }',
        { s: sha256 },
        { 'x-api-key': TEST_API_KEY },
      );
      expect(res.body).toEqual({ data: { deleteSource: { deleted: true } } });
    }
    const after = await ids();
    process.stderr.write(
      `[fuzz] writes: ${WRITES} hostile résumés with the key: ${JSON.stringify(Object.fromEntries(outcomes))}, ${written.length} written then deleted; nodes before ${before.size}, after ${after.size}\n`,
    );
    expect(problems).toEqual([]);
    expect(written.length).toBeGreaterThan(WRITES / 2);
    expect([...before].filter((id) => !after.has(id))).toEqual([]);
    expect(await counts()).toEqual(countsBefore);
  }, 600_000);
});
