import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { connectFromEnv } from '../graph/driver.ts';
import { type IngestSummary, ingestFiles } from '../ingest/ingestFiles.ts';
import { readInputs } from '../ingest/read/readInputs.ts';
import type { ResolvedResume } from '../ingest/resolve/resolvedResume.ts';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';

function printSummary(s: IngestSummary, out: NodeJS.WritableStream): void {
  const lines = [
    `files         ${s.files}  (${s.written} written, ${s.unchanged} unchanged, ${s.errors.length} failed)`,
    `people        ${s.people}`,
    `roles         ${s.roles}`,
    `companies     ${s.companies}`,
    `technologies  ${s.technologies}`,
    `warnings      ${s.warnings.length}`,
  ];
  for (const w of s.warnings.slice(0, 20))
    lines.push(`  warning ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
  if (s.warnings.length > 20) lines.push(`  … and ${s.warnings.length - 20} more (--json lists them all)`);
  lines.push(`errors        ${s.errors.length}`);
  for (const e of s.errors) lines.push(`  error ${e.file}: ${e.reason}`);
  out.write(`${lines.join('\n')}\n`);
}

/** `careergraph ingest PATH... [--json] [--dry-run]`. */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'Read résumés (.txt, .md, .pdf, .docx, JSON Resume .json, LinkedIn export folders, folders, or - for stdin) into the graph',
    )
    .argument('<paths...>', 'files, folders (read recursively) or - for stdin')
    .option('--json', 'print the summary as JSON')
    .option('--dry-run', 'print the extracted résumés as JSON; touch no database')
    .option('--stdin-name <name>', 'file name to record for stdin', 'stdin.txt')
    .action(async (paths: string[], opts: { json?: boolean; dryRun?: boolean; stdinName: string }) => {
      const config = loadConfig();
      const lexicon = createLexicon(loadReferenceData(config.ingest.dataFiles));
      const inputs = readInputs(paths, {
        maxFileBytes: config.ingest.maxFileBytes,
        limits: config.ingest.readLimits,
        stdinName: opts.stdinName,
      });
      const extracted: ResolvedResume[] = [];
      const connection = opts.dryRun ? null : await connectFromEnv(config);
      const bar =
        process.stderr.isTTY && !opts.json && !opts.dryRun
          ? new cliProgress.SingleBar(
              { format: 'ingest [{bar}] {value} files', stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : null;
      bar?.start(0, 0);
      try {
        const summary = await ingestFiles(inputs, {
          lexicon,
          driver: connection?.driver,
          database: connection?.connection.database,
          batchSize: config.ingest.batchSize,
          concurrency: config.ingest.concurrency,
          transactionTimeoutMs: config.transactionTimeoutMs,
          onResume: opts.dryRun ? (r) => extracted.push(r) : undefined,
          onProgress: (done) => {
            bar?.setTotal(Math.max(done, bar.getTotal()));
            bar?.update(done);
          },
        });
        bar?.stop();
        if (opts.dryRun) {
          process.stdout.write(
            `${JSON.stringify(opts.json ? { resumes: extracted, summary } : extracted, null, 2)}\n`,
          );
          if (!opts.json) printSummary(summary, process.stderr);
        } else if (opts.json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        } else {
          printSummary(summary, process.stdout);
        }
        if (summary.errors.length > 0) process.exitCode = 1;
      } finally {
        bar?.stop();
        await connection?.driver.close();
      }
    });
}
