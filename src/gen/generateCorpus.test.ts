import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toComparable } from '../eval/comparable.ts';
import { f1, scoreResume, sumScores } from '../eval/score.ts';
import { extractFile } from '../ingest/ingestFiles.ts';
import { readInputs } from '../ingest/read/readInputs.ts';
import { createLexicon, type Lexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import type { ReferenceData } from '../lexicon/referenceData.ts';
import { type CorpusManifest, generateCorpus, type TruthLine } from './generateCorpus.ts';

let data: ReferenceData;
let lexicon: Lexicon;
let root: string;

beforeAll(async () => {
  data = loadReferenceData();
  lexicon = createLexicon(data);
  root = await mkdtemp(path.join(tmpdir(), 'careergraph-gen-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else hash.update(path.relative(dir, full)).update(await readFile(full));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

const truthOf = async (dir: string): Promise<TruthLine[]> =>
  (await readFile(path.join(dir, 'truth.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as TruthLine);

describe('generateCorpus', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const options = { people: 40, formats: ['txt', 'md', 'json'] as const, shardSize: 16 };
    await generateCorpus(
      { ...options, formats: [...options.formats], seed: 3, out: path.join(root, 'a') },
      data,
      lexicon,
    );
    await generateCorpus(
      { ...options, formats: [...options.formats], seed: 3, out: path.join(root, 'b') },
      data,
      lexicon,
    );
    await generateCorpus(
      { ...options, formats: [...options.formats], seed: 4, out: path.join(root, 'c') },
      data,
      lexicon,
    );
    const a = await digest(path.join(root, 'a'));
    expect(await digest(path.join(root, 'b'))).toBe(a);
    expect(await digest(path.join(root, 'c'))).not.toBe(a);
  });

  it('writes one file per person in shards, the truth and a manifest', async () => {
    const dir = path.join(root, 'a');
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as CorpusManifest;
    expect(manifest).toMatchObject({ seed: 3, people: 40, formats: ['txt', 'md', 'json'] });
    expect(Object.values(manifest.files).reduce((a, b) => a + b, 0)).toBe(40);
    expect(await readdir(path.join(dir, 'resumes'))).toEqual(['0000', '0001', '0002']);
    const truth = await truthOf(dir);
    expect(truth).toHaveLength(40);
    expect(truth.map((t) => t.index)).toEqual([...Array(40).keys()]);
    expect(manifest.roles).toBe(truth.reduce((n, t) => n + t.expected.roles.length, 0));
    expect(new Set(truth.map((t) => t.personId)).size).toBe(40);
  });

  it('refuses to write into a folder that holds something else', async () => {
    const dir = path.join(root, 'a', 'resumes');
    await expect(
      generateCorpus({ people: 1, seed: 1, formats: ['txt'], out: dir }, data, lexicon),
    ).rejects.toThrow(/not empty/);
  });

  it('writes résumés that ingest reads back as the truth says (every format)', async () => {
    const dir = path.join(root, 'all');
    await generateCorpus(
      { people: 30, seed: 9, formats: ['txt', 'md', 'json', 'pdf', 'docx'], out: dir },
      data,
      lexicon,
    );
    const truth = new Map((await truthOf(dir)).map((t) => [t.file, t]));
    const scores = [];
    const formats = new Set<string>();
    for await (const input of readInputs([path.join(dir, 'resumes')], { maxFileBytes: 5e6, cwd: dir })) {
      if (!input.ok) throw new Error(input.error.reason);
      const expected = truth.get(input.file.key);
      if (!expected) throw new Error(`no truth for ${input.file.key}`);
      formats.add(input.file.format);
      scores.push(scoreResume(expected.expected, toComparable(extractFile(input.file, lexicon))));
    }
    expect(scores).toHaveLength(30);
    expect(formats).toEqual(new Set(['text', 'markdown', 'json-resume', 'pdf', 'docx']));
    const totals = sumScores(scores);
    expect(f1(totals.role).f1).toBeGreaterThan(0.95);
    expect(f1(totals.technologies).f1).toBeGreaterThan(0.95);
  }, 60_000);
});

describe('generateCorpus, PDF and DOCX', () => {
  // pdf-lib stamps the creation time and a random font-subset tag, docx a creation time: those files
  // are the same in what they say, not byte for byte.
  it('writes the same text for the same seed', async () => {
    const texts = async (out: string) => {
      await generateCorpus({ people: 4, seed: 5, formats: ['pdf', 'docx'], out }, data, lexicon);
      const out2: string[] = [];
      for await (const input of readInputs([path.join(out, 'resumes')], { maxFileBytes: 5e6, cwd: out })) {
        if (input.ok) out2.push(`${input.file.key}\n${input.file.text}`);
      }
      return out2;
    };
    const a = await texts(path.join(root, 'pdf-a'));
    expect(a).toHaveLength(4);
    expect(await texts(path.join(root, 'pdf-b'))).toEqual(a);
  }, 30_000);
});
