import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { dumpGraph, type GraphDump } from '../helpers/graphDump.ts';
import { testConnection, testDriver } from '../helpers/neo4j.ts';

// Issue 6 §2: ingesting the same corpus twice gives the same graph, compared as a canonical dump of every
// node and relationship the corpus made (labels, properties, endpoints by stable id), not as counts.

const root = path.resolve(import.meta.dirname, '../..');
/** The time of the write: the only property that differs, by design, when a wiped corpus is written again. */
const WRITE_TIME = ['Source.ingestedAt'];

interface Summary {
  files: number;
  written: number;
  unchanged: number;
  errors: { file: string; reason: string }[];
}

function ingestCli(
  dir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; summary: Summary; stderr: string }> {
  const conn = testConnection();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/careergraph.js', 'ingest', dir, '--json'], {
      cwd: root,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, summary: JSON.parse(stdout) as Summary, stderr });
      } catch {
        reject(new Error(`ingest printed no JSON summary (exit ${code}): ${stderr}`));
      }
    });
  });
}

let dir: string;
let prefix: string;
let driver: Driver;
let files: number;
let first: GraphDump;

const dump = (ignore: string[] = []) =>
  dumpGraph(driver, { sourceKeyPrefix: prefix, ignore, database: testConnection().database });

async function ourSourceIds(): Promise<string[]> {
  const { records } = await driver.executeQuery(
    'MATCH (s:Source) WHERE s.key STARTS WITH $prefix RETURN s.id AS id',
    { prefix },
    { database: testConnection().database },
  );
  return records.map((r) => r.get('id') as string);
}

beforeAll(() => {
  driver = testDriver();
  // A private copy: its sources (keyed by path) are this test's alone, on a shared database.
  dir = mkdtempSync(path.join(tmpdir(), 'careergraph-idempotence-'));
  cpSync(path.join(root, 'tests/fixtures/resumes'), dir, {
    recursive: true,
    filter: (f) => !f.endsWith('.json') && !f.endsWith('README.md'),
  });
  cpSync(path.join(root, 'tests/fixtures/resumes2'), path.join(dir, 'more'), {
    recursive: true,
    filter: (f) => !f.endsWith('.json') && !f.endsWith('README.md'),
  });
  prefix = path.relative(root, dir).split(path.sep).join('/');
});

afterAll(async () => {
  await deleteSources(driver, await ourSourceIds());
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting the same corpus twice (real CLI, real Neo4j)', { timeout: 120_000 }, () => {
  it('writes the corpus once', async () => {
    const run = await ingestCli(dir);
    expect(run.summary.errors).toEqual([]);
    expect(run.code).toBe(0);
    files = run.summary.files;
    expect(files).toBeGreaterThan(20);
    expect(run.summary.written).toBe(files);
    first = await dump();
    expect(first.nodes.filter((n) => n.labels.includes('Source'))).toHaveLength(files);
    expect(first.nodes.filter((n) => n.labels.includes('Role')).length).toBeGreaterThan(50);
    expect(first.relationships.length).toBeGreaterThan(first.nodes.length);
    process.stderr.write(
      `[idempotence] ${files} files → ${first.nodes.length} nodes, ${first.relationships.length} relationships\n`,
    );
  });

  it('skips every file the second time and the graph is identical, write times included', async () => {
    const run = await ingestCli(dir);
    expect(run.code).toBe(0);
    expect(run.summary).toMatchObject({ files, written: 0, unchanged: files });
    expect(await dump()).toEqual(first);
  });

  const withoutTime = (d: GraphDump): GraphDump =>
    JSON.parse(
      JSON.stringify({
        nodes: d.nodes.map((n) =>
          n.labels.includes('Source') ? { ...n, props: { ...n.props, ingestedAt: undefined } } : n,
        ),
        relationships: d.relationships,
      }),
    );

  it('writes the same graph again after the corpus is wiped (all but the write time)', async () => {
    await deleteSources(driver, await ourSourceIds());
    const wiped = await dump();
    expect(wiped).toEqual({ nodes: [], relationships: [] });
    const run = await ingestCli(dir);
    expect(run.code).toBe(0);
    expect(run.summary).toMatchObject({ files, written: files, unchanged: 0 });
    const again = await dump(WRITE_TIME);
    // The write time did change (the test would prove nothing if it compared a stale graph)…
    expect(await dump()).not.toEqual(first);
    // …and everything else is the same.
    expect(withoutTime(again)).toEqual(withoutTime(first));
  });

  it('writes the same graph one résumé per transaction (companies and technologies sent once per run)', async () => {
    await deleteSources(driver, await ourSourceIds());
    const run = await ingestCli(dir, { CAREERGRAPH_BATCH_SIZE: '1', CAREERGRAPH_CONCURRENCY: '1' });
    expect(run.code).toBe(0);
    expect(run.summary).toMatchObject({ files, written: files, unchanged: 0 });
    expect(withoutTime(await dump(WRITE_TIME))).toEqual(withoutTime(first));
  });
});
