import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { type CareerGraph, createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { executeOperation } from '../../src/api/executeOperation.ts';
import { createHttpServer, type RunningHttpServer } from '../../src/api/httpServer.ts';
import { loadConfig } from '../../src/config.ts';
import { cypher } from '../../src/graph/cypherFiles.ts';
import { toCypherParams, toPlain } from '../../src/graph/plain.ts';
import type { Lexicon } from '../../src/lexicon/lexicon.ts';
import { log } from '../lib/log.ts';
import { type Percentiles, percentiles } from '../lib/stats.ts';
import { OPERATIONS, type Operation } from './operations.ts';
import type { WorkItem } from './workload.ts';

/** One operation measured raw, in-process and over HTTP on the same requests, interleaved. */
export interface LatencyResult {
  op: string;
  point: boolean;
  requests: number;
  raw: Percentiles;
  inProcess: Percentiles;
  http: Percentiles;
  /** The `full` document over HTTP, when the operation has one (nested fields through DataLoaders). */
  httpFull?: Percentiles;
  errors: { raw: number; inProcess: number; http: number };
  /** Requests whose GraphQL totalCount differed from the raw query's (should be 0). */
  mismatches: number;
  /** HTTP p50 ÷ raw p50, and HTTP p50 − raw p50 in ms. */
  httpOverRaw: { ratio: number; plusMs: number };
  inProcessOverRaw: { ratio: number; plusMs: number };
}

/** The API served over HTTP in this process, as `serve` does (logs discarded, not switched off). */
export interface HttpTarget {
  url: string;
  careerGraph: CareerGraph;
  close(): Promise<void>;
}

export async function startHttpTarget(
  driver: Driver,
  database: string,
  lexicon: Lexicon,
): Promise<HttpTarget> {
  const config = loadConfig();
  const careerGraph = createCareerGraph({ driver, database, lexicon, config });
  const logger = pino({ level: config.api.logLevel }, pino.destination('/dev/null'));
  const server = await createHttpServer(careerGraph, {
    production: config.api.production,
    introspection: config.api.introspection,
    bodyLimit: config.api.bodyLimit,
    logger,
  });
  const running: RunningHttpServer = await server.start(0);
  return { url: running.url, careerGraph, close: () => running.close() };
}

/** POSTs one GraphQL request; resolves to the parsed body. */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok && !body.errors) throw new Error(`HTTP ${response.status}`);
  return body;
}

/** Runs an operation's raw Cypher file in a read transaction, rows converted as the API converts them. */
export async function runRaw(
  driver: Driver,
  database: string,
  op: Operation,
  vars: Record<string, unknown>,
  lexicon: Lexicon,
): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead(
      (tx) => tx.run(cypher(op.raw.file), toCypherParams(op.raw.params(vars, lexicon))),
      { timeout: loadConfig().api.queryTimeoutMs },
    );
    return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  } finally {
    await session.close();
  }
}

const totalCountOf = (data: unknown): number | undefined => {
  const root = data && typeof data === 'object' ? Object.values(data as object)[0] : undefined;
  return root && typeof root === 'object' && 'totalCount' in root
    ? (root as { totalCount: number }).totalCount
    : undefined;
};

/**
 * Measures one operation three ways over the same fixed requests: the raw Cypher file through the
 * driver, the in-process GraphQL call (parse, validate, execute), and GraphQL over HTTP to the real
 * server. The three run back to back for each request, in rotating order, so drift in machine load
 * affects them alike. The first 5% are warm-up. Stops early when `budgetSeconds` is spent.
 */
export async function measureOperation(
  op: Operation,
  items: WorkItem[],
  target: HttpTarget,
  driver: Driver,
  database: string,
  lexicon: Lexicon,
  budgetSeconds: number,
): Promise<LatencyResult> {
  const times = { raw: [] as number[], inProcess: [] as number[], http: [] as number[] };
  const errors = { raw: 0, inProcess: 0, http: 0 };
  let mismatches = 0;
  // Warm-up: the first 5% of the requests (at least 3), or whatever the first 10% of the budget allows
  // for a slow operation, so that it still has measured requests.
  let warmup = Math.max(3, Math.floor(items.length * 0.05));
  const started = performance.now();
  let done = 0;
  for (const [i, item] of items.entries()) {
    if (i < warmup && i >= 3 && (performance.now() - started) / 1000 > budgetSeconds / 10) warmup = i;
    const counts: Partial<Record<keyof typeof times, number | undefined>> = {};
    const modes: (keyof typeof times)[] = ['raw', 'inProcess', 'http'];
    for (let k = 0; k < 3; k++) {
      const mode = modes[(i + k) % 3] as keyof typeof times;
      const t = performance.now();
      try {
        if (mode === 'raw') {
          const rows = await runRaw(driver, database, op, item.vars, lexicon);
          counts.raw = rows[0] && 'totalCount' in rows[0] ? (rows[0].totalCount as number) : undefined;
        } else if (mode === 'inProcess') {
          const r = await executeOperation(target.careerGraph, { query: op.lean, variables: item.vars });
          if (r.errors?.length) errors.inProcess++;
          counts.inProcess = totalCountOf(r.data);
        } else {
          const r = await postGraphQL(target.url, op.lean, item.vars);
          if (r.errors?.length) errors.http++;
          counts.http = totalCountOf(r.data);
        }
      } catch {
        errors[mode]++;
      }
      if (i >= warmup) times[mode].push(performance.now() - t);
    }
    if (counts.raw !== undefined && (counts.raw !== counts.inProcess || counts.raw !== counts.http))
      mismatches++;
    done++;
    if ((performance.now() - started) / 1000 > budgetSeconds) break;
  }
  let httpFull: Percentiles | undefined;
  if (op.full) {
    const full: number[] = [];
    for (const item of items.slice(0, Math.min(300, done))) {
      const t = performance.now();
      await postGraphQL(target.url, op.full, item.vars).catch(() => undefined);
      full.push(performance.now() - t);
    }
    httpFull = percentiles(full.slice(10));
  }
  const raw = percentiles(times.raw);
  const inProcess = percentiles(times.inProcess);
  const http = percentiles(times.http);
  const result: LatencyResult = {
    op: op.name,
    point: op.point ?? false,
    requests: times.raw.length,
    raw,
    inProcess,
    http,
    ...(httpFull ? { httpFull } : {}),
    errors,
    mismatches,
    httpOverRaw: { ratio: http.p50 / raw.p50, plusMs: http.p50 - raw.p50 },
    inProcessOverRaw: { ratio: inProcess.p50 / raw.p50, plusMs: inProcess.p50 - raw.p50 },
  };
  log(
    `latency ${op.name}: n=${result.requests} p50 raw ${raw.p50.toFixed(2)} / in-process ${inProcess.p50.toFixed(2)} / ` +
      `HTTP ${http.p50.toFixed(2)} ms; p99 raw ${raw.p99.toFixed(1)} / HTTP ${http.p99.toFixed(1)} ms` +
      (errors.raw + errors.inProcess + errors.http ? `; errors ${JSON.stringify(errors)}` : '') +
      (mismatches ? `; ${mismatches} mismatches` : ''),
  );
  return result;
}

/** Every operation, each on its own fixed workload. */
export async function measureLatencies(
  workloads: Map<string, WorkItem[]>,
  target: HttpTarget,
  driver: Driver,
  database: string,
  lexicon: Lexicon,
  budgetSeconds: (op: string) => number,
): Promise<LatencyResult[]> {
  const out: LatencyResult[] = [];
  for (const op of OPERATIONS) {
    const items = workloads.get(op.name);
    if (!items?.length) continue;
    out.push(await measureOperation(op, items, target, driver, database, lexicon, budgetSeconds(op.name)));
  }
  return out;
}

/**
 * careerTransitions between one fixed pair (the two largest families) through the raw driver, `n`
 * times after a warm-up: the point question whose growth with the graph the report follows.
 */
export async function measureFixedPair(
  driver: Driver,
  database: string,
  lexicon: Lexicon,
  pair: [string, string],
  n = 60,
): Promise<{ from: string; to: string; totalCount: number; raw: Percentiles }> {
  const op = OPERATIONS.find((o) => o.name === 'careerTransitions') as Operation;
  const vars = { from: pair[0], to: pair[1] };
  const times: number[] = [];
  let totalCount = 0;
  for (let i = 0; i < n + 5; i++) {
    const t = performance.now();
    const rows = await runRaw(driver, database, op, vars, lexicon);
    if (i >= 5) times.push(performance.now() - t);
    totalCount = Number(rows[0]?.totalCount ?? 0);
  }
  const raw = percentiles(times);
  log(`fixed pair ${pair[0]} → ${pair[1]}: ${totalCount} moves, raw p50 ${raw.p50.toFixed(1)} ms`);
  return { from: pair[0], to: pair[1], totalCount, raw };
}
