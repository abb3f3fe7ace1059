import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same delays. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Number of Source nodes: how many résumés are written (each Source is written with its résumé, whole). */
export async function countSources(driver: Driver, database: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (s:Source) RETURN count(s) AS n',
    {},
    { database, routing: 'READ' },
  );
  return Number(records[0]?.get('n') ?? 0);
}

/**
 * What each stored source says, by source key: the person it describes, the ids of the roles and
 * education stated in it, and its listed skills. Used to check that every source in the graph is whole
 * (as a clean run writes it), whatever moment an ingest was stopped at.
 */
export async function factsBySource(driver: Driver, database: string): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Source)
     OPTIONAL MATCH (s)-[:DESCRIBES]->(p:Person)
     WITH s, collect(DISTINCT p.id) AS people
     OPTIONAL MATCH (s)<-[:STATED_IN]-(f)
     WITH s, people, collect(DISTINCT f.id) AS facts
     OPTIONAL MATCH (:Person)-[k:SKILLED_IN {sourceId: s.id}]->(t:Technology)
     WITH s, people, facts, collect(t.id) AS skills
     OPTIONAL MATCH (:Source {id: s.id})<-[:STATED_IN]-(:Role)-[u:USED]->(ut:Technology)
     RETURN s.key AS key, people, facts, skills, count(u) AS used`,
    {},
    { database, routing: 'READ' },
  );
  const out = new Map<string, string>();
  for (const r of records) {
    const sorted = (k: string) => [...(r.get(k) as string[])].sort();
    out.set(
      r.get('key') as string,
      JSON.stringify({
        people: sorted('people'),
        facts: sorted('facts'),
        skills: sorted('skills'),
        used: Number(r.get('used')),
      }),
    );
  }
  return out;
}

/** Nodes of a label that share a stable id or a name with another: must be none. */
export async function duplicates(
  driver: Driver,
  database: string,
): Promise<{ label: string; by: string; value: string; count: number }[]> {
  const { records } = await driver.executeQuery(
    `UNWIND ['Company', 'Technology', 'Person', 'Source', 'Role', 'Education', 'CompanyName', 'TechnologyName'] AS label
     CALL (label) {
       MATCH (n) WHERE label IN labels(n)
       WITH label, coalesce(n.id, n.key) AS value, count(*) AS count WHERE count > 1
       RETURN 'id' AS by, value, count
       UNION ALL
       MATCH (n) WHERE label IN labels(n) AND label IN ['Company', 'Technology'] AND n.name IS NOT NULL
       WITH label, n.name AS value, count(*) AS count WHERE count > 1
       RETURN 'name' AS by, value, count
       UNION ALL
       MATCH (n) WHERE label IN labels(n) AND label = 'Source'
       WITH label, n.key AS value, count(*) AS count WHERE count > 1
       RETURN 'key' AS by, value, count
     }
     RETURN label, by, value, count`,
    {},
    { database, routing: 'READ' },
  );
  return records.map((r) => ({
    label: r.get('label') as string,
    by: r.get('by') as string,
    value: r.get('value') as string,
    count: Number(r.get('count')),
  }));
}

/** Relationships of one type between the same two nodes more than once: must be none. */
export async function duplicateRelationships(
  driver: Driver,
  database: string,
): Promise<{ type: string; from: string; to: string; count: number }[]> {
  const { records } = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     WITH type(r) AS type, a, b, count(r) AS count WHERE count > 1 AND NOT type IN ['USED', 'SKILLED_IN']
     RETURN type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to, count`,
    {},
    { database, routing: 'READ' },
  );
  return records.map((r) => ({
    type: r.get('type') as string,
    from: r.get('from') as string,
    to: r.get('to') as string,
    count: Number(r.get('count')),
  }));
}

/** Polls `probe` every `intervalMs` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function until(
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}
