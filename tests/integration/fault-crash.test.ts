import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { generateCorpus } from '../../src/gen/generateCorpus.ts';
import { createDriver } from '../../src/graph/driver.ts';
import { createLexicon } from '../../src/lexicon/lexicon.ts';
import { loadReferenceData } from '../../src/lexicon/loadReferenceData.ts';
import { type CliResult, cliEnv, ingestSummary, runCli, STACK_FRAME } from '../helpers/cli.ts';
import {
  countSources,
  duplicateRelationships,
  duplicates,
  factsBySource,
  seededRandom,
  until,
} from '../helpers/faults.ts';
import { dumpGraph, type GraphDump } from '../helpers/graphDump.ts';
import { type PrivateNeo4j, startPrivateNeo4j } from '../helpers/privateNeo4j.ts';

// Issue 6 §2 "Crashes and restarts", against a real Neo4j of this file's own (it is stopped, restarted
// and wiped here, so not the shared instance of tests/setup), with the real CLI in child processes:
//   1. an ingest killed with SIGKILL at seeded random moments, then run again, gives the graph of a
//      clean run (canonical dump), and every source in the graph is whole after each kill;
//   2. Neo4j stopped during an ingest: the CLI exits with a clear error (no stack trace, non-zero, in
//      seconds), a re-run completes, nothing is duplicated;
//   3. concurrent ingests of overlapping folders: no duplicate nodes, the graph of one clean ingest.
//
// CAREERGRAPH_FAULT_RUNS=50 kills 50 times (in rounds of 3 kills, each round ending with a full run and
// a comparison with the clean dump) and repeats the concurrent ingest; CAREERGRAPH_FAULT_SEED changes
// the seed of the delays.

const RUNS = Number(process.env.CAREERGRAPH_FAULT_RUNS ?? 3);
const LONG = RUNS > 3;
const SEED = Number(process.env.CAREERGRAPH_FAULT_SEED ?? 20261123);
const PEOPLE = 120;
const SHARD = 40;
const KILLS_PER_ROUND = 3;
/** Files the three concurrent runs are given: 2 + 2 + 3 folders of SHARD files. */
const FILES_OF_PLAN = 7 * SHARD;
/** Small batches: many commits per run, so a kill lands between (or in) writes, not before the first. */
const BATCH_SIZE = '10';
/** The time of the write: differs by design between two runs. */
const WRITE_TIME = ['Source.ingestedAt'];

const report = (message: string): void => void process.stderr.write(`[fault-crash] ${message}\n`);

let neo4j: PrivateNeo4j;
let driver: Driver;
let dir: string;
let corpus: string;
let shards: string[];
let clean: GraphDump;
let cleanFacts: Map<string, string>;
let cleanSeconds: number;
const fileStarted = performance.now();

const database = () => neo4j.connection.database;
const dump = () => dumpGraph(driver, { sourceKeyPrefix: '', ignore: WRITE_TIME, database: database() });
const sources = () => countSources(driver, database());
const ingest = (paths: string[]) =>
  runCli(['ingest', ...paths, '--json'], cliEnv(neo4j.connection, { CAREERGRAPH_BATCH_SIZE: BATCH_SIZE }));

/** Every source in the graph says exactly what it says after a clean run: no half-written résumé. */
async function expectEverySourceWhole(): Promise<number> {
  const now = await factsBySource(driver, database());
  for (const [key, facts] of now) expect({ key, facts }).toEqual({ key, facts: cleanFacts.get(key) });
  return now.size;
}

function expectCleanExit(run: CliResult): void {
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.code, run.stderr).toBe(0);
  expect(ingestSummary(run.stdout)?.errors).toEqual([]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'careergraph-fault-'));
  corpus = path.join(dir, 'corpus');
  const data = loadReferenceData(loadConfig().ingest.dataFiles);
  await generateCorpus(
    { people: PEOPLE, seed: 61, out: corpus, formats: ['txt', 'md', 'json'], shardSize: SHARD },
    data,
    createLexicon(data),
  );
  shards = ['0000', '0001', '0002'].map((s) => path.join(corpus, 'resumes', s));
  neo4j = await startPrivateNeo4j('fault-crash');
  driver = createDriver(neo4j.connection);

  // The reference: one clean ingest of the whole corpus into an empty graph.
  const run = await ingest([path.join(corpus, 'resumes')]).done;
  expectCleanExit(run);
  expect(ingestSummary(run.stdout)).toMatchObject({ files: PEOPLE, written: PEOPLE });
  cleanSeconds = run.seconds;
  clean = await dump();
  cleanFacts = await factsBySource(driver, database());
  expect(cleanFacts.size).toBe(PEOPLE);
  report(
    `clean ingest: ${PEOPLE} files in ${cleanSeconds.toFixed(1)} s → ${clean.nodes.length} nodes, ` +
      `${clean.relationships.length} relationships`,
  );
}, 300_000);

afterAll(async () => {
  await driver?.close();
  await neo4j?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  report(`file took ${((performance.now() - fileStarted) / 1000).toFixed(1)} s`);
}, 120_000);

describe('an ingest killed with SIGKILL, then run again (real CLI, real Neo4j)', () => {
  it(`gives the graph of a clean run, and after each of ${RUNS} kill(s) every written résumé is whole`, {
    timeout: 120_000 + RUNS * 60_000,
  }, async () => {
    const random = seededRandom(SEED);
    const kills: {
      round: number;
      target: number;
      afterMs: number;
      before: number;
      atKill: number;
      midIngest: boolean;
    }[] = [];
    let round = 0;
    let attempts = 0;
    while (kills.length < RUNS && attempts < RUNS * 3) {
      round++;
      await neo4j.wipe();
      for (let k = 0; k < KILLS_PER_ROUND && kills.length < RUNS; k++) {
        const before = await sources();
        if (before >= PEOPLE - 1) break;
        attempts++;
        // A seeded random moment of the writing: once a seeded number of résumés is in (at least one
        // more than before, at most 80% of what is left), plus a seeded delay of up to 300 ms, while other batches are
        // in flight.
        const target = before + 1 + Math.floor(random() * 0.8 * (PEOPLE - before - 1));
        const afterMs = Math.round(random() * 300);
        const run = ingest([path.join(corpus, 'resumes')]);
        let exited = false;
        void run.done.then(() => {
          exited = true;
        });
        const reached = await until(async () => exited || (await sources()) >= target, 120_000, 25);
        expect(reached, `the ingest did not reach ${target} sources within 120 s`).toBe(true);
        await sleep(afterMs);
        const killed = run.child.kill('SIGKILL');
        const result = await run.done;
        const atKill = await sources();
        const midIngest = killed && result.signal === 'SIGKILL' && atKill > before && atKill < PEOPLE;
        // A run that had already finished was not killed: it does not count as a kill.
        if (result.signal === 'SIGKILL') kills.push({ round, target, afterMs, before, atKill, midIngest });
        report(
          `round ${round} try ${k + 1}: ${afterMs} ms after ${target} sources, ${before} → ${atKill} of ${PEOPLE} written` +
            `${midIngest ? ' (killed mid-ingest)' : result.signal === 'SIGKILL' ? ' (killed, not mid-ingest)' : ` (finished first, exit ${result.code}: not counted as a kill)`}`,
        );
        // Nothing half-written: every source in the graph is whole, as a clean run writes it.
        expect(await expectEverySourceWhole()).toBe(atKill);
      }
      const last = await sources();
      const rerun = await ingest([path.join(corpus, 'resumes')]).done;
      expectCleanExit(rerun);
      expect(ingestSummary(rerun.stdout)).toMatchObject({
        files: PEOPLE,
        written: PEOPLE - last,
        unchanged: last,
      });
      expect(await duplicates(driver, database())).toEqual([]);
      expect(await duplicateRelationships(driver, database())).toEqual([]);
      expect(await dump()).toEqual(clean);
      report(
        `round ${round}: re-run wrote ${PEOPLE - last} in ${rerun.seconds.toFixed(1)} s; dump equals the clean run`,
      );
    }
    // Not vacuous: the kills happened, and at least one landed while the ingest was writing (some, not
    // all, written).
    expect(kills.length).toBe(RUNS);
    expect(kills.filter((k) => k.midIngest).length).toBeGreaterThanOrEqual(1);
    report(`${kills.length} kills, ${kills.filter((k) => k.midIngest).length} mid-ingest`);
  });
});

describe('Neo4j stopped during an ingest (real CLI, real Neo4j)', () => {
  it('the CLI exits with a clear error while it is down, a re-run completes, nothing is duplicated', {
    timeout: 300_000,
  }, async () => {
    await neo4j.wipe();
    const run = ingest([path.join(corpus, 'resumes')]);
    const started = await until(async () => (await sources()) >= 10, 90_000, 25);
    expect(started, 'the ingest wrote nothing within 90 s').toBe(true);
    const stopAt = performance.now();
    try {
      const stopSeconds = await neo4j.stop();
      report(`Neo4j stopped (SIGTERM) in ${stopSeconds.toFixed(1)} s during the ingest`);
      // Neo4j stays down until the CLI has given up: it must not hang.
      const exited = await Promise.race([
        run.done,
        new Promise<undefined>((resolve) => setTimeout(resolve, 120_000)),
      ]);
      const downSeconds = (performance.now() - stopAt) / 1000;
      if (!exited) run.child.kill('SIGKILL');
      expect(exited, 'the CLI still runs 120 s after Neo4j was stopped').toBeDefined();
      const result = exited as CliResult;
      report(
        `CLI exited ${downSeconds.toFixed(1)} s after the stop began, code ${result.code}: ${result.stderr.trim()}`,
      );
      expect(result.code).not.toBe(0);
      expect(result.signal).toBeNull();
      expect(result.stderr).not.toMatch(STACK_FRAME);
      // The reason is named: Neo4j is unavailable, and what to do.
      expect(result.stderr).toMatch(/Neo4j/);
      expect(result.stderr).toMatch(/unavailable|cannot reach|not reachable|connection/i);
      expect(result.stderr).toMatch(/again/i);
    } finally {
      if (!(await neo4j.running())) {
        const restartSeconds = await neo4j.start();
        report(`Neo4j started again in ${restartSeconds.toFixed(1)} s`);
      }
    }
    const written = await expectEverySourceWhole();
    expect(written).toBeGreaterThanOrEqual(10);
    expect(written).toBeLessThan(PEOPLE);
    const rerun = await ingest([path.join(corpus, 'resumes')]).done;
    expectCleanExit(rerun);
    expect(ingestSummary(rerun.stdout)).toMatchObject({
      files: PEOPLE,
      written: PEOPLE - written,
      unchanged: written,
    });
    expect(await duplicates(driver, database())).toEqual([]);
    expect(await duplicateRelationships(driver, database())).toEqual([]);
    expect(await dump()).toEqual(clean);
    report(
      `${written} of ${PEOPLE} written before the outage; re-run wrote the rest in ${rerun.seconds.toFixed(1)} s`,
    );
  });
});

describe('concurrent ingests of overlapping folders (real CLI, real Neo4j)', () => {
  it('write no duplicate Company, Technology, Person or Source and give the graph of one clean ingest', {
    timeout: 300_000,
  }, async () => {
    for (let attempt = 1; attempt <= (LONG ? 5 : 1); attempt++) {
      await neo4j.wipe();
      const [a, b, c] = shards as [string, string, string];
      // Started at the same moment: all three begin with folder a (the same files at the same time),
      // then two of them write b and two write c.
      const plan = [
        [a, b],
        [a, c],
        [a, b, c],
      ];
      const started = performance.now();
      const results = await Promise.all(plan.map((paths) => ingest(paths).done));
      const seconds = (performance.now() - started) / 1000;
      for (const r of results) expectCleanExit(r);
      const summaries = results.map((r) => ingestSummary(r.stdout));
      const written = summaries.reduce((n, s) => n + (s?.written ?? 0), 0);
      const unchanged = summaries.reduce((n, s) => n + (s?.unchanged ?? 0), 0);
      report(
        `attempt ${attempt}: 3 ingests of overlapping folders (${FILES_OF_PLAN} files) at once in ${seconds.toFixed(1)} s: ` +
          `${written} written, ${unchanged} unchanged`,
      );
      expect(written + unchanged).toBe(FILES_OF_PLAN);
      expect(await sources()).toBe(PEOPLE);
      expect(await duplicates(driver, database())).toEqual([]);
      expect(await duplicateRelationships(driver, database())).toEqual([]);
      expect(await dump()).toEqual(clean);
    }
  });
});
