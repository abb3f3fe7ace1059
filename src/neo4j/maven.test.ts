import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jarsDir, renderPom, resolveNeo4jJars } from './maven.ts';

// A stand-in for mvn: copies "jars" into -DoutputDirectory, or fails when FAIL is in its name.
const FAKE_MVN = `#!/bin/sh
case "$0" in *fail*) echo "[ERROR] Could not find artifact org.neo4j:neo4j" >&2; exit 1;; esac
for arg in "$@"; do
  case "$arg" in -DoutputDirectory=*) out="\${arg#-DoutputDirectory=}";; esac
done
mkdir -p "$out" && touch "$out/neo4j-kernel.jar" "$out/neo4j-bolt.jar"
`;

describe('renderPom', () => {
  it('depends on org.neo4j:neo4j at the given version', () => {
    const pom = renderPom('5.26.30');
    expect(pom).toContain('<groupId>org.neo4j</groupId>');
    expect(pom).toContain('<artifactId>neo4j</artifactId>');
    expect(pom).toContain('<version>5.26.30</version>');
  });
});

describe('resolveNeo4jJars', () => {
  let dir: string;
  let mvn: string;
  let failingMvn: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cg-maven-'));
    mvn = path.join(dir, 'mvn');
    failingMvn = path.join(dir, 'mvn-fail');
    for (const file of [mvn, failingMvn]) {
      await writeFile(file, FAKE_MVN);
      await chmod(file, 0o755);
    }
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('copies the jars into <cache>/neo4j-<version>/lib and marks them complete', async () => {
    const cache = path.join(dir, 'cache');
    const lib = await resolveNeo4jJars({ mvn, cache, version: '5.26.30' });
    expect(lib).toBe(jarsDir(cache, '5.26.30'));
    expect((await readdir(lib)).sort()).toEqual(['neo4j-bolt.jar', 'neo4j-kernel.jar']);
    expect(existsSync(path.join(cache, 'neo4j-5.26.30', 'lib.complete'))).toBe(true);
  });

  it('does not run Maven again once the marker exists', async () => {
    const cache = path.join(dir, 'cache');
    await resolveNeo4jJars({ mvn, cache, version: '5.26.30' });
    await expect(resolveNeo4jJars({ mvn: failingMvn, cache, version: '5.26.30' })).resolves.toBe(
      jarsDir(cache, '5.26.30'),
    );
  });

  it('redoes an interrupted download (lib without marker) and leaves no marker on failure', async () => {
    const cache = path.join(dir, 'cache');
    const lib = jarsDir(cache, '5.26.30');
    await mkdir(lib, { recursive: true });
    await writeFile(path.join(lib, 'half-written.jar'), '');
    await expect(resolveNeo4jJars({ mvn: failingMvn, cache, version: '5.26.30' })).rejects.toThrow(
      /Maven could not resolve org\.neo4j:neo4j:5\.26\.30[\s\S]*Could not find artifact/,
    );
    expect(existsSync(path.join(cache, 'neo4j-5.26.30', 'lib.complete'))).toBe(false);
    await resolveNeo4jJars({ mvn, cache, version: '5.26.30' });
    expect(await readdir(lib)).not.toContain('half-written.jar');
  });
});
