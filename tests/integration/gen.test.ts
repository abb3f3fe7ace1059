import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { executeOperation } from '../../src/api/executeOperation.ts';
import type { ComparableResume } from '../../src/eval/comparable.ts';
import { f1, scoreResume, sumScores } from '../../src/eval/score.ts';
import { type CorpusManifest, generateCorpus, type TruthLine } from '../../src/gen/generateCorpus.ts';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { ingestFiles } from '../../src/ingest/ingestFiles.ts';
import { readInputs } from '../../src/ingest/read/readInputs.ts';
import { createLexicon } from '../../src/lexicon/lexicon.ts';
import { loadReferenceData } from '../../src/lexicon/loadReferenceData.ts';
import { testDriver } from '../helpers/neo4j.ts';

// A generated corpus goes through the real ingest into the real database; the graph must then say
// what the generator's truth says. The database is shared, so only our sources are read and removed.
const data = loadReferenceData();
const lexicon = createLexicon(data);
const PEOPLE = 100;
let dir: string;
let prefix: string;
let driver: Driver;
let manifest: CorpusManifest;
let truth: TruthLine[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'careergraph-gen-'));
  prefix = path.relative(process.cwd(), dir).split(path.sep).join('/');
  driver = testDriver();
  manifest = await generateCorpus(
    { people: PEOPLE, seed: 2024, formats: ['txt', 'md', 'json'], out: dir },
    data,
    lexicon,
  );
  truth = readFileSync(path.join(dir, 'truth.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TruthLine);
  const summary = await ingestFiles(readInputs([path.join(dir, 'resumes')], { maxFileBytes: 5_000_000 }), {
    lexicon,
    driver,
    batchSize: 25,
    concurrency: 2,
  });
  expect(summary.errors).toEqual([]);
  expect(summary.written).toBe(PEOPLE);
}, 120_000);

afterAll(async () => {
  const session = driver.session();
  try {
    const r = await session.run(
      'MATCH (s:Source) WHERE s.key STARTS WITH $prefix RETURN collect(s.id) AS ids',
      {
        prefix,
      },
    );
    await deleteSources(driver, r.records[0]?.get('ids') as string[]);
  } finally {
    await session.close();
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Each of our people as the graph holds them, in the fields the truth gives. */
async function graphResumes(): Promise<Map<string, ComparableResume>> {
  const session = driver.session();
  try {
    const result = await session.run(
      `MATCH (s:Source)-[:DESCRIBES]->(p:Person) WHERE s.key STARTS WITH $prefix
       CALL (p) {
         OPTIONAL MATCH (p)-[:HELD]->(r:Role)
         OPTIONAL MATCH (r)-[:AT]->(c:Company)
         OPTIONAL MATCH (r)-[:USED]->(t:Technology)
         WITH r, c, collect(t.name) AS techs ORDER BY r.startOrd DESC
         RETURN collect(r {.title, .team, .location, .start, .end, .current, employer: c.name, technologies: techs}) AS roles
       }
       CALL (p) {
         OPTIONAL MATCH (p)-[:SKILLED_IN]->(t:Technology)
         RETURN collect(DISTINCT t.name) AS skills
       }
       CALL (p) {
         OPTIONAL MATCH (p)-[:STUDIED]->(e:Education)
         RETURN collect(e {.school, .degree, .field, .start, .end}) AS education
       }
       RETURN p.id AS id, p {.name, .email, .location} AS person, roles, skills, education`,
      { prefix },
    );
    return new Map(
      result.records.map((r) => [
        r.get('id') as string,
        {
          person: r.get('person'),
          roles: (r.get('roles') as ComparableResume['roles']).map((role) => ({
            ...role,
            team: role.team ?? null,
            location: role.location ?? null,
            end: role.end ?? null,
            current: role.current ?? false,
          })),
          skills: r.get('skills'),
          education: (r.get('education') as ComparableResume['education']).map((e) => ({
            school: e.school ?? null,
            degree: e.degree ?? null,
            field: e.field ?? null,
            start: e.start ?? null,
            end: e.end ?? null,
          })),
        } as ComparableResume,
      ]),
    );
  } finally {
    await session.close();
  }
}

describe('a generated corpus, ingested', () => {
  it('holds every person, and their roles as the truth says (role F1 at least 0.95)', async () => {
    const graph = await graphResumes();
    expect(graph.size).toBe(PEOPLE);
    const scores = truth.map((t) => {
      const actual = graph.get(t.personId);
      expect(actual, `person of ${t.file}`).toBeDefined();
      return scoreResume(t.expected, actual as ComparableResume);
    });
    const totals = sumScores(scores);
    expect(totals.role.tp + totals.role.fn).toBe(manifest.roles);
    expect(f1(totals.role).f1).toBeGreaterThanOrEqual(0.95);
    expect(f1(totals.technologies).f1).toBeGreaterThanOrEqual(0.95);
    expect(f1(totals.skills).f1).toBeGreaterThanOrEqual(0.95);
  });

  it('answers careerTransitions between the two largest employers with our people', async () => {
    const [a, b] = manifest.largestFamilies;
    expect(a && b).toBeTruthy();
    // The truth says who moved from one family to the other; the API must find at least those people.
    const families = new Map(
      (
        JSON.parse(readFileSync(path.join(dir, 'companies.json'), 'utf8')) as {
          name: string;
          family: string;
        }[]
      ).map((c) => [c.name, c.family]),
    );
    const movers = (from: string, to: string) =>
      truth
        .filter((t) => {
          const chronological = [...t.expected.roles].reverse();
          return chronological.some(
            (r, i) =>
              families.get(r.employer ?? '') === from &&
              chronological
                .slice(i + 1)
                .some(
                  (later) =>
                    families.get(later.employer ?? '') === to && (later.start ?? '') > (r.start ?? ''),
                ),
          );
        })
        .map((t) => t.expected.person.name ?? '');
    const [from, to] =
      movers(a?.name ?? '', b?.name ?? '').length > 0
        ? [a?.name ?? '', b?.name ?? '']
        : [b?.name ?? '', a?.name ?? ''];
    const expected = new Set(movers(from, to));
    expect(expected.size).toBeGreaterThan(0);
    const result = await executeOperation(createCareerGraph({ driver }), {
      query: `query($from: String!, $to: String!) { careerTransitions(from: $from, to: $to, first: 100) {
        totalCount edges { node { person { name email } } } } }`,
      variables: { from, to },
    });
    expect(result.errors).toBeUndefined();
    const edges = (
      result.data as { careerTransitions: { edges: { node: { person: { name: string; email: string } } }[] } }
    ).careerTransitions.edges;
    const ours = new Set(
      edges
        .filter((e) => truth.some((t) => t.expected.person.email === e.node.person.email))
        .map((e) => e.node.person.name),
    );
    expect([...expected].filter((n) => !ours.has(n))).toEqual([]);
  });
});
