import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEFAULTS, loadConfig } from '../config.ts';
import { createDriver } from '../graph/driver.ts';
import { applySchema } from '../graph/schema.ts';
import { ingestFiles } from '../ingest/ingestFiles.ts';
import { readInputs } from '../ingest/read/readInputs.ts';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import { findServer } from '../neo4j/findServer.ts';
import { runApi } from './runApi.ts';
import { parsePort } from './serve.ts';

const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const log = (message: string) => process.stderr.write(`${message}\n`);

/** Three questions the example résumés answer, to paste into the page at the URL or into `careergraph query`. */
const EXAMPLE_QUERIES = [
  '{ careerTransitions(from: "Amazon", to: "Meta") { totalCount edges { node { gapMonths person { name } from { title company { name } } to { title company { name } } } } } }',
  '{ talentFlow(company: "Google", direction: OUT) { people company { name } } }',
  '{ company(name: "aws") { name parent { name } people(first: 5) { totalCount edges { node { name headline } } } technologies(first: 5) { people technology { name } } } }',
];

/**
 * `careergraph start`: the first command after `npm install` — finds or starts Neo4j, applies the
 * schema, ingests the example résumés and serves the GraphQL API until stopped.
 */
export function startCommand(): Command {
  return new Command('start')
    .description('Find or start Neo4j, ingest the example résumés and serve the GraphQL API')
    .option('--examples <dir>', 'folder of résumés to ingest', EXAMPLES_DIR)
    .option('--port <n>', 'port of the API (default: PORT or 4000)', parsePort)
    .option('--host <host>', 'address to bind', DEFAULTS.host)
    .option('--no-serve', 'stop after ingesting')
    .action(async (opts: { examples: string; port?: number; host: string; serve: boolean }) => {
      const config = loadConfig();
      const server = await findServer({ config, log });
      const driver = createDriver(server);
      try {
        await applySchema(driver, server.database);
        const lexicon = createLexicon(loadReferenceData(config.ingest.dataFiles));
        const summary = await ingestFiles(
          readInputs([opts.examples], {
            maxFileBytes: config.ingest.maxFileBytes,
            limits: config.ingest.readLimits,
          }),
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
      } finally {
        await driver.close();
      }
      log(`Neo4j (${server.via}) is at ${server.uri}; \`npx careergraph db stop\` stops it.`);
      if (!opts.serve) return;
      await runApi({
        config,
        connection: server,
        port: opts.port ?? config.port,
        host: opts.host,
        onListening: (url) => {
          const explorer = new URL('/', url).href;
          log(
            `\nOpen ${explorer} in a browser to search people, companies and technologies, and see careers`,
          );
          log(
            `as timelines and graphs. Who worked at Amazon and later at Meta? ${explorer}transitions?from=Amazon&to=Meta`,
          );
          log(`\nOr send GraphQL to ${url} (or: npx careergraph query '<query>'), for example:`);
          for (const q of EXAMPLE_QUERIES) log(`  ${q}`);
          log('\nStop with Ctrl+C (Neo4j keeps running).');
        },
      });
    });
}
