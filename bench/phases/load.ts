import autocannon from 'autocannon';
import { createRandom, cumulative } from '../../src/gen/random.ts';
import { log } from '../lib/log.ts';
import { OPERATIONS } from './operations.ts';
import type { WorkItem } from './workload.ts';

/** The mixed load run: constant rate, fixed duration. */
export interface LoadResult {
  targetRate: number;
  seconds: number;
  connections: number;
  requests: number;
  /** Mean requests per second actually completed. */
  heldRate: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: { socket: number; timeouts: number; non2xx: number; graphql: number };
  mix: Record<string, number>;
}

/**
 * What share of the load each operation takes: reads of single entities dominate, as in the explorer.
 * similarPeople is left out: it scores everyone who shares a technology (about a second at 10k people,
 * growing with the graph, see the latency table), so at 5% of 200 req/s it alone would need more cores
 * than the machine has; the report says so rather than let it hide what the rest of the API sustains.
 */
export const LOAD_MIX: Record<string, number> = {
  person: 0.25,
  company: 0.15,
  careerTransitions: 0.15,
  peopleByCompany: 0.1,
  search: 0.1,
  technology: 0.05,
  technologyOverlap: 0.05,
  colleagues: 0.05,
  talentFlow: 0.05,
};

/** Operations the load run leaves out, with why (printed in the report). */
export const LEFT_OUT_OF_LOAD: Record<string, string> = {
  similarPeople:
    'scores everyone who shares a technology with the person: its cost grows with the graph (see the latency table)',
};

/**
 * autocannon against a running server at a constant overall rate, each request drawn from the mix
 * (the lean document of a random workload item of that operation). GraphQL errors in a 200 response
 * count as errors too.
 */
export async function loadRun(
  url: string,
  workloads: Map<string, WorkItem[]>,
  options: { rate: number; seconds: number; connections: number; seed: number },
): Promise<LoadResult> {
  const ops = Object.keys(LOAD_MIX).filter((op) => (workloads.get(op)?.length ?? 0) > 0);
  const weights = cumulative(ops.map((op) => LOAD_MIX[op] ?? 0));
  const random = createRandom(options.seed, 'load');
  const docs = new Map(OPERATIONS.map((o) => [o.name, o.lean]));
  const sent: Record<string, number> = {};
  let graphqlErrors = 0;
  const nextBody = () => {
    const op = ops[random.weightedIndex(weights)] as string;
    const item = random.pick(workloads.get(op) as WorkItem[]);
    sent[op] = (sent[op] ?? 0) + 1;
    return JSON.stringify({ query: docs.get(op), variables: item.vars });
  };
  log(`load: ${options.rate} req/s for ${options.seconds} s over ${options.connections} connections`);
  const result = await autocannon({
    url,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: nextBody() }),
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  const out: LoadResult = {
    targetRate: options.rate,
    seconds: options.seconds,
    connections: options.connections,
    requests: result.requests.total,
    heldRate: result.requests.total / result.duration,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: {
      socket: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphql: graphqlErrors,
    },
    mix: sent,
  };
  log(
    `load: held ${out.heldRate.toFixed(1)} req/s, p50 ${out.latency.p50} ms, p99 ${out.latency.p99} ms, errors ${JSON.stringify(out.errors)}`,
  );
  return out;
}
