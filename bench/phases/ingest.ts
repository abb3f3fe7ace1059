import path from 'node:path';
import { processCpuSeconds, runMeasured } from '../lib/child.ts';
import { log } from '../lib/log.ts';
import { type BenchInstance, childEnv, ROOT } from '../lib/neo4jInstance.ts';

/** One ingest of a whole corpus through `careergraph ingest`. */
export interface IngestResult {
  files: number;
  written: number;
  failed: number;
  warnings: number;
  seconds: number;
  resumesPerSecond: number;
  nodes: number;
  relationships: number;
  /** (nodes + relationships) / seconds. */
  elementsPerSecond: number;
  peakRssMiB: number | null;
  /** Resident memory at each tenth of the run (MiB): flat means streaming. */
  rssDeciles: number[];
  batchSize: number;
  concurrency: number;
  /**
   * CPU seconds spent per résumé by the ingest process and by Neo4j. On a machine shared with other
   * work, wall-clock rates fall with the load; CPU per résumé does not, and gives the rate two
   * dedicated cores would allow: the ingest process runs on one core (parsing is single-threaded),
   * Neo4j on whatever is left.
   */
  cpu: { ingestMsPerResume: number | null; neo4jMsPerResume: number | null; twoCoreBound: number | null };
}

/**
 * Ingests a corpus with the real CLI in a child process (`careergraph ingest DIR --json`), timing it
 * end to end (start-up, reading, parsing, writing) and reading the child's peak memory.
 */
export async function ingestCorpus(
  instance: BenchInstance,
  corpusDir: string,
  options: { batchSize: number; concurrency: number; onStart?: () => void },
): Promise<IngestResult> {
  log(
    `ingest: ${path.relative(ROOT, corpusDir)} (batch ${options.batchSize}, concurrency ${options.concurrency})`,
  );
  const neo4jPid = await instance.pid();
  const neo4jCpuBefore = neo4jPid ? await processCpuSeconds(neo4jPid) : null;
  const run = await runMeasured(
    process.execPath,
    [path.join(ROOT, 'bin/careergraph.js'), 'ingest', path.join(corpusDir, 'resumes'), '--json'],
    {
      cwd: ROOT,
      env: childEnv(instance.connection, {
        CAREERGRAPH_BATCH_SIZE: String(options.batchSize),
        CAREERGRAPH_CONCURRENCY: String(options.concurrency),
      }),
      onStart: options.onStart,
    },
  );
  if (run.code !== 0 && run.code !== 1) {
    throw new Error(`ingest exited with ${run.code}: ${run.stderr.slice(-2000)}`);
  }
  const summary = JSON.parse(run.stdout) as {
    files: number;
    written: number;
    errors: unknown[];
    warnings: unknown[];
  };
  const neo4jCpuAfter = neo4jPid ? await processCpuSeconds(neo4jPid) : null;
  const { nodes, relationships } = await instance.counts();
  const per = (cpu: number | null) =>
    cpu === null || summary.written === 0 ? null : (cpu * 1000) / summary.written;
  const ingestMs = per(run.cpuSeconds);
  const neo4jMs = per(
    neo4jCpuBefore !== null && neo4jCpuAfter !== null ? neo4jCpuAfter - neo4jCpuBefore : null,
  );
  const twoCoreBound =
    ingestMs !== null && neo4jMs !== null ? 1000 / Math.max(ingestMs, (ingestMs + neo4jMs) / 2) : null;
  const deciles = Array.from({ length: 10 }, (_, i) => {
    const at = run.rss[Math.min(run.rss.length - 1, Math.floor(((i + 1) / 10) * run.rss.length) - 1)];
    return at ? Math.round(at.MiB) : 0;
  });
  const result: IngestResult = {
    files: summary.files,
    written: summary.written,
    failed: summary.errors.length,
    warnings: summary.warnings.length,
    seconds: run.seconds,
    resumesPerSecond: summary.written / run.seconds,
    nodes,
    relationships,
    elementsPerSecond: (nodes + relationships) / run.seconds,
    peakRssMiB: run.peakRssMiB,
    rssDeciles: deciles,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    cpu: { ingestMsPerResume: ingestMs, neo4jMsPerResume: neo4jMs, twoCoreBound },
  };
  log(
    `ingest: ${result.written} written in ${result.seconds.toFixed(1)} s = ${result.resumesPerSecond.toFixed(0)} résumés/s, ` +
      `${result.elementsPerSecond.toFixed(0)} nodes+rels/s, peak RSS ${result.peakRssMiB?.toFixed(0)} MiB; CPU per résumé ` +
      `${ingestMs?.toFixed(2)} ms ingest + ${neo4jMs?.toFixed(2)} ms Neo4j (two-core bound ${twoCoreBound?.toFixed(0)}/s)`,
  );
  return result;
}
