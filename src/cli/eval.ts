import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { accuracyMarkdown, accuracyText, type EvalRow } from '../eval/accuracyTable.ts';
import { readLabelledSet } from '../eval/fixtureSet.ts';
import { LAYOUTS, renderResume } from '../eval/renderResume.ts';
import { AS_WRITTEN, evaluateSet, type FormatAdapter } from '../eval/runEval.ts';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The labelled sets: development, examples, and the two held out from tuning. */
function labelledSets() {
  const fixtures = (name: string) => path.join(ROOT, 'tests/fixtures', name);
  return [
    {
      name: 'development',
      items: [...readLabelledSet(fixtures('resumes')), ...readLabelledSet(fixtures('resumes2'))],
    },
    { name: 'examples', items: readLabelledSet(path.join(ROOT, 'examples'), fixtures('examples')) },
    { name: 'holdout', items: readLabelledSet(fixtures('holdout')) },
    { name: 'holdout2', items: readLabelledSet(fixtures('holdout2')) },
  ].filter((s) => s.items.length > 0);
}

/** `careergraph eval`: per-field precision, recall and F1 of extraction on the labelled sets. */
export function evalCommand(adapters: FormatAdapter[] = [AS_WRITTEN]): Command {
  return new Command('eval')
    .description('Measure extraction accuracy (precision, recall, F1 per field) on the labelled résumés')
    .option('--write <file>', 'also write the table as Markdown (e.g. docs/accuracy.md)')
    .option('--failures', 'list every difference')
    .action(async (opts: { write?: string; failures?: boolean }) => {
      const lexicon = createLexicon(loadReferenceData());
      const rows: EvalRow[] = [];
      for (const set of labelledSets()) {
        for (const adapter of adapters) {
          const { row, failures } = await evaluateSet(set.name, set.items, adapter, lexicon);
          rows.push(row);
          if (opts.failures) {
            for (const f of failures)
              process.stderr.write(
                `${set.name}/${adapter.format} ${path.basename(f.file)}\n  ${f.differences.join('\n  ')}\n`,
              );
          }
        }
      }
      // Round trip: every labelled résumé rendered into each text layout, parsed back, compared.
      const all = labelledSets().flatMap((s) => s.items);
      for (const layout of LAYOUTS) {
        const adapter: FormatAdapter = {
          format: `rendered ${layout}`,
          toText: async (item) => renderResume(item.expected, layout),
        };
        const { row, failures } = await evaluateSet('round trip', all, adapter, lexicon);
        rows.push(row);
        if (opts.failures) {
          for (const f of failures)
            process.stderr.write(
              `round trip/${layout} ${path.basename(f.file)}\n  ${f.differences.join('\n  ')}\n`,
            );
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
summed over every résumé of a set); a role is right when its employer, start and end all match. The sets are
fictional résumés labelled by hand (\`tests/fixtures/\`, \`examples/\`): \`development\` was tuned on;
\`holdout\` and \`holdout2\` were written by people who had not seen the parser and were measured blind
first (see README, Accuracy), then tuned on, so these figures are no longer blind.
`;
}
