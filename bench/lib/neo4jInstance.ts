import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { createDriver, type Neo4jConnection } from '../../src/graph/driver.ts';
import { applySchema } from '../../src/graph/schema.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';
import { readState } from '../../src/neo4j/state.ts';
import { log } from './log.ts';

const run = promisify(execFile);

/** The repository root (bench/ lives directly under it). */
export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/careergraph.js');

/** Memory of the bench instance: sized for a 100k-people graph on a 24 GiB machine. */
export interface InstanceMemory {
  heap: string;
  pageCache: string;
}

/** The environment of a child that must use the bench instance, never a NEO4J_URI from outside. */
export function childEnv(conn: Neo4jConnection, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
    ...extra,
  };
}

/** A Neo4j of the bench's own, run from jars by `careergraph db start --port --home`. */
export class BenchInstance {
  connection!: Neo4jConnection;
  driver!: Driver;
  port = 0;

  constructor(
    readonly home: string,
    readonly memory: InstanceMemory,
  ) {}

  private async cli(args: string[]): Promise<string> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CAREERGRAPH_NEO4J_HEAP: this.memory.heap,
      CAREERGRAPH_NEO4J_PAGECACHE: this.memory.pageCache,
    };
    // The bench must start its own instance, whatever NEO4J_URI the shell has.
    delete env.NEO4J_URI;
    const { stdout } = await run(process.execPath, [CLI, ...args], { env, maxBuffer: 1 << 24 });
    return stdout;
  }

  /**
   * Starts the instance on a free port (or the port it last used) and connects. `fresh` first deletes the
   * store a previous run left (an interrupted run leaves gigabytes of transaction logs that Neo4j would
   * otherwise recover before accepting a connection).
   */
  async start(options: { fresh?: boolean } = {}): Promise<void> {
    if (options.fresh) await this.deleteStore();
    const previous = await readState(this.home);
    this.port = previous?.port ?? (await findFreePort());
    log(`starting Neo4j in ${path.relative(ROOT, this.home)} on port ${this.port}`);
    const out = await this.cli(['db', 'start', '--port', String(this.port), '--home', this.home]);
    const vars = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((l) => l.split('=', 2) as [string, string])
        .map(([k, v]) => [k, v.replace(/^'|'$/g, '')]),
    );
    this.connection = {
      uri: vars.NEO4J_URI as string,
      user: vars.NEO4J_USER as string,
      password: vars.NEO4J_PASSWORD as string,
      database: vars.NEO4J_DATABASE as string,
    };
    this.driver = createDriver(this.connection, { maxConnectionPoolSize: 100 });
  }

  async stop(): Promise<void> {
    await this.driver?.close();
    log('stopping Neo4j');
    await this.cli(['db', 'stop', '--home', this.home]);
  }

  /**
   * Empties the database. A small graph is deleted in batches (seconds); a large one is dropped by
   * stopping, deleting the store of the `neo4j` database (the system database and its password stay)
   * and starting again, which takes the same ~20 s whatever its size. The schema is re-applied.
   */
  async reset(): Promise<void> {
    const { nodes } = await this.counts();
    if (nodes < 300_000) {
      const session = this.driver.session({ database: this.connection.database });
      try {
        // CALL … IN TRANSACTIONS only runs in an auto-commit transaction, hence session.run.
        await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      } finally {
        await session.close();
      }
    } else {
      await this.stop();
      await this.deleteStore();
      await this.start();
    }
    await applySchema(this.driver, this.connection.database);
  }

  /** Deletes the `neo4j` database's store and transaction logs (the system database and password stay). */
  private async deleteStore(): Promise<void> {
    for (const dir of ['databases', 'transactions']) {
      await rm(path.join(this.home, 'data', dir, 'neo4j'), { recursive: true, force: true });
    }
  }

  /** The server's process id (for its CPU time), from the home's state file. */
  async pid(): Promise<number | null> {
    return (await readState(this.home))?.pid ?? null;
  }

  /** Node and relationship counts (from the count store: instant). */
  async counts(): Promise<{ nodes: number; relationships: number }> {
    const session = this.driver.session({ database: this.connection.database });
    try {
      const n = await session.run('MATCH (n) RETURN count(n) AS c');
      const r = await session.run('MATCH ()-[r]->() RETURN count(r) AS c');
      return { nodes: Number(n.records[0]?.get('c')), relationships: Number(r.records[0]?.get('c')) };
    } finally {
      await session.close();
    }
  }
}
