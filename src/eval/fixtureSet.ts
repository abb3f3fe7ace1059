import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseResume } from '../ingest/parse/parseResume.ts';
import { resolveResume } from '../ingest/resolve/resolveResume.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { type ComparableResume, toComparable } from './comparable.ts';
import { type FieldCounts, type FieldName, type ResumeScore, scoreResume, sumScores } from './score.ts';

/** One labelled résumé: its file and what a correct extraction holds. */
export interface LabelledResume {
  file: string;
  /** The text of a `.txt`/`.md` résumé; empty for a native document, which is read from `bytes`. */
  text: string;
  expected: ComparableResume;
  /** A résumé delivered as a native PDF or DOCX file (made by its own tool, not rendered by careergraph). */
  document?: { format: 'pdf' | 'docx'; bytes: Uint8Array };
}

/**
 * Expected values written by hand name employers and technologies as people write them ("Tailspin");
 * judge the extraction on identity, so both sides go through the same canonical names.
 */
export function canonicalExpected(expected: ComparableResume, lexicon: Lexicon): ComparableResume {
  const tech = (n: string) => lexicon.technologies.canonical(n) ?? n;
  const sorted = (names: string[]) =>
    [...new Set(names.map(tech))].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  return {
    ...expected,
    roles: expected.roles.map((r) => ({
      ...r,
      employer: r.employer ? lexicon.companies.resolve(r.employer).name : null,
      technologies: sorted(r.technologies),
    })),
    skills: sorted(expected.skills),
  };
}

/**
 * Reads every résumé (`.txt`, `.md`, and native `.pdf`/`.docx`) that has a `<name>.expected.json`,
 * beside it or in `expectedDir`.
 */
export function readLabelledSet(dir: string, expectedDir: string = dir): LabelledResume[] {
  const expectedOf = (f: string) => path.join(expectedDir, `${f.replace(/\.[^.]+$/, '')}.expected.json`);
  const files = readdirSync(dir).filter(
    (f) => /\.(?:txt|md|markdown|pdf|docx)$/i.test(f) && existsSync(expectedOf(f)),
  );
  return files.sort().map((f) => {
    const file = path.join(dir, f);
    const expected = JSON.parse(readFileSync(expectedOf(f), 'utf8')) as ComparableResume;
    const native = /\.(pdf|docx)$/i.exec(f)?.[1]?.toLowerCase() as 'pdf' | 'docx' | undefined;
    if (native) return { file, text: '', expected, document: { format: native, bytes: readFileSync(file) } };
    return { file, text: readFileSync(file, 'utf8'), expected };
  });
}

/** Parses, resolves and scores each labelled text résumé (native documents need the async readers). */
export function scoreLabelledSet(
  set: LabelledResume[],
  lexicon: Lexicon,
): { file: string; score: ResumeScore; actual: ComparableResume }[] {
  return set
    .filter((item) => !item.document)
    .map((item) => {
      const parsed = parseResume(item.text, lexicon);
      const sha256 = createHash('sha256').update(item.text).digest('hex');
      const resolved = resolveResume(
        parsed,
        { key: item.file, fileName: path.basename(item.file), sha256, format: 'text' },
        lexicon,
      );
      const actual = toComparable(resolved);
      return {
        file: item.file,
        score: scoreResume(canonicalExpected(item.expected, lexicon), actual),
        actual,
      };
    });
}

/** Summed counts over a scored set. */
export function totals(results: { score: ResumeScore }[]): Record<FieldName, FieldCounts> {
  return sumScores(results.map((r) => r.score));
}
