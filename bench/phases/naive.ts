import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { toCypherParams } from '../../src/graph/plain.ts';
import { extractFile, ingestFiles } from '../../src/ingest/ingestFiles.ts';
import { type InputResult, readInputs } from '../../src/ingest/read/readInputs.ts';
import type { ResolvedResume } from '../../src/ingest/resolve/resolvedResume.ts';
import type { Lexicon } from '../../src/lexicon/lexicon.ts';
import { log } from '../lib/log.ts';
import type { BenchInstance } from '../lib/neo4jInstance.ts';

/** The naive loader against the real write path, on the same files and an empty database each. */
export interface NaiveResult {
  resumes: number;
  naive: { seconds: number; resumesPerSecond: number; queries: number };
  real: { seconds: number; resumesPerSecond: number };
  /** real résumés/s ÷ naive résumés/s. */
  ratio: number;
}

// One auto-commit query per entity, as a first loader written against the driver would do it.
const Q = {
  company: 'MERGE (c:Company {id: $id}) SET c.name = $name, c.aliases = $aliases',
  companyName: 'MATCH (c:Company {id: $id}) MERGE (n:CompanyName {key: $key}) MERGE (n)-[:NAMES]->(c)',
  parent:
    'MATCH (c:Company {id: $id}) MATCH (p:Company {id: $parentId}) MERGE (c)-[r:PART_OF]->(p) SET r.kind = $kind',
  technology:
    'MERGE (t:Technology {id: $id}) SET t.name = $name, t.aliases = $aliases, t.category = $category',
  technologyName:
    'MATCH (t:Technology {id: $id}) MERGE (n:TechnologyName {key: $key}) MERGE (n)-[:NAMES]->(t)',
  person:
    'MERGE (p:Person {id: $id}) SET p.name = $name, p.nameKey = toLower($name), p.email = $email, p.location = $location, p.headline = $headline',
  source:
    'MATCH (p:Person {id: $personId}) MERGE (s:Source {id: $id}) SET s.key = $key, s.fileName = $fileName, s.sha256 = $sha256, s.format = $format MERGE (s)-[:DESCRIBES]->(p)',
  role: `MATCH (p:Person {id: $personId}) MATCH (s:Source {id: $sourceId})
         MERGE (r:Role {id: $id}) SET r += $props MERGE (p)-[:HELD]->(r) MERGE (r)-[:STATED_IN]->(s)`,
  at: 'MATCH (r:Role {id: $roleId}) MATCH (c:Company {id: $companyId}) MERGE (r)-[:AT]->(c)',
  used: 'MATCH (r:Role {id: $roleId}) MATCH (t:Technology {id: $technologyId}) MERGE (r)-[u:USED]->(t) SET u.line = $line',
  skill:
    'MATCH (p:Person {id: $personId}) MATCH (t:Technology {id: $technologyId}) MERGE (p)-[k:SKILLED_IN {sourceId: $sourceId}]->(t) SET k.line = $line',
  education: `MATCH (p:Person {id: $personId}) MATCH (s:Source {id: $sourceId})
              MERGE (e:Education {id: $id}) SET e.school = $school, e.degree = $degree
              MERGE (p)-[:STUDIED]->(e) MERGE (e)-[:STATED_IN]->(s)`,
};

async function naiveLoad(driver: Driver, database: string, resumes: ResolvedResume[]): Promise<number> {
  const session = driver.session({ database });
  let queries = 0;
  const q = async (text: string, params: Record<string, unknown>) => {
    queries++;
    await session.run(text, toCypherParams(params));
  };
  try {
    for (const r of resumes) {
      for (const c of r.companies) {
        await q(Q.company, { id: c.id, name: c.name, aliases: c.aliases });
        for (const key of new Set([c.name, ...c.aliases].map((a) => a.toLowerCase()))) {
          await q(Q.companyName, { id: c.id, key });
        }
      }
      for (const c of r.companies) {
        if (c.parentId) await q(Q.parent, { id: c.id, parentId: c.parentId, kind: c.kind });
      }
      for (const t of r.technologies) {
        await q(Q.technology, { id: t.id, name: t.name, aliases: t.aliases, category: t.category });
        for (const key of new Set([t.name, ...t.aliases].map((a) => a.toLowerCase()))) {
          await q(Q.technologyName, { id: t.id, key });
        }
      }
      const p = r.person;
      await q(Q.person, {
        id: p.id,
        name: p.name,
        email: p.email,
        location: p.location,
        headline: p.headline,
      });
      await q(Q.source, { ...r.source, personId: p.id });
      for (const role of r.roles) {
        const { technologies, companyId, id, ...props } = role;
        await q(Q.role, {
          id,
          personId: p.id,
          sourceId: r.source.id,
          props: { ...props, sourceId: r.source.id },
        });
        if (companyId) await q(Q.at, { roleId: id, companyId });
        for (const t of technologies) await q(Q.used, { roleId: id, technologyId: t.id, line: t.line });
      }
      for (const s of r.skills) {
        await q(Q.skill, {
          personId: p.id,
          technologyId: s.technologyId,
          sourceId: r.source.id,
          line: s.line,
        });
      }
      for (const e of r.education) {
        await q(Q.education, { ...e, personId: p.id, sourceId: r.source.id });
      }
    }
  } finally {
    await session.close();
  }
  return queries;
}

async function firstInputs(dir: string, n: number): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const input of readInputs([dir], { maxFileBytes: 5e6 })) {
    out.push(input);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * The baseline: the first `n` résumés of the corpus loaded with one auto-commit query per entity
 * (parsed beforehand, so only writing is timed), then — on an emptied database — the same files
 * through `ingestFiles` (batched UNWIND writes, several transactions in flight), parsing included.
 */
export async function naiveBaseline(
  instance: BenchInstance,
  corpusDir: string,
  n: number,
  lexicon: Lexicon,
  ingest: { batchSize: number; concurrency: number },
): Promise<NaiveResult> {
  const inputs = await firstInputs(path.join(corpusDir, 'resumes'), n);
  const resumes = inputs.flatMap((i) => (i.ok ? [extractFile(i.file, lexicon)] : []));
  await instance.reset();
  log(`naive: ${resumes.length} résumés, one query per entity`);
  let t = performance.now();
  const queries = await naiveLoad(instance.driver, instance.connection.database, resumes);
  const naiveSeconds = (performance.now() - t) / 1000;
  log(`naive: ${queries} queries in ${naiveSeconds.toFixed(1)} s`);
  await instance.reset();
  async function* replay() {
    yield* inputs;
  }
  t = performance.now();
  const summary = await ingestFiles(replay(), {
    lexicon,
    driver: instance.driver,
    database: instance.connection.database,
    batchSize: ingest.batchSize,
    concurrency: ingest.concurrency,
  });
  const realSeconds = (performance.now() - t) / 1000;
  if (summary.errors.length) throw new Error(`ingest failed on ${summary.errors.length} files`);
  const naive = { seconds: naiveSeconds, resumesPerSecond: resumes.length / naiveSeconds, queries };
  const real = { seconds: realSeconds, resumesPerSecond: summary.written / realSeconds };
  log(
    `naive: real path ${real.resumesPerSecond.toFixed(0)}/s vs naive ${naive.resumesPerSecond.toFixed(0)}/s`,
  );
  return { resumes: resumes.length, naive, real, ratio: real.resumesPerSecond / naive.resumesPerSecond };
}
