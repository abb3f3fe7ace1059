import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config.ts';
import { classpath, jvmFlags, renderNeo4jConf } from '../../src/neo4j/conf.ts';
import { findJava } from '../../src/neo4j/java.ts';
import { jarsDir } from '../../src/neo4j/maven.ts';
import { log } from '../lib/log.ts';
import type { BenchInstance } from '../lib/neo4jInstance.ts';

const run = promisify(execFile);

/** `neo4j-admin database import full` of the same graph: the limit no transactional loader reaches. */
export interface AdminImportResult {
  ok: boolean;
  /** Why the import could not be measured, when it could not. */
  reason?: string;
  exportSeconds: number;
  importSeconds: number;
  nodes: number;
  relationships: number;
  /** (nodes + relationships) / import seconds. */
  elementsPerSecond: number;
  /** People imported per second of import. */
  resumesPerSecond: number;
}

const TYPE_MAP: Record<string, string> = {
  String: 'string',
  Long: 'long',
  Double: 'double',
  Boolean: 'boolean',
  StringArray: 'string[]',
  LongArray: 'long[]',
  DoubleArray: 'double[]',
  DateTime: 'datetime',
};

function csvType(types: string[]): string {
  // A property written as 1 and as 0.9 (confidence) is a double.
  if (types.includes('Double') && types.every((t) => t === 'Double' || t === 'Long')) return 'double';
  return types.length === 1 ? (TYPE_MAP[types[0] as string] ?? 'string') : 'string';
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function cell(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return quote(value.map((v) => String(v).replaceAll(';', ',')).join(';'));
  if (type === 'datetime') return String(value);
  if (typeof value === 'object' && 'toNumber' in (value as object)) return String(value);
  if (typeof value === 'string') return quote(value);
  return String(value);
}

async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

/**
 * Exports the bench database to CSV (a file per label and per relationship type, streamed), then
 * imports those files with `neo4j-admin database import full` into a separate, never-started home,
 * timing the import alone. The tool builds the store only; indexes are not part of its time.
 */
export async function adminImport(
  instance: BenchInstance,
  workDir: string,
  people: number,
): Promise<AdminImportResult> {
  const csvDir = path.join(workDir, 'csv');
  const home = path.join(workDir, 'home');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(csvDir, { recursive: true });
  const session = instance.driver.session({ database: instance.connection.database });
  const nodeArgs: string[] = [];
  const relArgs: string[] = [];
  const exportStarted = performance.now();
  try {
    const nodeProps = await session.run(
      'CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes RETURN nodeLabels, propertyName, propertyTypes',
    );
    const byLabel = new Map<string, [string, string][]>();
    for (const r of nodeProps.records) {
      const label = (r.get('nodeLabels') as string[])[0] as string;
      const name = r.get('propertyName') as string | null;
      const list = byLabel.get(label) ?? [];
      if (name) list.push([name, csvType(r.get('propertyTypes') as string[])]);
      byLabel.set(label, list);
    }
    for (const [label, props] of byLabel) {
      const file = path.join(csvDir, `node-${label}.csv`);
      const out = createWriteStream(file);
      await write(out, `${[':ID', ...props.map(([n, t]) => `${n}:${t}`)].join(',')}\n`);
      const result = session.run(`MATCH (n:\`${label}\`) RETURN elementId(n) AS id, properties(n) AS p`);
      for await (const rec of result) {
        const p = rec.get('p') as Record<string, unknown>;
        await write(
          out,
          `${[quote(rec.get('id') as string), ...props.map(([n, t]) => cell(p[n], t))].join(',')}\n`,
        );
      }
      out.end();
      await once(out, 'finish');
      nodeArgs.push(`--nodes=${label}=${file}`);
    }
    const relProps = await session.run(
      'CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes RETURN relType, propertyName, propertyTypes',
    );
    const byType = new Map<string, [string, string][]>();
    for (const r of relProps.records) {
      const type = (r.get('relType') as string).replace(/^:`|`$/g, '');
      const name = r.get('propertyName') as string | null;
      const list = byType.get(type) ?? [];
      if (name) list.push([name, csvType(r.get('propertyTypes') as string[])]);
      byType.set(type, list);
    }
    for (const [type, props] of byType) {
      const file = path.join(csvDir, `rel-${type}.csv`);
      const out = createWriteStream(file);
      await write(out, `${[':START_ID', ':END_ID', ...props.map(([n, t]) => `${n}:${t}`)].join(',')}\n`);
      const result = session.run(
        `MATCH (a)-[r:\`${type}\`]->(b) RETURN elementId(a) AS a, elementId(b) AS b, properties(r) AS p`,
      );
      for await (const rec of result) {
        const p = rec.get('p') as Record<string, unknown>;
        await write(
          out,
          `${[quote(rec.get('a') as string), quote(rec.get('b') as string), ...props.map(([n, t]) => cell(p[n], t))].join(',')}\n`,
        );
      }
      out.end();
      await once(out, 'finish');
      relArgs.push(`--relationships=${type}=${file}`);
    }
  } finally {
    await session.close();
  }
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  log(
    `admin import: exported ${nodeArgs.length} labels and ${relArgs.length} types in ${exportSeconds.toFixed(1)} s`,
  );

  const config = loadConfig();
  const lib = jarsDir(path.resolve(config.local.cache), config.local.version);
  const { java } = await findJava();
  const failed = (reason: string): AdminImportResult => ({
    ok: false,
    reason,
    exportSeconds,
    importSeconds: 0,
    nodes: 0,
    relationships: 0,
    elementsPerSecond: 0,
    resumesPerSecond: 0,
  });
  if (!java || !existsSync(lib)) return failed('no Java 17+ or no Neo4j jars in the cache');
  for (const dir of ['conf', 'data', 'logs']) await mkdir(path.join(home, dir), { recursive: true });
  await writeFile(
    path.join(home, 'conf', 'neo4j.conf'),
    renderNeo4jConf({ port: 7999, pageCache: '1g', version: config.local.version }),
  );
  const started = performance.now();
  try {
    const { stdout } = await run(
      java.path,
      [
        ...jvmFlags('2g'),
        '-cp',
        classpath(home, lib),
        'org.neo4j.cli.AdminTool',
        'database',
        'import',
        'full',
        // The database first: --nodes and --relationships take several values and would swallow it.
        'neo4j',
        '--overwrite-destination=true',
        '--multiline-fields=true',
        '--array-delimiter=;',
        ...nodeArgs,
        ...relArgs,
      ],
      {
        env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
        maxBuffer: 1 << 26,
      },
    );
    const importSeconds = (performance.now() - started) / 1000;
    const done = /Imported:\s*(\d+) nodes\s*(\d+) relationships/.exec(stdout);
    const nodes = Number(done?.[1] ?? 0);
    const relationships = Number(done?.[2] ?? 0);
    log(`admin import: ${nodes} nodes, ${relationships} relationships in ${importSeconds.toFixed(1)} s`);
    return {
      ok: Boolean(done),
      ...(done ? {} : { reason: `no "Imported:" line in the tool's output: ${stdout.slice(-500)}` }),
      exportSeconds,
      importSeconds,
      nodes,
      relationships,
      elementsPerSecond: (nodes + relationships) / importSeconds,
      resumesPerSecond: people / importSeconds,
    };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return failed(`${e.message}\n${(e.stderr || e.stdout || '').slice(-1500)}`);
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
}
