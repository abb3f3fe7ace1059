import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver, type Neo4jConnection } from '../../src/graph/driver.ts';
import { run } from '../../src/neo4j/exec.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const home = path.join(repoRoot, '.careergraph', 'test', `cli-${randomBytes(6).toString('hex')}`);

/** Runs the real CLI as a user would, without the NEO4J_* the global setup exported. */
function cli(...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NEO4J_')));
  return run(process.execPath, [path.join(repoRoot, 'bin', 'careergraph.js'), ...args], {
    cwd: repoRoot,
    env,
    timeoutMs: 200_000,
  });
}

function parseEnvLines(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

async function query(conn: Neo4jConnection, cypher: string, params: Record<string, unknown>) {
  const driver = createDriver(conn);
  try {
    const { records } = await driver.executeQuery(cypher, params, { database: conn.database });
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

describe('careergraph db (the real CLI)', () => {
  afterAll(async () => {
    await cli('db', 'stop', '--home', home);
    await rm(home, { recursive: true, force: true });
  });

  it('starts, reports, stops and restarts an instance that keeps its data and password', async () => {
    const port = await findFreePort();
    const started = await cli('db', 'start', '--port', String(port), '--home', home);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout.trim().split('\n')).toHaveLength(4);
    const env = parseEnvLines(started.stdout);
    expect(env).toEqual({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: expect.stringMatching(/^[\w-]{16,}$/),
      NEO4J_DATABASE: 'neo4j',
    });
    const conn: Neo4jConnection = {
      uri: env.NEO4J_URI as string,
      user: env.NEO4J_USER as string,
      password: env.NEO4J_PASSWORD as string,
      database: env.NEO4J_DATABASE as string,
    };
    const id = randomUUID();
    await query(conn, 'CREATE (:CliProbe {id: $id})', { id });

    const running = await cli('db', 'status', '--home', home);
    expect(running.code, running.stderr).toBe(0);
    expect(running.stdout).toContain(`running: bolt://127.0.0.1:${port}`);

    const again = await cli('db', 'start', '--port', String(port), '--home', home);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(started.stdout);
    expect(again.stderr).toContain('already running');

    expect((await cli('db', 'stop', '--home', home)).code).toBe(0);
    const stopped = await cli('db', 'status', '--home', home);
    expect(stopped.code).toBe(3);
    expect(stopped.stdout).toContain('not running');

    const restarted = await cli('db', 'start', '--port', String(port), '--home', home);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(parseEnvLines(restarted.stdout)).toEqual(env);
    expect(await query(conn, 'MATCH (p:CliProbe {id: $id}) RETURN p.id AS id', { id })).toEqual([{ id }]);

    const reset = await cli('db', 'reset', '--yes', '--home', home);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toBe('');
    expect(await query(conn, 'MATCH (p:CliProbe) RETURN p.id AS id', {})).toEqual([]);

    expect((await cli('db', 'stop', '--home', home)).code).toBe(0);
    expect((await cli('db', 'status', '--home', home)).code).toBe(3);
  }, 240_000);

  it('names the port when something else listens on it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const result = await cli('db', 'start', '--port', String(port), '--home', `${home}-busy`);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      await rm(`${home}-busy`, { recursive: true, force: true });
    }
  });

  it('refuses to reset without --yes and reports a never-started home as not running', async () => {
    const reset = await cli('db', 'reset', '--home', `${home}-none`);
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain('--yes');
    const status = await cli('db', 'status', '--home', `${home}-none`);
    expect(status.code).toBe(3);
    expect(status.stdout).toContain('not running');
  });
});
