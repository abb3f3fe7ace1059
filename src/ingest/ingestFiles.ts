import type { Driver } from 'neo4j-driver';
import { CareerGraphError } from '../errors.ts';
import { CommittedEntities } from '../graph/committedEntities.ts';
import { isNeo4jUnavailable } from '../graph/driver.ts';
import { writeResumes } from '../graph/writeResumes.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { ParsedResume, ParseWarning } from '../model/resume.ts';
import { toWriteParams } from './load/writeParams.ts';
import { parseResume } from './parse/parseResume.ts';
import { jsonResumeToParsed } from './read/jsonResume.ts';
import { linkedinExportToParsed } from './read/linkedinExport.ts';
import type { InputError, InputFile, InputResult } from './read/readInputs.ts';
import type { ResolvedResume } from './resolve/resolvedResume.ts';
import { resolveResume } from './resolve/resolveResume.ts';

/** What one ingest run did. */
export interface IngestSummary {
  files: number;
  written: number;
  unchanged: number;
  people: number;
  roles: number;
  companies: number;
  technologies: number;
  warnings: { file: string; line?: number; code: string; message: string }[];
  errors: InputError[];
}

export interface IngestOptions {
  lexicon: Lexicon;
  /** Absent for a dry run: parse and resolve only. */
  driver?: Driver;
  database?: string;
  batchSize: number;
  /** Batches written at once. */
  concurrency: number;
  transactionTimeoutMs?: number;
  onResume?: (resume: ResolvedResume) => void;
  onProgress?: (done: number, error?: InputError) => void;
}

/** The parsed résumé of any input: structured formats are converted, text is parsed. */
function parseInput(file: InputFile, lexicon: Lexicon): ParsedResume {
  if (file.format === 'json-resume') {
    const r = jsonResumeToParsed(JSON.parse(file.text), lexicon, file.text);
    if ('error' in r) throw new CareerGraphError('UNREADABLE_FILE', r.error);
    return r.resume;
  }
  if (file.format === 'linkedin') {
    const r = linkedinExportToParsed(file.files ?? {}, lexicon);
    if ('error' in r) throw new CareerGraphError('UNREADABLE_FILE', r.error);
    return r.resume;
  }
  return parseResume(file.text, lexicon);
}

/** Read → parse → resolve for one file (pure after reading). */
export function extractFile(file: InputFile, lexicon: Lexicon): ResolvedResume {
  const parsed = parseInput(file, lexicon);
  return resolveResume(
    parsed,
    { key: file.key, fileName: file.fileName, sha256: file.sha256, format: file.format },
    lexicon,
  );
}

/** The short reason of a driver error: its code and what the connection said, without the advice. */
function unavailableReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n')[0] ?? '';
  const reason = /Caused by: (.+)$/.exec(firstLine)?.[1] ?? firstLine.slice(0, 200);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== reason ? `${code}: ${reason}` : reason;
}

/**
 * Runs the pipeline over read inputs: parse and resolve each file, write them in batches (one write
 * transaction per batch, several batches in flight). A file that fails is reported with its reason
 * and the rest still load; a batch the database refuses is retried file by file to find the culprit.
 * When Neo4j becomes unreachable (after the driver's own retries), nothing more is tried: the run
 * stops with NEO4J_UNAVAILABLE saying how many files were written (each whole) and to run it again.
 */
export async function ingestFiles(
  inputs: AsyncIterable<InputResult>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    files: 0,
    written: 0,
    unchanged: 0,
    people: 0,
    roles: 0,
    companies: 0,
    technologies: 0,
    warnings: [],
    errors: [],
  };
  const people = new Set<string>();
  const companies = new Set<string>();
  const technologies = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const committed = new CommittedEntities();
  let batch: ResolvedResume[] = [];
  let done = 0;
  /** The error that said Neo4j is gone; once set, no write is tried any more. */
  let unavailable: unknown;

  const fail = (error: InputError) => {
    summary.errors.push(error);
    options.onProgress?.(++done, error);
  };
  const write = async (resumes: ResolvedResume[]) => {
    const { driver } = options;
    if (!driver) {
      for (const _ of resumes) options.onProgress?.(++done);
      return;
    }
    if (unavailable !== undefined) return;
    const run = (items: ResolvedResume[]) =>
      writeResumes(driver, toWriteParams(items, new Date().toISOString()), {
        database: options.database,
        timeoutMs: options.transactionTimeoutMs,
        committed,
      });
    try {
      const result = await run(resumes);
      summary.written += result.written.length;
      summary.unchanged += result.unchanged.length;
      for (const _ of resumes) options.onProgress?.(++done);
    } catch (error) {
      if (isNeo4jUnavailable(error)) {
        // Writing the batch file by file would wait out the same outage once per file.
        unavailable ??= error;
        return;
      }
      if (resumes.length === 1) {
        fail({
          file: resumes[0]?.source.key ?? '?',
          reason: `the database refused it: ${(error as Error).message}`,
        });
        return;
      }
      for (const r of resumes) await write([r]);
    }
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const p: Promise<void> = write(items).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
  };

  for await (const input of inputs) {
    if (unavailable !== undefined) break;
    summary.files++;
    if (!input.ok) {
      fail(input.error);
      continue;
    }
    let resume: ResolvedResume;
    try {
      resume = extractFile(input.file, options.lexicon);
    } catch (error) {
      // A parser bug on one file must not stop the others; it is reported like any unreadable file.
      const reason =
        error instanceof CareerGraphError
          ? error.message
          : `could not be parsed: ${(error as Error).message}`;
      fail({ file: input.file.key, reason });
      continue;
    }
    if (!resume.person.name && !resume.person.email && resume.roles.length === 0) {
      fail({ file: input.file.key, reason: 'does not look like a résumé: no name, email or role found' });
      continue;
    }
    options.onResume?.(resume);
    people.add(resume.person.id);
    summary.roles += resume.roles.length;
    for (const c of resume.companies) companies.add(c.id);
    for (const t of resume.technologies) technologies.add(t.id);
    for (const w of resume.warnings as ParseWarning[]) summary.warnings.push({ file: input.file.key, ...w });
    batch.push(resume);
    if (batch.length >= options.batchSize) await flush();
  }
  if (unavailable === undefined) {
    await flush();
    await Promise.all(inFlight);
  }
  if (unavailable !== undefined) {
    // Writes still in flight are not awaited: each would wait out the driver's retry time against the
    // same outage. Their outcome is unknown (the caller closes the driver); a re-run settles it.
    throw new CareerGraphError(
      'NEO4J_UNAVAILABLE',
      `Neo4j became unavailable during the ingest (${unavailableReason(unavailable)}). ` +
        `At least ${summary.written} file(s) were written before that, each one whole (a batch of résumés ` +
        'is one transaction: all of it or nothing). Run the same command again once Neo4j answers: files ' +
        'already written are skipped, the rest are loaded.',
      { cause: unavailable },
    );
  }
  summary.people = people.size;
  summary.companies = companies.size;
  summary.technologies = technologies.size;
  return summary;
}
