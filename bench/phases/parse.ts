import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../../src/gen/generateCorpus.ts';
import { extractFile } from '../../src/ingest/ingestFiles.ts';
import { type InputFile, readInputs } from '../../src/ingest/read/readInputs.ts';
import type { Lexicon } from '../../src/lexicon/lexicon.ts';
import type { ReferenceData } from '../../src/lexicon/referenceData.ts';
import { log } from '../lib/log.ts';

/** Résumés per second of one core, by format. */
export interface ParseResult {
  /** The corpus's mix of formats, read from disk and parsed: files/s. */
  mixed: { files: number; perSecond: number; extractOnlyPerSecond: number; perCpuSecond: number };
  byFormat: Record<string, { files: number; perSecond: number }>;
}

async function measure(dir: string, limit: number, lexicon: Lexicon) {
  const byFormat: Record<string, { files: number; ms: number }> = {};
  let files = 0;
  let totalMs = 0;
  const kept: InputFile[] = [];
  // Reading is timed with parsing (PDF and DOCX text extraction happens while reading).
  let t = performance.now();
  for await (const input of readInputs([dir], { maxFileBytes: 5e6, cwd: dir })) {
    if (!input.ok) throw new Error(`${input.error.file}: ${input.error.reason}`);
    extractFile(input.file, lexicon);
    const now = performance.now();
    const ms = now - t;
    t = now;
    const f = (byFormat[input.file.format] ??= { files: 0, ms: 0 });
    f.files++;
    f.ms += ms;
    files++;
    totalMs += ms;
    if (kept.length < 2000) kept.push(input.file);
    if (files >= limit) break;
  }
  return { byFormat, files, totalMs, kept };
}

/**
 * Parsing throughput on one core (this process, sequential): the corpus's files read and parsed
 * (read → detect → decode → parse → resolve, no database), after a warm-up pass; then parse and resolve
 * alone over files already in memory; and PDF and DOCX from a small generated sample.
 */
export async function parseThroughput(
  corpusDir: string,
  sample: number,
  data: ReferenceData,
  lexicon: Lexicon,
): Promise<ParseResult> {
  const resumes = path.join(corpusDir, 'resumes');
  await measure(resumes, Math.min(500, sample), lexicon); // warm-up: JIT, regex caches, file cache
  const cpu = process.cpuUsage();
  const main = await measure(resumes, sample, lexicon);
  const used = process.cpuUsage(cpu);
  // Files per CPU second of this process: what one dedicated core would do, whatever else the machine runs.
  const perCpuSecond = main.files / ((used.user + used.system) / 1e6);
  const t = performance.now();
  for (const f of main.kept) extractFile(f, lexicon);
  const extractOnlyPerSecond = main.kept.length / ((performance.now() - t) / 1000);
  const byFormat: ParseResult['byFormat'] = {};
  for (const [format, v] of Object.entries(main.byFormat)) {
    byFormat[format] = { files: v.files, perSecond: v.files / (v.ms / 1000) };
  }
  const tmp = await mkdtemp(path.join(tmpdir(), 'careergraph-bench-docs-'));
  try {
    log('parse: generating a PDF/DOCX sample');
    await generateCorpus({ people: 120, seed: 77, formats: ['pdf', 'docx'], out: tmp }, data, lexicon);
    const docs = await measure(path.join(tmp, 'resumes'), 120, lexicon);
    for (const [format, v] of Object.entries(docs.byFormat)) {
      byFormat[format] = { files: v.files, perSecond: v.files / (v.ms / 1000) };
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return {
    mixed: {
      files: main.files,
      perSecond: main.files / (main.totalMs / 1000),
      extractOnlyPerSecond,
      perCpuSecond,
    },
    byFormat,
  };
}
