import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { findOnPath, run } from './exec.ts';

/** A Java runtime fit to run Neo4j 5.26. */
export interface JavaRuntime {
  /** Absolute path of the `java` executable. */
  path: string;
  major: number;
}

// Neo4j 5.26 needs Java 17 and does not start on 25; 2025.x would need 21.
const MIN_MAJOR = 17;
const MAX_MAJOR = 24;

/** The major version in `java -version` output ("1.8.0_292" → 8, "17.0.15" → 17, "21" → 21). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "([^"]+)"/.exec(versionOutput) ?? /^\S+ (\d[\d.]*)/m.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const parts = match[1].split(/[._+-]/);
  const first = Number(parts[0]);
  if (!Number.isInteger(first)) return undefined;
  if (first === 1) {
    const second = Number(parts[1]);
    return Number.isInteger(second) ? second : undefined;
  }
  return first;
}

/** Whether a Java major version can run the Neo4j version careergraph pins. */
export function isSupportedJava(major: number): boolean {
  return major >= MIN_MAJOR && major <= MAX_MAJOR;
}

async function probe(javaPath: string): Promise<JavaRuntime | undefined> {
  // `java -version` prints to stderr; a timeout guards against a wedged wrapper script.
  const result = await run(javaPath, ['-version'], { timeoutMs: 15_000 });
  if (result.code !== 0) return undefined;
  const major = parseJavaMajor(result.stderr + result.stdout);
  return major === undefined ? undefined : { path: javaPath, major };
}

/**
 * Finds Java 17–24: `JAVA_HOME` first, then `java` on PATH, then a 17 or 21 JDK under /usr/lib/jvm.
 * Returns undefined (with what was seen in `rejected`) when none fits.
 */
export async function findJava(
  env: NodeJS.ProcessEnv = process.env,
  jvmDir = '/usr/lib/jvm',
): Promise<{ java?: JavaRuntime; rejected: string[] }> {
  const rejected: string[] = [];
  const candidates: string[] = [];
  if (env.JAVA_HOME) candidates.push(path.join(env.JAVA_HOME, 'bin', 'java'));
  const onPath = await findOnPath('java', env.PATH);
  if (onPath) candidates.push(onPath);
  try {
    // Prefer the LTS releases Neo4j 5.26 is certified on, 17 before 21.
    const dirs = (await readdir(jvmDir))
      .filter((d) => !d.startsWith('.') && /(^|[^\d])(17|21)([^\d]|$)/.test(d))
      .sort();
    dirs.sort((a, b) => Number(!a.includes('17')) - Number(!b.includes('17')));
    for (const d of dirs) candidates.push(path.join(jvmDir, d, 'bin', 'java'));
  } catch {
    // no /usr/lib/jvm on this system
  }
  const seen = new Set<string>();
  for (const listed of candidates) {
    // Symlinked JDK directories (java-1.17.0-openjdk → java-17-openjdk) would be probed twice.
    const candidate = await realpath(listed).catch(() => listed);
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const java = await probe(candidate);
    if (java && isSupportedJava(java.major)) return { java, rejected };
    rejected.push(java ? `${candidate} (Java ${java.major})` : `${candidate} (does not run)`);
  }
  return { rejected };
}
