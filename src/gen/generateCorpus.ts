import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ComparableResume } from '../eval/comparable.ts';
import { stableHash } from '../ingest/resolve/ids.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { ReferenceData } from '../lexicon/referenceData.ts';
import { type GenNow, generatePerson } from './careers.ts';
import { buildUniverse, type CompanyUniverse } from './companies.ts';
import { createRandom } from './random.ts';
import { type GenFormat, renderPerson, toComparableResume } from './render.ts';

/** What to generate. */
export interface CorpusOptions {
  people: number;
  seed: number | string;
  out: string;
  formats: GenFormat[];
  /** Careers run up to this month; fixed by default so a corpus never depends on the day it is made. */
  now?: GenNow;
  /** Files per sub-folder (folders of 100k files are slow to list). */
  shardSize?: number;
  /** Zipf exponent of employer sizes. */
  exponent?: number;
  onProgress?: (done: number) => void;
}

/** One line of truth.jsonl: what a correct reading of one file holds. */
export interface TruthLine {
  index: number;
  /** The id ingest gives this person (from the email). */
  personId: string;
  /** Path of the file, relative to the corpus folder. */
  file: string;
  format: GenFormat;
  layout: string;
  expected: ComparableResume;
}

/** manifest.json: how the corpus was made and what it holds. */
export interface CorpusManifest {
  generator: 'careergraph gen';
  version: 1;
  seed: number | string;
  people: number;
  formats: GenFormat[];
  now: GenNow;
  exponent: number;
  files: Record<string, number>;
  roles: number;
  companiesUsed: number;
  technologiesUsed: number;
  /** Employer families by the number of people who worked there, largest first (top 50). */
  largestFamilies: { name: string; people: number; members: number }[];
}

/** companies.json: every employer, with the people who held a role there (for workloads and checks). */
export interface CorpusCompany {
  name: string;
  parent: string | null;
  family: string;
  kind: string;
  people: number;
}

export const DEFAULT_NOW: GenNow = { year: 2025, month: 6 };

/** Places that are plain city names, so schools and locations read as such. */
export function cityNames(places: string[]): string[] {
  return places.filter((p) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*$/u.test(p) && p.length >= 4);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The employer universe of a corpus (the same one `generateCorpus` uses for these options). */
export function corpusUniverse(
  options: Pick<CorpusOptions, 'seed' | 'people' | 'exponent'>,
  data: ReferenceData,
  lexicon: Lexicon,
): CompanyUniverse {
  return buildUniverse(
    { seed: options.seed, people: options.people, exponent: options.exponent },
    data.companies,
    cityNames(data.places),
    lexicon,
  );
}

/**
 * Writes a corpus: one résumé file per person under `resumes/<shard>/`, `truth.jsonl` (one line per
 * person: the expected extraction), `companies.json` and `manifest.json`. Streams: each person is
 * generated, rendered, written and dropped, so memory stays flat however many people; only the
 * employer universe and per-company counts are held. Deterministic for a seed (byte-identical files).
 */
export async function generateCorpus(
  options: CorpusOptions,
  data: ReferenceData,
  lexicon: Lexicon,
): Promise<CorpusManifest> {
  const { out, people, seed, formats } = options;
  if (formats.length === 0) throw new Error('at least one format is needed');
  const now = options.now ?? DEFAULT_NOW;
  const shardSize = options.shardSize ?? 1000;
  const exponent = options.exponent ?? 0.95;
  if (existsSync(out)) {
    const entries = await readdir(out);
    if (entries.length > 0 && !entries.includes('manifest.json') && !entries.includes('truth.jsonl')) {
      throw new Error(`${out} is not empty and holds no generated corpus; give an empty or new folder`);
    }
    // A corpus folder is regenerated whole: stale files of a larger corpus must not linger.
    for (const name of ['resumes', 'truth.jsonl', 'manifest.json', 'companies.json']) {
      await rm(path.join(out, name), { recursive: true, force: true });
    }
  }
  await mkdir(path.join(out, 'resumes'), { recursive: true });
  const places = cityNames(data.places);
  const universe = corpusUniverse({ seed, people, exponent }, data, lexicon);
  const peopleAt = new Map<number, number>();
  const technologies = new Set<string>();
  const files: Record<string, number> = {};
  let roles = 0;

  const truth = createWriteStream(path.join(out, 'truth.jsonl'));
  const truthError = new Promise<never>((_, reject) => truth.once('error', reject));
  truthError.catch(() => {});
  let madeShard = -1;
  for (let i = 0; i < people; i++) {
    const person = generatePerson(seed, i, universe, now, places);
    const format = createRandom(seed, 'format', i).pick(formats);
    const rendered = await renderPerson(person, universe, format, createRandom(seed, 'layout', i).int(0, 11));
    const shard = Math.floor(i / shardSize);
    const dir = path.join('resumes', String(shard).padStart(4, '0'));
    if (shard !== madeShard) {
      await mkdir(path.join(out, dir), { recursive: true });
      madeShard = shard;
    }
    const file = path.posix.join(
      dir.split(path.sep).join('/'),
      `${String(i).padStart(6, '0')}-${slug(person.name.full)}.${rendered.extension}`,
    );
    await writeFile(path.join(out, file), rendered.content);
    const line: TruthLine = {
      index: i,
      personId: `person:${stableHash('email', person.email.toLowerCase())}`,
      file,
      format,
      layout: rendered.layout,
      expected: toComparableResume(person, universe, 'canonical'),
    };
    if (!truth.write(`${JSON.stringify(line)}\n`)) await Promise.race([once(truth, 'drain'), truthError]);
    files[format] = (files[format] ?? 0) + 1;
    roles += person.roles.length;
    for (const family of new Set(person.roles.map((r) => universe.companies[r.company]?.family ?? -1))) {
      peopleAt.set(family, (peopleAt.get(family) ?? 0) + 1);
    }
    for (const c of new Set(person.roles.map((r) => r.company)))
      peopleAt.set(-2 - c, (peopleAt.get(-2 - c) ?? 0) + 1);
    for (const r of person.roles) for (const t of r.technologies) technologies.add(t);
    for (const t of person.skills) technologies.add(t);
    options.onProgress?.(i + 1);
  }
  truth.end();
  await Promise.race([once(truth, 'finish'), truthError]);

  const { companies, families } = universe;
  const companyRows: CorpusCompany[] = companies.map((c) => ({
    name: c.name,
    parent: c.parent,
    family: companies[c.family]?.name ?? c.name,
    kind: c.kind,
    people: peopleAt.get(-2 - c.index) ?? 0,
  }));
  await writeFile(path.join(out, 'companies.json'), `${JSON.stringify(companyRows, null, 1)}\n`);
  const largestFamilies = [...families.entries()]
    .map(([root, members]) => ({
      name: companies[root]?.name ?? '?',
      people: peopleAt.get(root) ?? 0,
      members: members.length,
    }))
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name))
    .slice(0, 50);
  const manifest: CorpusManifest = {
    generator: 'careergraph gen',
    version: 1,
    seed,
    people,
    formats,
    now,
    exponent,
    files,
    roles,
    companiesUsed: companyRows.filter((c) => c.people > 0).length,
    technologiesUsed: technologies.size,
    largestFamilies,
  };
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
