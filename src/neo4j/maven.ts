import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CareerGraphError } from '../errors.ts';
import { findOnPath, run } from './exec.ts';

// Pinned so the build does not depend on whatever Maven's super POM or metadata picks (2.8 on Maven 3.8).
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const COMPLETE_MARKER = 'lib.complete';
// A cold download of ~120 MB takes about a minute; leave room for slow networks.
const MAVEN_TIMEOUT_MS = 20 * 60_000;

/** The throwaway POM whose runtime dependencies are a whole Neo4j Community server. */
export function renderPom(version: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>careergraph</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** Where the jars of one Neo4j version live inside the cache (`<cache>/neo4j-<version>/lib`). */
export function jarsDir(cache: string, version: string): string {
  return path.join(cache, `neo4j-${version}`, 'lib');
}

/** The `mvn` executable on PATH, or undefined. */
export function findMaven(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return findOnPath(process.platform === 'win32' ? 'mvn.cmd' : 'mvn', env.PATH);
}

/**
 * Resolves `org.neo4j:neo4j:<version>` and its runtime dependencies into the cache through Maven and
 * returns the directory holding the jars. A marker written only after Maven succeeds makes an
 * interrupted download start over; jars land in a private directory first so concurrent callers
 * never see a half-filled `lib`.
 */
export async function resolveNeo4jJars(options: {
  mvn: string;
  cache: string;
  version: string;
  log?: (message: string) => void;
}): Promise<string> {
  const { mvn, cache, version } = options;
  const versionDir = path.join(cache, `neo4j-${version}`);
  const lib = jarsDir(cache, version);
  const marker = path.join(versionDir, COMPLETE_MARKER);
  if (existsSync(marker)) return lib;

  await mkdir(versionDir, { recursive: true });
  const partial = path.join(versionDir, `lib.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  const pom = path.join(versionDir, 'pom.xml');
  await writeFile(pom, renderPom(version));
  options.log?.(`Resolving Neo4j ${version} through Maven into ${versionDir} (first time only, ~1 min)…`);
  const started = Date.now();
  const result = await run(
    mvn,
    [
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      pom,
      `${DEPENDENCY_PLUGIN}:copy-dependencies`,
      '-DincludeScope=runtime',
      `-DoutputDirectory=${partial}`,
    ],
    { timeoutMs: MAVEN_TIMEOUT_MS, cwd: versionDir },
  );
  if (result.code !== 0) {
    await rm(partial, { recursive: true, force: true });
    // Strip ANSI colour codes Maven may emit despite -Dstyle.color=never.
    const plain = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    const output = plain.trim().split('\n').slice(-25).join('\n');
    throw new CareerGraphError(
      'NEO4J_NOT_FOUND',
      `Maven could not resolve org.neo4j:neo4j:${version} (${result.error?.message ?? `exit ${result.code}`}).\n` +
        `Check the version and that Maven reaches Maven Central. Maven said:\n${output}`,
    );
  }
  const jars = (await readdir(partial)).filter((f) => f.endsWith('.jar'));
  if (jars.length === 0) {
    await rm(partial, { recursive: true, force: true });
    throw new CareerGraphError('NEO4J_NOT_FOUND', `Maven resolved no jars for org.neo4j:neo4j:${version}.`);
  }
  if (existsSync(marker)) {
    // Another process finished first; its copy is complete, keep it.
    await rm(partial, { recursive: true, force: true });
    return lib;
  }
  await rm(lib, { recursive: true, force: true });
  await rename(partial, lib);
  await writeFile(marker, `${new Date().toISOString()} ${jars.length} jars\n`);
  options.log?.(`Resolved ${jars.length} jars in ${Math.round((Date.now() - started) / 1000)} s.`);
  return lib;
}
