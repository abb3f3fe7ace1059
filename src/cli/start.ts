import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createDriver } from '../graph/driver.ts';
import { applySchema } from '../graph/schema.ts';
import { ingestFiles } from '../ingest/ingestFiles.ts';
import { readInputs } from '../ingest/read/readInputs.ts';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import { findServer } from '../neo4j/findServer.ts';

const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const log = (message: string) => process.stderr.write(`${message}\n`);

/** `careergraph start`: the first command after `npm install` — a database with the examples in it. */
export function startCommand(): Command {
  return new Command('start')
    .description('Find or start Neo4j, apply the schema and ingest the example résumés')
    .option('--examples <dir>', 'folder of résumés to ingest', EXAMPLES_DIR)
    .action(async (opts: { examples: string }) => {
      const config = loadConfig();
      const server = await findServer({ config, log });
      const driver = createDriver(server);
      try {
        await applySchema(driver, server.database);
        const lexicon = createLexicon(loadReferenceData(config.ingest.dataFiles));
        const summary = await ingestFiles(
          readInputs([opts.examples], { maxFileBytes: config.ingest.maxFileBytes }),
          {
            lexicon,
            driver,
            database: server.database,
            batchSize: config.ingest.batchSize,
            concurrency: config.ingest.concurrency,
            transactionTimeoutMs: config.transactionTimeoutMs,
          },
        );
        log(
          `Ingested ${opts.examples}: ${summary.written} written, ${summary.unchanged} unchanged, ${summary.errors.length} failed; ` +
            `${summary.people} people, ${summary.roles} roles, ${summary.companies} companies, ${summary.technologies} technologies.`,
        );
        for (const e of summary.errors) log(`  error ${e.file}: ${e.reason}`);
        log(`\nNeo4j (${server.via}) is at ${server.uri}. Try:`);
        log('  npx careergraph ingest path/to/resumes/          # add your own résumés');
        log('  npx careergraph db status                        # where the database runs');
        log('  npx careergraph db stop                          # stop it');
      } finally {
        await driver.close();
      }
    });
}
