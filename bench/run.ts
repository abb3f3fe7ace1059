import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createLexicon } from '../src/lexicon/lexicon.ts';
import { loadReferenceData } from '../src/lexicon/loadReferenceData.ts';
import { parseBenchArgs } from './lib/args.ts';
import { ensureCorpus } from './lib/corpus.ts';
import { log } from './lib/log.ts';
import { BenchInstance, ROOT } from './lib/neo4jInstance.ts';
import type { BenchResults, SizeResult } from './lib/results.ts';
import { startServeChild } from './lib/serveChild.ts';
import { adminImport } from './phases/adminImport.ts';
import { ingestCorpus } from './phases/ingest.ts';
import { measureFixedPair, measureLatencies, startHttpTarget } from './phases/latency.ts';
import { loadRun } from './phases/load.ts';
import { naiveBaseline } from './phases/naive.ts';
import { OPERATIONS } from './phases/operations.ts';
import { parseThroughput } from './phases/parse.ts';
import { comparePeer } from './phases/peer.ts';
import { profileQueries } from './phases/profile.ts';
import { readsDuringIngest } from './phases/readsDuringIngest.ts';
import { workloadFor, workloadSource } from './phases/workload.ts';
import { renderMarkdown } from './report/markdown.ts';
import { renderSvg } from './report/svg.ts';

/**
 * `npm run bench`: for each graph size, generate a corpus, then measure parsing, ingestion (against a
 * naive loader and neo4j-admin import), query plans, latency of every operation three ways, the
 * @neo4j/graphql peer, and a constant-rate load run; at the largest size, reads during an ingest.
 * Writes bench/results/<date>.json, .md and .svg after every size, so a long run keeps what it measured.
 */
async function main(): Promise<void> {
  const opts = parseBenchArgs(process.argv.slice(2));
  const config = loadConfig();
  const data = loadReferenceData(config.ingest.dataFiles);
  const lexicon = createLexicon(data);
  const ingestSettings = {
    batchSize: opts.batchSize ?? config.ingest.batchSize,
    concurrency: opts.concurrency ?? config.ingest.concurrency,
  };
  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const outDir = path.resolve(ROOT, opts.out);
  await mkdir(outDir, { recursive: true });
  const results: BenchResults = {
    date,
    startedAt: now.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '?',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      neo4j: config.local.version,
      neo4jHeap: opts.heap,
      neo4jPageCache: opts.pageCache,
      loadAverage: { start: os.loadavg()[0] ?? 0 },
    },
    options: { ...opts, skip: [...opts.skip] },
    ingestSettings,
    sizes: [],
  };
  const save = async () => {
    results.machine.loadAverage.end = os.loadavg()[0] ?? 0;
    results.finishedAt = new Date().toISOString();
    const base = path.join(outDir, date);
    await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(`${base}.svg`, renderSvg(results));
    await writeFile(`${base}.md`, renderMarkdown(results, `${date}.svg`));
    log(`results written to ${path.relative(ROOT, base)}.{json,md,svg}`);
  };
  const skip = (phase: string) => opts.skip.has(phase);
  const instance = new BenchInstance(path.resolve(ROOT, opts.home), {
    heap: opts.heap,
    pageCache: opts.pageCache,
  });
  await instance.start({ fresh: true });
  try {
    for (const [index, people] of opts.sizes.entries()) {
      log(`=== ${people} people ===`);
      const size: SizeResult = { people };
      results.sizes.push(size);
      const corpus = await ensureCorpus(people, opts.seed, opts.formats);
      size.corpus = {
        dir: path.relative(ROOT, corpus.dir),
        generatedSeconds: corpus.generatedSeconds,
        roles: corpus.manifest.roles,
        files: corpus.manifest.files,
        largestFamilies: corpus.manifest.largestFamilies
          .slice(0, 10)
          .map(({ name, people: n }) => ({ name, people: n })),
      };
      if (!skip('parse')) size.parse = await parseThroughput(corpus.dir, opts.parseSample, data, lexicon);
      // The naive loader writes ~80 auto-commit transactions per résumé: minutes for a few hundred, and its
      // rate does not depend on the corpus, so it runs once, at the first size.
      if (!skip('naive') && index === 0) {
        size.naive = await naiveBaseline(instance, corpus.dir, opts.naive, lexicon, ingestSettings);
      }
      if (skip('ingest')) {
        await save();
        continue;
      }
      await instance.reset();
      size.ingest = await ingestCorpus(instance, corpus.dir, ingestSettings);
      await save();
      if (!skip('import')) {
        size.adminImport = await adminImport(
          instance,
          path.join(ROOT, '.careergraph', 'bench-import'),
          people,
        );
      }
      const source = await workloadSource(corpus.dir, opts.seed);
      const workloads = new Map(
        OPERATIONS.map((o) => [
          o.name,
          workloadFor(o.name, o.name === 'careerTransitions' ? opts.pairs : opts.requests, source, opts.seed),
        ]),
      );
      const { driver } = instance;
      const database = instance.connection.database;
      if (!skip('profile')) size.profile = await profileQueries(driver, database, source, lexicon);
      if (!skip('latency') || !skip('peer')) {
        const target = await startHttpTarget(driver, database, lexicon);
        try {
          if (!skip('latency')) {
            size.latency = await measureLatencies(workloads, target, driver, database, lexicon, (op) =>
              op === 'careerTransitions' ? opts.pairsBudget : opts.opBudget,
            );
            size.fixedPair = await measureFixedPair(driver, database, lexicon, source.fixedPair);
            await save();
          }
          if (!skip('peer')) {
            size.peer = await comparePeer(
              workloads,
              target.url,
              driver,
              database,
              opts.peerRequests,
              opts.opBudget,
            );
          }
        } finally {
          await target.close();
        }
      }
      const last = index === opts.sizes.length - 1;
      const reads = last && !skip('reads') && opts.readsDuringIngest > 0;
      if (!skip('load') || reads) {
        const serve = await startServeChild(instance);
        try {
          if (!skip('load')) {
            size.load = await loadRun(serve.url, workloads, {
              rate: opts.loadRate,
              seconds: opts.loadSeconds,
              connections: opts.loadConnections,
              seed: opts.seed,
            });
          }
          if (reads) {
            const extra = await ensureCorpus(opts.readsDuringIngest, opts.seed + 1000, opts.formats);
            const r = await readsDuringIngest(
              instance,
              serve.url,
              workloads,
              extra.dir,
              opts.readsDuringIngest,
              {
                idleSeconds: Math.min(30, opts.loadSeconds),
                ...ingestSettings,
                seed: opts.seed,
              },
            );
            results.readsDuringIngest = { ...r, atPeople: people };
          }
        } finally {
          await serve.stop();
        }
      }
      await save();
    }
  } finally {
    if (!opts.keep) await instance.stop();
    await save();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
