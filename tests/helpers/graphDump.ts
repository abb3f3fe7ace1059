import {
  type Driver,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isTime,
} from 'neo4j-driver';

/** One node of a dump: its stable id (`id`, else `key`), sorted labels and properties. */
export interface DumpedNode {
  ref: string;
  labels: string[];
  props: Record<string, unknown>;
}

/** One relationship of a dump: type, the stable ids of its ends, properties. */
export interface DumpedRelationship {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface GraphDump {
  nodes: DumpedNode[];
  relationships: DumpedRelationship[];
}

export interface DumpOptions {
  /** Sources whose `key` starts with this prefix are the roots of the dump. */
  sourceKeyPrefix: string;
  /** Properties left out, as `Label.property` (e.g. `Source.ingestedAt`, which is the time of the write). */
  ignore?: string[];
  database?: string;
}

/** Plain JSON values: Neo4j integers as numbers, temporals as ISO strings, keys sorted. */
function plain(value: unknown): unknown {
  if (isInt(value)) return value.toNumber();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, plain((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const byJson = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * A canonical dump of the part of the graph some sources make: the sources, the people they describe,
 * the roles and education they state, the companies (with their parents) and technologies those use,
 * and the name lookups (`CompanyName`, `TechnologyName`) pointing at them; every relationship between
 * two of those nodes. Nodes are named by their stable `id` (or `key`), never Neo4j's element ids, and
 * everything is sorted, so identical graphs give deep-equal dumps.
 */
export async function dumpGraph(driver: Driver, options: DumpOptions): Promise<GraphDump> {
  const { records } = await driver.executeQuery(
    `MATCH (s:Source) WHERE s.key STARTS WITH $prefix
     OPTIONAL MATCH (s)-[:DESCRIBES]->(p:Person)
     OPTIONAL MATCH (s)<-[:STATED_IN]-(f)
     WITH collect(DISTINCT s) + collect(DISTINCT p) + collect(DISTINCT f) AS stated
     UNWIND stated AS n
     OPTIONAL MATCH (n)-[:AT|USED|SKILLED_IN]->(target)
     OPTIONAL MATCH (target)-[:PART_OF*]->(parent:Company)
     WITH stated, collect(DISTINCT target) + collect(DISTINCT parent) AS reached
     UNWIND reached AS t
     OPTIONAL MATCH (name)-[:NAMES]->(t)
     WITH stated, reached, collect(DISTINCT name) AS names
     UNWIND stated + reached + names AS n
     WITH collect(DISTINCT n) AS nodes
     UNWIND nodes AS n
     OPTIONAL MATCH (n)-[r]->(m) WHERE m IN nodes
     WITH n, collect(CASE WHEN r IS NULL THEN NULL
       ELSE {type: type(r), to: coalesce(m.id, m.key), props: properties(r)} END) AS out
     RETURN coalesce(n.id, n.key) AS ref, labels(n) AS labels, properties(n) AS props, out`,
    { prefix: options.sourceKeyPrefix },
    { database: options.database },
  );
  const ignore = new Set(options.ignore ?? []);
  const nodes: DumpedNode[] = [];
  const relationships: DumpedRelationship[] = [];
  for (const record of records) {
    const ref = record.get('ref') as string;
    const labels = [...(record.get('labels') as string[])].sort();
    const props = { ...(record.get('props') as Record<string, unknown>) };
    for (const key of Object.keys(props)) {
      if (labels.some((l) => ignore.has(`${l}.${key}`))) delete props[key];
    }
    nodes.push({ ref, labels, props: plain(props) as Record<string, unknown> });
    for (const r of record.get('out') as { type: string; to: string; props: Record<string, unknown> }[]) {
      relationships.push({
        type: r.type,
        from: ref,
        to: r.to,
        props: plain(r.props) as Record<string, unknown>,
      });
    }
  }
  nodes.sort(byJson);
  relationships.sort(byJson);
  return { nodes, relationships };
}
