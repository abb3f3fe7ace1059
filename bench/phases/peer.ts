import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { log } from '../lib/log.ts';
import { type Percentiles, percentiles } from '../lib/stats.ts';
import { postGraphQL } from './latency.ts';
import { OPERATIONS } from './operations.ts';
import type { WorkItem } from './workload.ts';

// The same labels and relationships careergraph writes, described for @neo4j/graphql: it generates
// its API (filters, sorting, paging) from these type definitions and translates each request to Cypher.
const PEER_TYPE_DEFS = /* GraphQL */ `
  type Person @node {
    id: ID!
    name: String
    email: String
    location: String
    headline: String
    roles: [Role!]! @relationship(type: "HELD", direction: OUT)
    skills: [Technology!]! @relationship(type: "SKILLED_IN", direction: OUT)
    education: [Education!]! @relationship(type: "STUDIED", direction: OUT)
  }
  type Role @node {
    id: ID!
    title: String
    start: String
    end: String
    startOrd: Int
    current: Boolean
    company: [Company!]! @relationship(type: "AT", direction: OUT)
    technologies: [Technology!]! @relationship(type: "USED", direction: OUT)
  }
  type Company @node {
    id: ID!
    name: String
    aliases: [String!]
    parent: [Company!]! @relationship(type: "PART_OF", direction: OUT)
    names: [CompanyName!]! @relationship(type: "NAMES", direction: IN)
  }
  type CompanyName @node {
    key: String!
    company: [Company!]! @relationship(type: "NAMES", direction: OUT)
  }
  type Technology @node {
    id: ID!
    name: String
    aliases: [String!]
    category: String
    names: [TechnologyName!]! @relationship(type: "NAMES", direction: IN)
  }
  type TechnologyName @node {
    key: String!
    technology: [Technology!]! @relationship(type: "NAMES", direction: OUT)
  }
  type Education @node {
    id: ID!
    school: String
  }
`;

// A company "or one of its subsidiaries", as far as nested filters reach: the company, its parent, or
// its parent's parent is named $key (careergraph follows PART_OF up to four levels).
const inFamily = (v: string) => `{ OR: [
  { names: { some: { key: { eq: ${v} } } } },
  { parent: { some: { names: { some: { key: { eq: ${v} } } } } } },
  { parent: { some: { parent: { some: { names: { some: { key: { eq: ${v} } } } } } } } }
] }`;
const workedAt = (v: string) => `{ roles: { some: { company: { some: ${inFamily(v)} } } } }`;
const usedTech = (v: string) => `{ OR: [
  { skills: { some: { names: { some: { key: { eq: ${v} } } } } } },
  { roles: { some: { technologies: { some: { names: { some: { key: { eq: ${v} } } } } } } } }
] }`;

/** A question both APIs can ask, and how the peer asks it. */
interface PeerQuestion {
  op: string;
  /** What the peer's answer lacks, when it answers a weaker question. */
  note?: string;
  query: string;
  vars: (v: Record<string, unknown>) => Record<string, unknown>;
}

const lower = (s: unknown) => String(s).trim().toLowerCase();

export const PEER_QUESTIONS: PeerQuestion[] = [
  {
    op: 'person',
    query: 'query ($id: ID!) { people(where: { id: { eq: $id } }) { id name email location headline } }',
    vars: (v) => ({ id: v.id }),
  },
  {
    op: 'company',
    note: 'by the name as typed (no alias or legal-suffix resolution)',
    query:
      'query ($key: String!) { companyNames(where: { key: { eq: $key } }, limit: 1) { company { id name aliases } } }',
    vars: (v) => ({ key: lower(v.name) }),
  },
  {
    op: 'technology',
    note: 'by the name as typed (no alias resolution)',
    query:
      'query ($key: String!) { technologyNames(where: { key: { eq: $key } }, limit: 1) { technology { id name aliases category } } }',
    vars: (v) => ({ key: lower(v.name) }),
  },
  {
    op: 'careerTransitions',
    note: 'people who worked at both families, in any order, no gap; nested filters cannot compare two roles’ dates',
    query: `query ($from: String!, $to: String!) {
      peopleConnection(first: 20, sort: [{ name: ASC }], where: { AND: [${workedAt('$from')}, ${workedAt('$to')}] }) {
        totalCount edges { node { id } } } }`,
    vars: (v) => ({ from: lower(v.from), to: lower(v.to) }),
  },
  {
    op: 'peopleByCompany',
    query: `query ($c: String!) { peopleConnection(first: 20, sort: [{ name: ASC }], where: ${workedAt('$c')}) {
      totalCount edges { node { id name } } } }`,
    vars: (v) => ({ c: lower(v.c) }),
  },
  {
    op: 'peopleByTechnology',
    query: `query ($t: String!) { peopleConnection(first: 20, sort: [{ name: ASC }], where: ${usedTech('$t')}) {
      totalCount edges { node { id name } } } }`,
    vars: (v) => ({ t: lower(v.t) }),
  },
  {
    op: 'technologyOverlap',
    note: 'both people’s technologies fetched; the Jaccard index and months left to the client',
    query: `query ($ids: [ID!]!) { people(where: { id: { in: $ids } }) { id
      roles { start end technologies { id } } skills { id } } }`,
    vars: (v) => ({ ids: [v.a, v.b] }),
  },
];

/** careergraph and the peer on the same requests, both over HTTP through Apollo Server and Express. */
export interface PeerResult {
  op: string;
  note?: string;
  requests: number;
  careergraph: Percentiles;
  peer: Percentiles;
  peerErrors: number;
  /** peer p50 ÷ careergraph p50 (above 1: careergraph faster). */
  speedup: number;
  speedupP99: number;
}

/** Serves @neo4j/graphql's generated API over HTTP in this process, as careergraph is served. */
async function startPeer(driver: Driver, database: string) {
  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  const schema = await neoSchema.getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * For each question both can ask: the same workload requests to careergraph's HTTP API (its lean
 * document) and to the peer's, alternating which goes first. The first 5% are warm-up.
 */
export async function comparePeer(
  workloads: Map<string, WorkItem[]>,
  ourUrl: string,
  driver: Driver,
  database: string,
  maxRequests: number,
  budgetSeconds: number,
): Promise<PeerResult[]> {
  const peer = await startPeer(driver, database);
  const out: PeerResult[] = [];
  try {
    for (const question of PEER_QUESTIONS) {
      const op = OPERATIONS.find((o) => o.name === question.op);
      const items = (workloads.get(question.op) ?? []).slice(0, maxRequests);
      if (!op || items.length === 0) continue;
      const ours: number[] = [];
      const theirs: number[] = [];
      let peerErrors = 0;
      let firstError: unknown;
      const warmup = Math.max(5, Math.floor(items.length * 0.05));
      const started = performance.now();
      for (const [i, item] of items.entries()) {
        const runOurs = async () => {
          const t = performance.now();
          await postGraphQL(ourUrl, op.lean, item.vars);
          if (i >= warmup) ours.push(performance.now() - t);
        };
        const runPeer = async () => {
          const t = performance.now();
          try {
            const r = await postGraphQL(peer.url, question.query, question.vars(item.vars));
            if (r.errors?.length) {
              peerErrors++;
              firstError ??= r.errors[0];
            }
          } catch (error) {
            peerErrors++;
            firstError ??= error;
          }
          if (i >= warmup) theirs.push(performance.now() - t);
        };
        if (i % 2 === 0) {
          await runOurs();
          await runPeer();
        } else {
          await runPeer();
          await runOurs();
        }
        if ((performance.now() - started) / 1000 > budgetSeconds) break;
      }
      const c = percentiles(ours);
      const p = percentiles(theirs);
      out.push({
        op: question.op,
        ...(question.note ? { note: question.note } : {}),
        requests: ours.length,
        careergraph: c,
        peer: p,
        peerErrors,
        speedup: p.p50 / c.p50,
        speedupP99: p.p99 / c.p99,
      });
      log(
        `peer ${question.op}: p50 careergraph ${c.p50.toFixed(2)} vs @neo4j/graphql ${p.p50.toFixed(2)} ms; ` +
          `p99 ${c.p99.toFixed(1)} vs ${p.p99.toFixed(1)} ms` +
          (peerErrors
            ? `; ${peerErrors} peer errors, first: ${JSON.stringify(firstError).slice(0, 300)}`
            : ''),
      );
    }
  } finally {
    await peer.close();
  }
  return out;
}
