import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { accuracyMarkdown, accuracyText, type EvalRow } from '../eval/accuracyTable.ts';
import { toComparable } from '../eval/comparable.ts';
import type { LabelledResume } from '../eval/fixtureSet.ts';
import { measurements } from '../eval/formats.ts';
import { labelledSets } from '../eval/labelledSets.ts';
import { LAYOUTS, renderResume } from '../eval/renderResume.ts';
import { evaluateSet, type FormatAdapter } from '../eval/runEval.ts';
import { jsonResumeToParsed } from '../ingest/read/jsonResume.ts';
import { resolveResume } from '../ingest/resolve/resolveResume.ts';
import { createLexicon, type Lexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Real JSON Resume files (read in place, never copied), each converted to its expected extraction. */
function jsonResumeCorpus(dir: string, lexicon: Lexicon): LabelledResume[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const converted = jsonResumeToParsed(JSON.parse(text), lexicon, text);
      if ('error' in converted) return [];
      const resolved = resolveResume(
        converted.resume,
        { key: f, fileName: f, sha256: '', format: 'json-resume' },
        lexicon,
      );
      return [{ file: path.join(dir, f), text, expected: toComparable(resolved) }];
    });
}

/** `careergraph eval`: per-field precision, recall and F1 of extraction on the labelled sets. */
export function evalCommand(): Command {
  return new Command('eval')
    .description('Measure extraction accuracy (precision, recall, F1 per field) on the labelled résumés')
    .option('--write <file>', 'also write the table as Markdown (e.g. docs/accuracy.md)')
    .option('--failures', 'list every difference')
    .option(
      '--corpus <dir>',
      'real JSON Resume files to round-trip, read in place',
      path.resolve(ROOT, '../shared/corpus/jsonresume'),
    )
    .action(async (opts: { write?: string; failures?: boolean; corpus: string }) => {
      const lexicon = createLexicon(loadReferenceData());
      const rows: EvalRow[] = [];
      const run = async (setName: string, items: LabelledResume[], adapter: FormatAdapter) => {
        const { row, failures } = await evaluateSet(setName, items, adapter, lexicon);
        rows.push(row);
        if (opts.failures) {
          for (const f of failures) {
            process.stderr.write(
              `${setName} / ${adapter.format}: ${path.basename(f.file)}\n  ${f.differences.join('\n  ')}\n`,
            );
          }
        }
      };
      // Read once: every format and the round trip score the same labelled résumés.
      const sets = labelledSets(ROOT);
      for (const set of sets) {
        for (const { adapter, items } of measurements(set.items)) await run(set.name, items, adapter);
      }
      // Round trips: each labelled résumé, and each real JSON Resume of ../shared/corpus when present,
      // rendered into each text layout, parsed back and compared with what it says.
      const rounds: [string, LabelledResume[]][] = [
        ['round trip, labelled', sets.flatMap((s) => s.items)],
        ['round trip, JSON Resume corpus', jsonResumeCorpus(opts.corpus, lexicon)],
      ];
      for (const [name, items] of rounds) {
        if (items.length === 0) continue;
        for (const layout of LAYOUTS) {
          await run(name, items, {
            format: `rendered ${layout}`,
            toText: async (item) => renderResume(item.expected, layout),
          });
        }
      }
      process.stdout.write(`${accuracyText(rows)}\n`);
      if (opts.write) {
        const file = path.resolve(opts.write);
        if (!existsSync(path.dirname(file))) mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, `${accuracyHeader()}\n${accuracyMarkdown(rows)}\n`);
        process.stderr.write(`wrote ${file}\n`);
      }
    });
}

function accuracyHeader(): string {
  return `# Extraction accuracy

Written by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)}. Per field F1 (precision and recall
summed over every résumé of a set); a role is right when its employer, start and end all match.

- \`development\`, \`examples\`, \`holdout\`…: fictional résumés labelled by hand (\`tests/fixtures/\`,
  \`examples/\`), as written (text/Markdown) and rendered into PDF (one and two columns) and DOCX, then read
  back by the same readers \`ingest\` uses; native PDF and DOCX files (made with their own tools) as they are.
  \`development\` was tuned on; each \`holdout\` set was written by someone who had not seen the parser and
  measured blind first (README, Accuracy); a set marked \`(blind)\` has not been tuned on since.
- A role is right when its employer, start and end all match; the employer matches when it names the
  same company (after canonical names and aliases), or when the label adds a place, parent or division
  after that name ("Cash Converters, Perth, WA", "AdRoll (Tiempo Development)", "TV Azteca — Baz"), as
  the real JSON Resume files often do.
- \`round trip\`: the same résumés, and the real public JSON Resume files of \`../shared/corpus/jsonresume\`
  (read in place, not part of the repository), rendered into five text layouts and parsed back.
`;
}
