import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { connectFromEnv, createDriver, resolveConnection, waitForBolt } from '../../src/graph/driver.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';
import { writeState } from '../../src/neo4j/state.ts';
import { testConnection, testDriver } from '../helpers/neo4j.ts';

describe('driver', () => {
  const driver = testDriver();
  afterAll(() => driver.close());

  it('talks to the test server the global setup provides', async () => {
    const { records } = await driver.executeQuery(
      'RETURN 1 AS one',
      {},
      { database: testConnection().database },
    );
    expect(records[0]?.get('one').toNumber()).toBe(1);
  });

  it('waitForBolt fails at once on a wrong password instead of polling until the timeout', async () => {
    const started = Date.now();
    await expect(waitForBolt({ ...testConnection(), password: 'not-the-password' }, 30_000)).rejects.toThrow(
      /rejected the credentials/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('waitForBolt gives up after the timeout when nothing listens', async () => {
    const port = await findFreePort();
    const conn = { ...testConnection(), uri: `bolt://127.0.0.1:${port}` };
    await expect(waitForBolt(conn, 1_000, { intervalMs: 100 })).rejects.toThrow(/within 1 s/);
  });

  it('rejects a malformed URI with a config error', () => {
    expect(() => createDriver({ uri: 'http//nope', user: 'neo4j', password: 'x' })).toThrow(
      /Invalid Neo4j URI/,
    );
  });
});

describe('connectFromEnv', () => {
  const homes: string[] = [];
  afterAll(async () => {
    for (const home of homes) await rm(home, { recursive: true, force: true });
  });
  const tempHome = async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'cg-home-'));
    homes.push(home);
    return home;
  };

  it('uses NEO4J_URI and friends when set', async () => {
    const conn = testConnection();
    const config = loadConfig({
      NEO4J_URI: conn.uri,
      NEO4J_USER: conn.user,
      NEO4J_PASSWORD: conn.password,
      NEO4J_DATABASE: conn.database,
    });
    const { driver, connection } = await connectFromEnv(config);
    await driver.close();
    expect(connection).toEqual(conn);
  });

  it('falls back to the state file `db start` wrote in the home', async () => {
    const home = await tempHome();
    await writeState(home, {
      port: 7777,
      password: 'from-state',
      pid: null,
      via: 'maven',
      version: '5.26.30',
      startedAt: new Date().toISOString(),
    });
    const config = loadConfig({ CAREERGRAPH_HOME: home });
    expect(await resolveConnection(config)).toEqual({
      uri: 'bolt://127.0.0.1:7777',
      user: 'neo4j',
      password: 'from-state',
      database: 'neo4j',
    });
  });

  it('says to run `careergraph db start` or set NEO4J_URI when there is neither', async () => {
    const config = loadConfig({ CAREERGRAPH_HOME: await tempHome() });
    await expect(connectFromEnv(config)).rejects.toMatchObject({
      code: 'NEO4J_NOT_FOUND',
      message: expect.stringMatching(/careergraph db start[\s\S]*NEO4J_URI/),
    });
  });

  it('says the local instance is not running when its state exists but nothing answers', async () => {
    const home = await tempHome();
    const port = await findFreePort();
    const startedAt = new Date().toISOString();
    await writeState(home, { port, password: 'pw', pid: null, via: 'maven', version: '5.26.30', startedAt });
    await expect(connectFromEnv(loadConfig({ CAREERGRAPH_HOME: home }))).rejects.toMatchObject({
      code: 'NEO4J_UNAVAILABLE',
      message: expect.stringContaining('careergraph db start'),
    });
  });
});
