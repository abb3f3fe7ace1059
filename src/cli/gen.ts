import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.ts';
import { generateCorpus } from '../gen/generateCorpus.ts';
import { GEN_FORMATS, type GenFormat } from '../gen/render.ts';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer.');
  return n;
}

function formats(value: string): GenFormat[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase());
  const bad = list.filter((f) => !(GEN_FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new InvalidArgumentError(`unknown format ${bad.join(', ')}; use some of ${GEN_FORMATS.join(',')}.`);
  }
  return [...new Set(list)] as GenFormat[];
}

/** `careergraph gen --people N --seed S --out DIR [--formats txt,md,json,pdf]`: a fictional corpus with its truth. */
export function genCommand(): Command {
  return new Command('gen')
    .description('Generate fictional résumés (deterministic for a seed) with the truth of what each says')
    .requiredOption('--people <n>', 'how many people (one résumé each)', positive)
    .requiredOption('--out <dir>', 'folder to write (resumes/, truth.jsonl, companies.json, manifest.json)')
    .option('--seed <s>', 'seed: the same seed gives the same corpus, byte for byte', '1')
    .option('--formats <list>', `file formats, any of ${GEN_FORMATS.join(',')}`, formats, [
      'txt',
      'md',
      'json',
    ] as GenFormat[])
    .action(async (opts: { people: number; out: string; seed: string; formats: GenFormat[] }) => {
      const data = loadReferenceData(loadConfig().ingest.dataFiles);
      const lexicon = createLexicon(data);
      const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
      const started = performance.now();
      const progress = process.stderr.isTTY
        ? (done: number) => {
            if (done % 1000 === 0 || done === opts.people)
              process.stderr.write(`\rgen ${done}/${opts.people}`);
          }
        : undefined;
      const manifest = await generateCorpus(
        { people: opts.people, seed, out: opts.out, formats: opts.formats, onProgress: progress },
        data,
        lexicon,
      );
      if (progress) process.stderr.write('\n');
      const seconds = (performance.now() - started) / 1000;
      const top = manifest.largestFamilies
        .slice(0, 5)
        .map((f) => `${f.name} ${f.people}`)
        .join(', ');
      process.stdout.write(
        `${manifest.people} people, ${manifest.roles} roles, ${manifest.companiesUsed} employers, ` +
          `${manifest.technologiesUsed} technologies in ${opts.out} (${seconds.toFixed(1)} s)\n` +
          `files: ${Object.entries(manifest.files)
            .map(([f, n]) => `${f} ${n}`)
            .join(', ')}\nlargest employers (people): ${top}\n`,
      );
    });
}
