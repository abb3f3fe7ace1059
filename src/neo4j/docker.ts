import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CareerGraphError } from '../errors.ts';
import { waitForBolt } from '../graph/driver.ts';
import { run } from './exec.ts';
import { localUri, type ServerState, writeState } from './state.ts';

/** Whether a Docker engine answers (not just the CLI), within `timeoutMs`. */
export async function dockerAvailable(timeoutMs = 3_000): Promise<boolean> {
  const result = await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs });
  return result.code === 0 && result.stdout.trim() !== '';
}

/** One container per port, so instances on different ports run side by side. */
export function containerName(port: number): string {
  return `careergraph-neo4j-${port}`;
}

/** Whether the named container exists and is running. */
export async function isContainerRunning(name: string): Promise<boolean> {
  const result = await run('docker', ['inspect', '--format', '{{.State.Running}}', name], {
    timeoutMs: 10_000,
  });
  return result.code === 0 && result.stdout.trim() === 'true';
}

/** Stops and removes a container; the data stays in the home's bind-mounted data directory. */
export async function removeContainer(name: string): Promise<void> {
  await run('docker', ['stop', '--time', '60', name], { timeoutMs: 90_000 });
  await run('docker', ['rm', '--force', name], { timeoutMs: 30_000 });
}

async function logsTail(name: string): Promise<string> {
  const result = await run('docker', ['logs', '--tail', '30', name], { timeoutMs: 10_000 });
  return `${result.stdout}${result.stderr}`.trim() || '(no container output)';
}

/** Neo4j settings as the image reads them from the environment (`.` → `_`, `_` → `__`). */
function settingEnv(setting: string, value: string): string[] {
  return ['--env', `NEO4J_${setting.replaceAll('_', '__').replaceAll('.', '_')}=${value}`];
}

/**
 * Runs the Neo4j image detached, Bolt published on 127.0.0.1:`port`, data in `<home>/data`, records
 * the state file and waits until Bolt accepts the password.
 */
export async function startDockerServer(options: {
  home: string;
  port: number;
  password: string;
  image: string;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  log?: (message: string) => void;
}): Promise<ServerState> {
  const { home, port, password, image } = options;
  const name = containerName(port);
  for (const dir of ['data', 'logs']) await mkdir(path.join(home, dir), { recursive: true });
  // A stopped container of the same name would make `docker run --name` fail.
  await run('docker', ['rm', '--force', name], { timeoutMs: 30_000 });
  // Run as the caller so the bind-mounted files stay deletable by them (the image chowns otherwise).
  const user = process.getuid && process.getgid ? ['--user', `${process.getuid()}:${process.getgid()}`] : [];
  options.log?.(`Starting ${image} as container ${name} on 127.0.0.1:${port}…`);
  const result = await run(
    'docker',
    [
      'run',
      '--detach',
      '--name',
      name,
      ...user,
      '--publish',
      `127.0.0.1:${port}:7687`,
      '--volume',
      `${path.join(home, 'data')}:/data`,
      '--volume',
      `${path.join(home, 'logs')}:/logs`,
      '--env',
      `NEO4J_AUTH=neo4j/${password}`,
      ...settingEnv('server.memory.pagecache.size', options.pageCache),
      ...settingEnv('server.memory.heap.max_size', options.heap),
      ...settingEnv('dbms.usage_report.enabled', 'false'),
      image,
    ],
    { timeoutMs: 15 * 60_000 },
  );
  if (result.code !== 0) {
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `docker run ${image} failed: ${(result.stderr || result.error?.message || '').trim()}`,
    );
  }
  const state: ServerState = {
    port,
    password,
    pid: null,
    via: 'docker',
    version: image,
    startedAt: new Date().toISOString(),
    container: name,
  };
  await writeState(home, state);
  const conn = { uri: localUri(port), user: 'neo4j', password, database: 'neo4j' };
  try {
    await waitForBolt(conn, options.startTimeoutMs, { isStarting: () => isContainerRunning(name) });
  } catch (error) {
    const tail = await logsTail(name);
    await removeContainer(name);
    const reason = error instanceof Error ? error.message : String(error);
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `${reason}\nThe container was removed. Its last output:\n${tail}`,
      { cause: error },
    );
  }
  return state;
}
