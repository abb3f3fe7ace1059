import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of named Cypher files shipped with careergraph. */
export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

let cache: Map<string, string> | null = null;

function walk(dir: string, prefix = ''): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, `${prefix}${entry.name}/`);
    if (!entry.name.endsWith('.cypher')) return [];
    return [
      [`${prefix}${entry.name.replace(/\.cypher$/, '')}`, readFileSync(full, 'utf8')] as [string, string],
    ];
  });
}

/** Every Cypher file by name ("ingest/createRoles"), read once per process. */
export function cypherFiles(): Map<string, string> {
  cache ??= new Map(walk(CYPHER_DIR));
  return cache;
}

/** The text of one named Cypher file; throws on a name that does not exist (a programming error). */
export function cypher(name: string): string {
  const text = cypherFiles().get(name);
  if (text === undefined) throw new Error(`No Cypher file named ${name} in ${CYPHER_DIR}`);
  return text;
}

/** Splits a file of several statements (schema.cypher) into statements, dropping comments. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
