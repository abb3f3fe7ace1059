import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { executeOperation } from '../../src/api/executeOperation.ts';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { ingestFiles } from '../../src/ingest/ingestFiles.ts';
import { readInputs } from '../../src/ingest/read/readInputs.ts';
import { createLexicon } from '../../src/lexicon/lexicon.ts';
import { loadReferenceData } from '../../src/lexicon/loadReferenceData.ts';
import { testConnection, testDriver } from '../helpers/neo4j.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const lexicon = createLexicon(loadReferenceData());

// Each run ingests a private copy of the fixtures, so its sources (keyed by path) are its own and it
// deletes only what it made, even on a shared database.
let dir: string;
let prefix: string;
let driver: Driver;

const ingest = (paths = [dir]) =>
  ingestFiles(readInputs(paths, { maxFileBytes: 5_000_000 }), {
    lexicon,
    driver,
    batchSize: 7,
    concurrency: 2,
  });

/** A canonical dump of everything our sources said: identical graphs give identical dumps. */
async function dump(): Promise<unknown> {
  const session = driver.session();
  try {
    const result = await session.run(
      `MATCH (s:Source) WHERE s.key STARTS WITH $prefix
       MATCH (s)-[:DESCRIBES]->(p:Person)
       CALL (s, p) {
         OPTIONAL MATCH (p)-[:HELD]->(r:Role)-[:STATED_IN]->(s)
         OPTIONAL MATCH (r)-[:AT]->(c:Company)
         OPTIONAL MATCH (c)-[:PART_OF*]->(parent:Company)
         OPTIONAL MATCH (r)-[u:USED]->(t:Technology)
         WITH r, c, collect(DISTINCT parent.name) AS parents, collect(DISTINCT t.name + '@' + u.line) AS techs
         ORDER BY r.line
         RETURN collect(r {.id, .title, .team, .location, .start, .end, .current, .line, company: c.name, parents: parents, techs: techs}) AS roles
       }
       CALL (s, p) {
         OPTIONAL MATCH (p)-[k:SKILLED_IN {sourceId: s.id}]->(t:Technology)
         WITH t.name AS name ORDER BY name
         RETURN collect(name) AS skills
       }
       RETURN s.key AS key, s.sha256 AS sha, p {.id, .name, .email, .location} AS person, roles, skills
       ORDER BY key`,
      { prefix },
    );
    return result.records.map((r) => {
      const o = r.toObject();
      for (const role of o.roles as { techs: string[] }[]) role.techs.sort();
      return o;
    });
  } finally {
    await session.close();
  }
}

async function counts() {
  const session = driver.session();
  try {
    const r = await session.run(
      `MATCH (s:Source) WHERE s.key STARTS WITH $prefix
       OPTIONAL MATCH (s)-[:DESCRIBES]->(p:Person)
       OPTIONAL MATCH (s)<-[:STATED_IN]-(r:Role)
       OPTIONAL MATCH (r)-[:AT]->(c:Company)
       OPTIONAL MATCH (r)-[:USED]->(t:Technology)
       RETURN count(DISTINCT s) AS sources, count(DISTINCT p) AS people, count(DISTINCT r) AS roles,
              count(DISTINCT c) AS companies, count(DISTINCT t) AS technologies`,
      { prefix },
    );
    return Object.fromEntries(Object.entries(r.records[0]?.toObject() ?? {}).map(([k, v]) => [k, Number(v)]));
  } finally {
    await session.close();
  }
}

/** "Worked at A, then B" through the API, keeping only moves our sources stated (the database is shared). */
async function ourTransitions(from: string, to: string) {
  const session = driver.session();
  try {
    const r = await session.run(
      'MATCH (s:Source)<-[:STATED_IN]-(r:Role) WHERE s.key STARTS WITH $prefix RETURN collect(r.id) AS ids',
      { prefix },
    );
    const ids = new Set(r.records[0]?.get('ids') as string[]);
    const result = await executeOperation(createCareerGraph({ driver }), {
      query: `query($from: String!, $to: String!) { careerTransitions(from: $from, to: $to, first: 100) { edges { node {
        person { name } from { id start company { name } } to { start company { name } } } } } }`,
      variables: { from, to },
    });
    expect(result.errors).toBeUndefined();
    const edges = (result.data as { careerTransitions: { edges: { node: any }[] } }).careerTransitions.edges;
    return edges
      .map(({ node }) => ({
        name: node.person.name,
        fromRoleId: node.from.id,
        fromCompany: node.from.company.name,
        toCompany: node.to.company.name,
        fromStart: node.from.start,
        toStart: node.to.start,
      }))
      .filter((t) => ids.has(t.fromRoleId));
  } finally {
    await session.close();
  }
}

async function ourSourceIds(): Promise<string[]> {
  const session = driver.session();
  try {
    const r = await session.run('MATCH (s:Source) WHERE s.key STARTS WITH $prefix RETURN s.id AS id', {
      prefix,
    });
    return r.records.map((x) => x.get('id') as string);
  } finally {
    await session.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'careergraph-ingest-'));
  cpSync(path.join(repo, 'tests/fixtures/resumes'), dir, {
    recursive: true,
    filter: (f) => !f.endsWith('.json') && !f.endsWith('README.md'),
  });
  prefix = path.relative(process.cwd(), dir).split(path.sep).join('/');
  driver = testDriver();
});

afterAll(async () => {
  await deleteSources(driver, await ourSourceIds());
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting résumés into a real Neo4j', () => {
  it('loads every fixture résumé', async () => {
    const summary = await ingest();
    expect(summary.errors).toEqual([]);
    expect(summary.written).toBe(15);
    const c = await counts();
    expect(c).toMatchObject({ sources: 15, people: 15, roles: 56 });
    expect(c.companies).toBeGreaterThan(25);
    expect(c.technologies).toBeGreaterThanOrEqual(40);
  });

  it('changes nothing when the same files are ingested again', async () => {
    const before = await dump();
    const summary = await ingest();
    expect(summary.unchanged).toBe(15);
    expect(summary.written).toBe(0);
    expect(await dump()).toEqual(before);
  });

  it('answers "worked at Amazon, then Meta" through subsidiaries, in order only', async () => {
    const forward = await ourTransitions('Amazon', 'Meta');
    const priya = forward.filter((t) => t.name === 'Priya Raman');
    expect(priya).toHaveLength(1);
    expect(priya[0]).toMatchObject({
      fromCompany: 'Amazon Web Services',
      toCompany: 'Instagram',
      fromStart: '2019-04',
      toStart: '2021-10',
    });
    const backward = await ourTransitions('Meta', 'Amazon');
    expect(backward.some((t) => t.name === 'Priya Raman')).toBe(false);
    // Aliases and case do not matter: "AWS" names Amazon Web Services.
    const byAlias = await ourTransitions('aws', 'INSTAGRAM');
    expect(byAlias.some((t) => t.name === 'Priya Raman')).toBe(true);
  });

  it('replaces what a file said when a new version of it is ingested', async () => {
    const file = path.join(dir, '03-priya-raman.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace(
        '#### Senior Software Engineer, **Instagram**',
        '#### Senior Software Engineer, **Netflix**',
      ),
    );
    const summary = await ingest([file]);
    expect(summary.written).toBe(1);
    expect((await ourTransitions('Amazon', 'Meta')).some((t) => t.name === 'Priya Raman')).toBe(false);
    expect((await ourTransitions('Amazon', 'Netflix')).some((t) => t.name === 'Priya Raman')).toBe(true);
    expect(await counts()).toMatchObject({ sources: 15, people: 15, roles: 56 });
    writeFileSync(file, original);
    await ingest([file]);
  });

  it('reports a bad file by name and loads the good ones beside it', async () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'careergraph-bad-'));
    try {
      writeFileSync(path.join(bad, 'empty.txt'), '');
      writeFileSync(path.join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      cpSync(path.join(repo, 'tests/fixtures/resumes/11-yuki-tanaka.txt'), path.join(bad, 'good.txt'));
      const { stdout, exitCode } = await run(
        process.execPath,
        [path.join(repo, 'bin/careergraph.js'), 'ingest', bad, '--json'],
        {
          env: { ...process.env, ...envOf() },
        },
      ).then(
        (r) => ({ ...r, exitCode: 0 }),
        (e: { stdout: string; code: number }) => ({ stdout: e.stdout, exitCode: e.code }),
      );
      expect(exitCode).toBe(1);
      const summary = JSON.parse(stdout);
      expect(summary.errors.map((e: { file: string }) => path.basename(e.file)).sort()).toEqual([
        'binary.txt',
        'empty.txt',
      ]);
      expect(summary.errors.find((e: { file: string }) => e.file.endsWith('empty.txt')).reason).toMatch(
        /empty/,
      );
      expect(summary.written).toBe(1);
    } finally {
      const session = driver.session();
      const keyPrefix = path.relative(process.cwd(), bad).split(path.sep).join('/');
      const ids = (
        await session.run('MATCH (s:Source) WHERE s.key STARTS WITH $p RETURN s.id AS id', { p: keyPrefix })
      ).records.map((r) => r.get('id'));
      await session.close();
      await deleteSources(driver, ids);
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

function envOf(): Record<string, string> {
  const c = testConnection();
  return { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password, NEO4J_DATABASE: c.database };
}
