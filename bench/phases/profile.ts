import { readdirSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { currentMonthOrdinal } from '../../src/api/context.ts';
import { companyKeys, fullTextQuery, technologyKeys } from '../../src/api/resolvers/names.ts';
import { CYPHER_DIR, cypher } from '../../src/graph/cypherFiles.ts';
import { toCypherParams } from '../../src/graph/plain.ts';
import type { Lexicon } from '../../src/lexicon/lexicon.ts';
import { log } from '../lib/log.ts';
import type { WorkloadSource } from './workload.ts';

/** One operator of a profiled plan. */
interface PlanNode {
  operatorType: string;
  dbHits?: number;
  rows?: number;
  identifiers?: string[];
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** The PROFILE verdict of one Cypher file for one set of parameters. */
export interface ProfileResult {
  file: string;
  variant: string;
  ok: boolean;
  /** Operators that start reading the store (leaves that seek or scan). */
  entryPoints: string[];
  /** Scans of every node of a label that actually ran (touched the store). */
  labelScans: string[];
  /** Scans planned in a branch its guard kept from running (no rows, no db hits). */
  guardedScans: string[];
  dbHits: number;
  rows: number;
  ms: number;
  /** The plan, one operator a line with rows and db hits (for the report when a check fails). */
  plan: string;
  skipped?: string;
}

// Entry points that read an index: seeks, the full-text procedure, the relationship-type lookup index,
// and an index scan (in the index's order, stopped by a LIMIT: the list of everyone by name).
const SEEK =
  /IndexSeek|IndexContainsScan|IndexEndsWithScan|ProcedureCall|ByIdSeek|ByElementIdSeek|RelationshipTypeScan|NodeIndexScan/;
const SCAN =
  /^(?:NodeByLabelScan|AllNodesScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|PartitionedNodeByLabelScan|PartitionedAllNodesScan)$/;

const STORE_LEAF = /Seek|Scan|ProcedureCall/;

const op = (n: PlanNode) => n.operatorType.replace(/@.*$/, '');

function leaves(n: PlanNode): PlanNode[] {
  return n.children.length === 0 ? [n] : n.children.flatMap(leaves);
}

function walk(n: PlanNode, depth = 0): string[] {
  const details = (n.arguments.Details as string | undefined)?.slice(0, 110) ?? '';
  return [
    `${'  '.repeat(depth)}${op(n)} rows=${n.rows ?? 0} dbHits=${n.dbHits ?? 0}${details ? `  ${details}` : ''}`,
    ...n.children.flatMap((c) => walk(c, depth + 1)),
  ];
}

function total(n: PlanNode, key: 'dbHits' | 'rows'): number {
  return (key === 'dbHits' ? (n.dbHits ?? 0) : 0) + n.children.reduce((s, c) => s + total(c, key), 0);
}

/** Sample ids of each kind from the database (the first of each; any will do for a plan). */
async function sampleIds(driver: Driver, database: string) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const one = async (q: string) => (await session.run(q)).records[0]?.get(0) as string | undefined;
    return {
      role: (await one('MATCH (r:Role) RETURN r.id LIMIT 1')) ?? 'role:x',
      technology: (await one('MATCH (t:Technology) RETURN t.id LIMIT 1')) ?? 'technology:x',
      sha: (await one('MATCH (s:Source) RETURN s.sha256 LIMIT 1')) ?? 'x',
    };
  } finally {
    await session.close();
  }
}

/**
 * PROFILEs every file of cypher/api with realistic parameters (the largest company, sampled people)
 * and checks its entry points: each must be an index seek (or the full-text procedure), never a scan
 * of every node of a label.
 */
export async function profileQueries(
  driver: Driver,
  database: string,
  source: WorkloadSource,
  lexicon: Lexicon,
): Promise<ProfileResult[]> {
  const ids = await sampleIds(driver, database);
  const [big, second] = source.fixedPair;
  const person = source.personIds[0] ?? 'person:x';
  const personB = source.personIds[1] ?? person;
  const companyIdOf = async (name: string) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const r = await session.run('MATCH (n:CompanyName {key: $key})-[:NAMES]->(c:Company) RETURN c.id', {
        key: name.toLowerCase(),
      });
      return (r.records[0]?.get(0) as string | undefined) ?? 'company:x';
    } finally {
      await session.close();
    }
  };
  const bigId = await companyIdOf(big);
  const nowOrd = currentMonthOrdinal();
  const page = { skip: 0, limit: 20 };
  const peopleBase = {
    companyKeys: [],
    technologyKeys: [],
    name: null,
    title: null,
    location: null,
    ...page,
  };
  const variants: Record<string, [string, Record<string, unknown>][]> = {
    careerTransitions: [
      [
        `${big} → ${second}`,
        {
          fromKeys: companyKeys(big, lexicon),
          toKeys: companyKeys(second, lexicon),
          withinMonths: null,
          directOnly: false,
          nowOrd,
          ...page,
        },
      ],
    ],
    colleagues: [['a person', { id: person, nowOrd, ...page }]],
    companyByName: [[big, { keys: companyKeys(big, lexicon) }]],
    companyPeople: [[big, { id: bigId, ...page }]],
    companyTechnologies: [[big, { id: bigId, limit: 20 }]],
    duplicateCandidates: [['first 20', { limit: 20 }]],
    people: [
      [`company ${big}`, { ...peopleBase, companyKeys: companyKeys(big, lexicon) }],
      ['technology Python', { ...peopleBase, technologyKeys: technologyKeys('Python', lexicon) }],
      ['no filter', peopleBase],
    ],
    search: [['"amaz"', { query: fullTextQuery('amaz'), limit: 10 }]],
    similarPeople: [['a person', { id: person, limit: 10 }]],
    sourceIdsByPerson: [['a person', { id: person }]],
    sourceIdsBySha: [['a sha256', { sha256: ids.sha }]],
    talentFlow: [
      [
        `${big} OUT`,
        { keys: companyKeys(big, lexicon), direction: 'OUT', sinceOrd: null, untilOrd: null, limit: 10 },
      ],
    ],
    technologyByName: [['python', { keys: technologyKeys('Python', lexicon) }]],
    technologyCompanies: [['a technology', { id: ids.technology, limit: 20 }]],
    technologyOverlap: [['two people', { a: person, b: personB, nowOrd }]],
    technologyPeople: [['a technology', { id: ids.technology, ...page }]],
  };
  // DataLoader batches: `$ids` of the kind the file's name says.
  const batch = (file: string): Record<string, unknown> | undefined => {
    if (/ByPersons$/.test(file) || file === 'personsByIds') return { ids: source.personIds.slice(0, 20) };
    if (/ByCompanies$/.test(file) || file === 'companiesByIds') return { ids: [bigId] };
    if (/ByRoles$/.test(file) || file === 'rolesByIds') return { ids: [ids.role] };
    if (file === 'technologiesByIds') return { ids: [ids.technology] };
    return undefined;
  };
  const files = readdirSync(path.join(CYPHER_DIR, 'api'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.replace(/\.cypher$/, ''))
    .sort();
  const out: ProfileResult[] = [];
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    for (const file of files) {
      const list =
        variants[file] ?? (batch(file) ? [['batch of ids', batch(file) as Record<string, unknown>]] : []);
      if (list.length === 0) {
        out.push({
          file,
          variant: '',
          ok: false,
          entryPoints: [],
          labelScans: [],
          guardedScans: [],
          dbHits: 0,
          rows: 0,
          ms: 0,
          plan: '',
          skipped: 'no parameters known for this file',
        });
        continue;
      }
      for (const [variant, params] of list) {
        const t = performance.now();
        const result = await session.run(`PROFILE ${cypher(`api/${file}`)}`, toCypherParams(params));
        const ms = performance.now() - t;
        const plan = result.summary.profile as unknown as PlanNode;
        // Leaves that read the store; Argument, Unwind of a parameter and Projection of constants do not.
        const entry = leaves(plan).filter((n) => STORE_LEAF.test(op(n)));
        const entryPoints = [...new Set(entry.map(op))];
        const scans: PlanNode[] = [];
        const collect = (n: PlanNode) => {
          if (SCAN.test(op(n))) scans.push(n);
          n.children.forEach(collect);
        };
        collect(plan);
        const ran = (n: PlanNode) => (n.rows ?? 0) > 0 || (n.dbHits ?? 0) > 0;
        const labelScans = scans.filter(ran).map(op);
        const guardedScans = scans.filter((n) => !ran(n)).map(op);
        // Every entry point that ran must be a seek; a guarded branch that never ran does not count.
        const ranEntries = entry.filter(ran);
        const ok =
          labelScans.length === 0 &&
          ranEntries.every((n) => SEEK.test(op(n))) &&
          entry.some((n) => SEEK.test(op(n)));
        out.push({
          file,
          variant,
          ok,
          entryPoints,
          labelScans,
          guardedScans,
          dbHits: total(plan, 'dbHits'),
          rows: result.records.length,
          ms,
          plan: walk(plan).join('\n'),
        });
      }
    }
  } finally {
    await session.close();
  }
  const bad = out.filter((r) => !r.ok);
  log(
    `profile: ${out.length - bad.length}/${out.length} plans seek at every entry point${bad.length ? `; not: ${bad.map((b) => `${b.file} (${b.variant})`).join(', ')}` : ''}`,
  );
  return out;
}
