import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypher } from './cypherFiles.ts';
import { toCypherParams, toPlain } from './plain.ts';

/** Runs named Cypher files for one API request and counts the round trips (for the N+1 guard). */
export interface GraphReader {
  /** One read transaction (routable to cluster followers); rows as plain objects. */
  read<T = Record<string, unknown>>(name: string, params?: Record<string, unknown>): Promise<T[]>;
  /** One write transaction. */
  write<T = Record<string, unknown>>(name: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Cypher round trips so far. */
  readonly queries: number;
  /** The names of the queries run, in order. */
  readonly log: readonly string[];
}

/** A reader over the driver with a transaction timeout; create one per request. */
export function createGraphReader(
  driver: Driver,
  options: { database?: string; timeoutMs: number },
): GraphReader {
  const log: string[] = [];
  const run = async <T>(
    mode: 'READ' | 'WRITE',
    name: string,
    params: Record<string, unknown>,
  ): Promise<T[]> => {
    const text = cypher(name);
    log.push(name);
    const session = driver.session({
      database: options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const work = (tx: {
        run: (q: string, p: Record<string, unknown>) => Promise<{ records: { toObject(): object }[] }>;
      }) => tx.run(text, toCypherParams(params));
      const config = { timeout: options.timeoutMs };
      const result =
        mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      return result.records.map((r) => toPlain(r.toObject()) as T);
    } finally {
      await session.close();
    }
  };
  return {
    read: (name, params = {}) => run('READ', name, params),
    write: (name, params = {}) => run('WRITE', name, params),
    get queries() {
      return log.length;
    },
    log,
  };
}
