import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testConnection } from '../helpers/neo4j.ts';

const root = path.resolve(import.meta.dirname, '../..');

function careergraph(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const conn = testConnection();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: conn.uri,
    NEO4J_USER: conn.user,
    NEO4J_PASSWORD: conn.password,
    NEO4J_DATABASE: conn.database,
  };
  delete env.CAREERGRAPH_API_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/careergraph.js', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('careergraph query', () => {
  it('prints the JSON response of an operation', async () => {
    const run = await careergraph(['query', '{ __typename }']);
    expect(run.stdout).toBe('{"data":{"__typename":"Query"}}\n');
    expect(run.code).toBe(0);
  });

  it('passes --variables and reports errors as a client would see them, exit code 1', async () => {
    const run = await careergraph([
      'query',
      'query ($b: Boolean!) { __typename @include(if: $b) }',
      '--variables',
      '{"b": "not a boolean"}',
    ]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.data).toBeUndefined();
    expect(result.errors[0]).toMatchObject({
      message: expect.stringMatching(/\$b.*Boolean/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const passed = await careergraph([
      'query',
      'query ($b: Boolean!) { __typename @include(if: $b) }',
      '--variables',
      '{"b": true}',
    ]);
    expect(passed.stdout).toBe('{"data":{"__typename":"Query"}}\n');
    const invalid = await careergraph(['query', '{ nope }']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout).errors[0]).toMatchObject({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('fails on bad --variables JSON with a message naming the option', async () => {
    const run = await careergraph(['query', '{ __typename }', '--variables', '{bad']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--variables is not valid JSON/);
  });
});
