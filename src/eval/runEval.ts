import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseResume } from '../ingest/parse/parseResume.ts';
import { resolveResume } from '../ingest/resolve/resolveResume.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import type { EvalRow } from './accuracyTable.ts';
import { toComparable } from './comparable.ts';
import { canonicalExpected, type LabelledResume } from './fixtureSet.ts';
import { type ResumeScore, scoreResume, sumScores } from './score.ts';

/**
 * Turns a labelled résumé's text into what the parser would get from another format: render it as a
 * PDF or DOCX and read it back, or return the text as written. An error string is scored as a miss.
 */
export interface FormatAdapter {
  format: string;
  toText(item: LabelledResume): Promise<string | { error: string }>;
}

/** The text exactly as written (.txt / .md). */
export const AS_WRITTEN: FormatAdapter = { format: 'text/markdown', toText: async (item) => item.text };

/** Scores one labelled set through one format: the summed counts and each résumé's differences. */
export async function evaluateSet(
  name: string,
  items: LabelledResume[],
  adapter: FormatAdapter,
  lexicon: Lexicon,
): Promise<{ row: EvalRow; failures: { file: string; differences: string[] }[] }> {
  const scores: ResumeScore[] = [];
  const failures: { file: string; differences: string[] }[] = [];
  for (const item of items) {
    const expected = canonicalExpected(item.expected, lexicon);
    const text = await adapter.toText(item);
    const actual =
      typeof text === 'string'
        ? toComparable(
            resolveResume(
              parseResume(text, lexicon),
              {
                key: item.file,
                fileName: path.basename(item.file),
                sha256: createHash('sha256').update(text).digest('hex'),
                format: adapter.format,
              },
              lexicon,
            ),
          )
        : { person: { name: null, email: null, location: null }, roles: [], skills: [], education: [] };
    const score = scoreResume(expected, actual);
    scores.push(score);
    const differences = typeof text === 'string' ? score.differences : [`unreadable: ${text.error}`];
    if (differences.length) failures.push({ file: item.file, differences });
  }
  return {
    row: {
      set: name,
      format: adapter.format,
      resumes: items.length,
      roles: items.reduce((n, i) => n + i.expected.roles.length, 0),
      totals: sumScores(scores),
    },
    failures,
  };
}
