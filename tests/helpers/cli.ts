import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Neo4jConnection } from '../../src/graph/driver.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How a CLI child process ended. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Seconds from spawn to exit. */
  seconds: number;
}

/** A running `node bin/careergraph.js …` child. */
export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  /** Output so far. */
  output(): { stdout: string; stderr: string };
  done: Promise<CliResult>;
}

/** The environment of a CLI child talking to `conn` (nothing else of NEO4J_* leaks in). */
export function cliEnv(conn: Neo4jConnection, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
    ...extra,
  };
}

/** Spawns the real CLI (`node bin/careergraph.js ARGS`) from the repository root. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): CliRun {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/careergraph.js', ...args], { cwd: repoRoot, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    );
  });
  return { child, output: () => ({ stdout, stderr }), done };
}

/** The JSON summary `careergraph ingest --json` printed, or undefined (killed, or aborted). */
export function ingestSummary(stdout: string):
  | {
      files: number;
      written: number;
      unchanged: number;
      errors: { file: string; reason: string }[];
    }
  | undefined {
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

/** A stack trace in CLI output: Node's `    at fn (file:line)` frames. */
export const STACK_FRAME = /^\s+at .+[:(]/m;
