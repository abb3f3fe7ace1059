import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CareerGraphError } from '../errors.ts';
import { createDriver, isNeo4jUnavailable } from '../graph/driver.ts';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import { findFreePort } from '../neo4j/ports.ts';
import { ingestFiles } from './ingestFiles.ts';
import type { InputResult } from './read/readInputs.ts';

function resume(i: number): InputResult {
  const text = `Person Number${i}\nperson${i}@example.com\n\nExperience\n\nSoftware Engineer, Contoso\n2019 – 2021\n- Built services in Go\n`;
  return {
    ok: true,
    file: {
      key: `unit/${i}.txt`,
      fileName: `${i}.txt`,
      format: 'text',
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
    },
  };
}

async function* inputs(n: number): AsyncIterable<InputResult> {
  for (let i = 0; i < n; i++) yield resume(i);
}

describe('isNeo4jUnavailable', () => {
  it('is true for connection and shutdown errors, false for refused writes', () => {
    expect(isNeo4jUnavailable({ code: 'ServiceUnavailable' })).toBe(true);
    expect(isNeo4jUnavailable({ code: 'SessionExpired' })).toBe(true);
    expect(isNeo4jUnavailable({ code: 'Neo.TransientError.General.DatabaseUnavailable' })).toBe(true);
    expect(isNeo4jUnavailable(new CareerGraphError('NEO4J_UNAVAILABLE', 'down'))).toBe(true);
    expect(isNeo4jUnavailable({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' })).toBe(false);
    expect(isNeo4jUnavailable({ code: 'Neo.TransientError.Transaction.DeadlockDetected' })).toBe(false);
    expect(isNeo4jUnavailable(new Error('boom'))).toBe(false);
  });
});

describe('ingestFiles when Neo4j cannot be reached', () => {
  it('stops at the first unreachable write with NEO4J_UNAVAILABLE instead of retrying file by file', async () => {
    // A real driver to a port nothing listens on: every write is refused by the OS.
    const port = await findFreePort();
    const driver = createDriver(
      { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'nothing-listens' },
      { maxTransactionRetryTime: 2_000, connectionTimeout: 1_000 },
    );
    const started = Date.now();
    try {
      const run = ingestFiles(inputs(40), {
        lexicon: createLexicon(loadReferenceData()),
        driver,
        batchSize: 5,
        concurrency: 2,
      });
      const error = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CareerGraphError);
      expect((error as CareerGraphError).code).toBe('NEO4J_UNAVAILABLE');
      expect((error as Error).message).toMatch(
        /^Neo4j became unavailable during the ingest \(ServiceUnavailable: /,
      );
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
      expect((error as Error).message).toMatch(/At least 0 file\(s\) were written/);
      expect((error as Error).message).toMatch(/Run the same command again/);
      // File by file, 40 files would wait out the 2 s retry 40 times (≥ 40 s at a concurrency of 2).
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await driver.close();
    }
  });
});
