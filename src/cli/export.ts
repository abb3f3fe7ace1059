import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { createCareerGraph } from '../api/createCareerGraph.ts';
import { executeOperation } from '../api/executeOperation.ts';
import { loadConfig } from '../config.ts';
import { CareerGraphError } from '../errors.ts';
import { createDriver, resolveConnection } from '../graph/driver.ts';
import { EXPORT_PERSON_QUERY, type ExportPerson, personToJsonResume } from '../ingest/read/toJsonResume.ts';

/** `careergraph export PERSON_ID --format json-resume [--out FILE]`: a person of the graph, written back out. */
export function exportCommand(): Command {
  return new Command('export')
    .description('Write a person of the graph out as a résumé document (JSON Resume)')
    .argument('<personId>', 'the person id, e.g. person:… (from `careergraph query` or the API)')
    .addOption(
      new Option('--format <format>', 'the document format').choices(['json-resume']).default('json-resume'),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (personId: string, opts: { format: 'json-resume'; out?: string }) => {
      const config = loadConfig();
      const connection = await resolveConnection(config);
      const driver = createDriver(connection);
      let person: ExportPerson;
      try {
        const careerGraph = createCareerGraph({ driver, database: connection.database, config });
        const result = await executeOperation(
          careerGraph,
          { query: EXPORT_PERSON_QUERY, variables: { id: personId } },
          (error) => {
            process.stderr.write(
              `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
            );
          },
        );
        if (result.errors?.length) {
          const messages = result.errors.map((e) => e.message).join('; ');
          throw new CareerGraphError('INTERNAL', `Cannot read person "${personId}": ${messages}`);
        }
        const found = (result.data as { person?: ExportPerson | null } | null | undefined)?.person;
        if (!found) {
          throw new CareerGraphError(
            'BAD_USER_INPUT',
            `No person with id "${personId}". Find ids with: careergraph query '{ people { edges { node { id name } } } }'`,
          );
        }
        person = found;
      } finally {
        await driver.close();
      }
      const json = `${JSON.stringify(personToJsonResume(person), null, 2)}\n`;
      if (opts.out) await writeFile(opts.out, json, 'utf8');
      else process.stdout.write(json);
    });
}
