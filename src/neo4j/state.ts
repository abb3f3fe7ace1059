import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CareerGraphError } from '../errors.ts';

const STATE_FILE = 'careergraph.json';

const stateSchema = z.object({
  port: z.number().int().positive(),
  password: z.string().min(1),
  /** The server's pid while a jar-run server is (or was last) running; null once stopped or for docker. */
  pid: z.number().int().positive().nullable(),
  via: z.enum(['maven', 'docker']),
  /** The Neo4j version for `maven`, the image for `docker`. */
  version: z.string(),
  startedAt: z.string(),
  /** The container name when `via` is docker. */
  container: z.string().optional(),
});

/** What `db start` records about the instance of one home, in `<home>/careergraph.json`. */
export type ServerState = z.infer<typeof stateSchema>;

/** The path of a home's state file. */
export function statePath(home: string): string {
  return path.join(home, STATE_FILE);
}

/** Parses state-file text; a damaged file is an error that names it rather than a silent reset. */
export function parseState(text: string, file = STATE_FILE): ServerState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CareerGraphError('BAD_CONFIG', `${file} is not valid JSON; fix or delete it.`, {
      cause: error,
    });
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CareerGraphError(
      'BAD_CONFIG',
      `${file} is damaged (${problems.join('; ')}); fix or delete it.`,
    );
  }
  return parsed.data;
}

/** The state of a home, or undefined when that home has never been started. */
export async function readState(home: string): Promise<ServerState | undefined> {
  const file = statePath(home);
  if (!existsSync(file)) return undefined;
  return parseState(await readFile(file, 'utf8'), file);
}

/** Writes the state atomically and readable only by the owner, since it holds the password. */
export async function writeState(home: string, state: ServerState): Promise<void> {
  await mkdir(home, { recursive: true });
  const file = statePath(home);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

/** The Bolt URI a local instance listens on. */
export function localUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}

/** Whether a URI names the local instance recorded in `state` (so `eval "$(careergraph db start)"` then
 * `db stop`/`db start` still manage the home instead of treating it as someone else's server). */
export function uriPointsAt(uri: string, state: ServerState | undefined): boolean {
  if (!state) return false;
  try {
    const url = new URL(uri);
    const local = ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname);
    return local && Number(url.port || 7687) === state.port;
  } catch {
    return false;
  }
}
