import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CareerGraphError } from '../errors.ts';
import { waitForBolt } from '../graph/driver.ts';
import { renderNeo4jConf, serverArgs, setInitialPasswordArgs } from './conf.ts';
import { run } from './exec.ts';
import type { JavaRuntime } from './java.ts';
import { resolveNeo4jJars } from './maven.ts';
import { isAlive, terminate } from './processes.ts';
import { localUri, readState, type ServerState, writeState } from './state.ts';

/** How to run one jar-based instance. */
export interface LocalServerOptions {
  home: string;
  port: number;
  cache: string;
  version: string;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  java: JavaRuntime;
  mvn: string;
  /** Detach so the server outlives this process (`db start`); tests keep it in their process group. */
  detached?: boolean;
  log?: (message: string) => void;
}

/** The log a jar-run server writes its stdout and stderr to. */
export function consoleLogPath(home: string): string {
  return path.join(home, 'logs', 'console.log');
}

/** The last `lines` lines of the console log, or a note that there is none. */
export async function consoleTail(home: string, lines = 30): Promise<string> {
  try {
    const text = await readFile(consoleLogPath(home), 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no console log)';
  }
}

/** Something in the server's command line that identifies the home, to tell our pid from a reused one. */
export function processMarker(home: string): string {
  return `--home-dir=${home}`;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A password for a new instance: 24 random letters and digits (~143 bits). No symbols: it must be
 * safe unquoted in a shell line and must not start with `-`, which the admin tool reads as an option.
 */
export function generatePassword(): string {
  return Array.from({ length: 24 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

// Java stack frames bury the one line that says what is wrong (e.g. an invalid setting value).
function withoutStackFrames(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line))
    .join('\n')
    .trim();
}

async function setInitialPassword(options: LocalServerOptions, lib: string, password: string): Promise<void> {
  const { home } = options;
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') };
  const result = await run(options.java.path, setInitialPasswordArgs({ home, lib, password }), {
    env,
    timeoutMs: 120_000,
  });
  if (result.code !== 0) {
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `Setting the initial Neo4j password in ${home} failed:\n${withoutStackFrames(result.stderr || result.stdout)}`,
    );
  }
}

/**
 * Starts Neo4j Community from Maven-resolved jars in `home`: writes conf/neo4j.conf, sets a generated
 * password before the first start (reused from the state file later, keeping the data), spawns the
 * server with its output in logs/console.log, records `<home>/careergraph.json`, and waits until Bolt
 * accepts the credentials. On failure the process is stopped and the error quotes the console log.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<ServerState> {
  const { home, port, log } = options;
  const previous = await readState(home);
  const hasData = existsSync(path.join(home, 'data', 'databases', 'system'));
  if (hasData && !previous) {
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `${home} holds a Neo4j database but no careergraph.json, so its password is unknown. ` +
        'Restore that file, or delete the home to start afresh.',
    );
  }
  const lib = await resolveNeo4jJars({
    mvn: options.mvn,
    cache: options.cache,
    version: options.version,
    log,
  });

  for (const dir of ['conf', 'data', 'logs', 'plugins', 'import', 'run']) {
    await mkdir(path.join(home, dir), { recursive: true });
  }
  await writeFile(
    path.join(home, 'conf', 'neo4j.conf'),
    renderNeo4jConf({ port, pageCache: options.pageCache, version: options.version }),
  );
  const password = previous?.password ?? generatePassword();
  if (!hasData) {
    log?.(`Setting the initial password of ${home}…`);
    await setInitialPassword(options, lib, password);
  }

  log?.(`Starting Neo4j ${options.version} on 127.0.0.1:${port} (home ${home})…`);
  const consoleLog = await open(consoleLogPath(home), 'w');
  let pid: number;
  try {
    const child = spawn(options.java.path, serverArgs({ home, lib, heap: options.heap }), {
      cwd: home,
      detached: options.detached ?? true,
      stdio: ['ignore', consoleLog.fd, consoleLog.fd],
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') },
    });
    pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid as number));
      child.once('error', reject);
    });
    // Neither the handle nor the log descriptor may keep `db start` from exiting.
    child.unref();
  } finally {
    await consoleLog.close();
  }

  const state: ServerState = {
    port,
    password,
    pid,
    via: 'maven',
    version: options.version,
    startedAt: new Date().toISOString(),
  };
  await writeState(home, state);
  const marker = processMarker(home);
  const conn = { uri: localUri(port), user: 'neo4j', password, database: 'neo4j' };
  try {
    await waitForBolt(conn, options.startTimeoutMs, { isStarting: () => isAlive(pid, marker) });
  } catch (error) {
    const outcome = await terminate(pid, 30_000, marker);
    await writeState(home, { ...state, pid: null });
    const reason = error instanceof Error ? error.message : String(error);
    const stopped =
      outcome === 'not-running'
        ? ''
        : `The server was stopped (start timeout ${Math.round(options.startTimeoutMs / 1000)} s, ` +
          'set by CAREERGRAPH_NEO4J_START_TIMEOUT). ';
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `${reason}\n${stopped}Last lines of ${consoleLogPath(home)}:\n${await consoleTail(home)}`,
      { cause: error },
    );
  }
  return state;
}

/** Whether the jar-run server recorded in `state` is alive (pid checked against the home). */
export function isLocalServerRunning(home: string, state: ServerState): boolean {
  return state.via === 'maven' && state.pid !== null && isAlive(state.pid, processMarker(home));
}

/** Stops the jar-run server of `home` (SIGTERM, then SIGKILL after `graceMs`) and clears its pid. */
export async function stopLocalServer(
  home: string,
  state: ServerState,
  graceMs = 60_000,
): Promise<'not-running' | 'terminated' | 'killed'> {
  const outcome =
    state.pid === null ? 'not-running' : await terminate(state.pid, graceMs, processMarker(home));
  await writeState(home, { ...state, pid: null });
  return outcome;
}
