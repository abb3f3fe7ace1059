import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localUri, parseState, readState, type ServerState, uriPointsAt, writeState } from './state.ts';

const state: ServerState = {
  port: 7700,
  password: 'pw-0123456789',
  pid: 4242,
  via: 'maven',
  version: '5.26.30',
  startedAt: '2026-01-01T00:00:00.000Z',
};

describe('parseState', () => {
  it('accepts what writeState writes, including a stopped server (pid null)', () => {
    expect(parseState(JSON.stringify(state))).toEqual(state);
    expect(parseState(JSON.stringify({ ...state, pid: null })).pid).toBeNull();
    expect(parseState(JSON.stringify({ ...state, via: 'docker', container: 'c' })).container).toBe('c');
  });

  it('names the file and the problem when it is damaged', () => {
    expect(() => parseState('{', '/h/careergraph.json')).toThrow(/careergraph\.json is not valid JSON/);
    expect(() => parseState(JSON.stringify({ ...state, port: 'x' }))).toThrow(/port/);
    expect(() => parseState(JSON.stringify({ ...state, via: 'podman' }))).toThrow(/via/);
    const { password: _omitted, ...withoutPassword } = state;
    expect(() => parseState(JSON.stringify(withoutPassword))).toThrow(/password/);
  });
});

describe('readState / writeState', () => {
  let home: string | undefined;
  afterEach(async () => {
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('round-trips and keeps the password file private', async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'cg-state-'));
    expect(await readState(home)).toBeUndefined();
    await writeState(home, state);
    expect(await readState(home)).toEqual(state);
    expect((await stat(path.join(home, 'careergraph.json'))).mode & 0o777).toBe(0o600);
  });
});

describe('uriPointsAt', () => {
  it('recognises the home’s own address in NEO4J_URI', () => {
    expect(uriPointsAt(localUri(7700), state)).toBe(true);
    expect(uriPointsAt('neo4j://localhost:7700', state)).toBe(true);
    expect(uriPointsAt('bolt://127.0.0.1:7701', state)).toBe(false);
    expect(uriPointsAt('neo4j+s://db.example.com:7700', state)).toBe(false);
    expect(uriPointsAt('bolt://localhost', { ...state, port: 7687 })).toBe(true);
    expect(uriPointsAt('not a uri', state)).toBe(false);
    expect(uriPointsAt(localUri(7700), undefined)).toBe(false);
  });
});
