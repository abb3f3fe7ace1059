import { createRandom, cumulative } from '../../src/gen/random.ts';
import { log } from '../lib/log.ts';
import type { BenchInstance } from '../lib/neo4jInstance.ts';
import { type Percentiles, percentiles } from '../lib/stats.ts';
import { type IngestResult, ingestCorpus } from './ingest.ts';
import { postGraphQL } from './latency.ts';
import { LOAD_MIX } from './load.ts';
import { OPERATIONS } from './operations.ts';
import type { WorkItem } from './workload.ts';

/** Read latency with the database idle and while a corpus is being ingested. */
export interface ReadsDuringIngestResult {
  extraPeople: number;
  idle: Percentiles;
  during: Percentiles;
  errorsDuring: number;
  ingest: IngestResult;
  /** during p99 ÷ idle p99. */
  p99Ratio: number;
}

/**
 * One client reading in a loop (the load mix, one request at a time, over HTTP): first for
 * `idleSeconds` with nothing else running, then for as long as `careergraph ingest` of another corpus
 * runs against the same database.
 */
export async function readsDuringIngest(
  instance: BenchInstance,
  url: string,
  workloads: Map<string, WorkItem[]>,
  extraCorpusDir: string,
  extraPeople: number,
  options: { idleSeconds: number; batchSize: number; concurrency: number; seed: number },
): Promise<ReadsDuringIngestResult> {
  const ops = Object.keys(LOAD_MIX).filter((op) => (workloads.get(op)?.length ?? 0) > 0);
  const weights = cumulative(ops.map((op) => LOAD_MIX[op] ?? 0));
  const docs = new Map(OPERATIONS.map((o) => [o.name, o.lean]));
  const random = createRandom(options.seed, 'reads-during-ingest');
  let errors = 0;
  const readOnce = async (into: number[]) => {
    const op = ops[random.weightedIndex(weights)] as string;
    const item = random.pick(workloads.get(op) as WorkItem[]);
    const t = performance.now();
    try {
      const r = await postGraphQL(url, docs.get(op) as string, item.vars);
      if (r.errors?.length) errors++;
    } catch {
      errors++;
    }
    into.push(performance.now() - t);
  };
  const idle: number[] = [];
  const idleUntil = performance.now() + options.idleSeconds * 1000;
  while (performance.now() < idleUntil) await readOnce(idle);
  errors = 0;
  log(
    `reads during ingest: idle p99 ${percentiles(idle).p99.toFixed(1)} ms; ingesting ${extraPeople} more people`,
  );
  const during: number[] = [];
  let finished = false;
  const ingest = ingestCorpus(instance, extraCorpusDir, {
    batchSize: options.batchSize,
    concurrency: options.concurrency,
  }).finally(() => {
    finished = true;
  });
  while (!finished) await readOnce(during);
  const ingestResult = await ingest;
  const idleP = percentiles(idle);
  const duringP = percentiles(during);
  log(
    `reads during ingest: p50 ${duringP.p50.toFixed(1)} ms, p99 ${duringP.p99.toFixed(1)} ms (idle ${idleP.p99.toFixed(1)})`,
  );
  return {
    extraPeople,
    idle: idleP,
    during: duringP,
    errorsDuring: errors,
    ingest: ingestResult,
    p99Ratio: duringP.p99 / idleP.p99,
  };
}
