#!/usr/bin/env node
import { Command } from 'commander';
import { dbCommand } from './db.ts';
import { evalCommand } from './eval.ts';
import { exportCommand } from './export.ts';
import { genCommand } from './gen.ts';
import { ingestCommand } from './ingest.ts';
import { queryCommand } from './query.ts';
import { serveCommand } from './serve.ts';
import { startCommand } from './start.ts';

const program = new Command('careergraph')
  .description('A knowledge graph of careers and companies, built from résumés, in Neo4j.')
  .showHelpAfterError();

program.addCommand(dbCommand());
program.addCommand(ingestCommand());
program.addCommand(startCommand());
program.addCommand(serveCommand());
program.addCommand(queryCommand());
program.addCommand(exportCommand());
program.addCommand(evalCommand());
program.addCommand(genCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
