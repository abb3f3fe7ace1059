#!/usr/bin/env node
import { Command } from 'commander';

const program = new Command('careergraph')
  .description('A knowledge graph of careers and companies, built from résumés, in Neo4j.')
  .showHelpAfterError();

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
