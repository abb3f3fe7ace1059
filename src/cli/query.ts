import { Command } from 'commander';
import { createCareerGraph } from '../api/createCareerGraph.ts';
import { executeOperation } from '../api/executeOperation.ts';
import { loadConfig } from '../config.ts';
import { CareerGraphError } from '../errors.ts';
import { createDriver, resolveConnection } from '../graph/driver.ts';

function parseVariables(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CareerGraphError('BAD_USER_INPUT', `--variables is not valid JSON: ${reason}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CareerGraphError(
      'BAD_USER_INPUT',
      '--variables must be a JSON object, like \'{"name": "aws"}\'.',
    );
  }
  return value as Record<string, unknown>;
}

/** `careergraph query '<graphql>' [--variables JSON] [--api-key KEY]`: one operation, in-process. */
export function queryCommand(): Command {
  return new Command('query')
    .description('Run one GraphQL operation on the graph, without a server; prints the JSON response')
    .argument('<graphql>', 'the operation, e.g. \'{ company(name: "aws") { name } }\'')
    .option('--variables <json>', 'variables as a JSON object')
    .option('--operation-name <name>', 'which operation to run when the document has several')
    .option('--api-key <key>', 'the API key mutations need (default: CAREERGRAPH_API_KEY)')
    .option('--pretty', 'indent the JSON')
    .action(
      async (
        query: string,
        opts: { variables?: string; operationName?: string; apiKey?: string; pretty?: boolean },
      ) => {
        // Before any connection: a typo in the variables should not wait on the database.
        const variables = parseVariables(opts.variables);
        const config = loadConfig();
        const connection = await resolveConnection(config);
        const driver = createDriver(connection);
        try {
          const careerGraph = createCareerGraph({ driver, database: connection.database, config });
          const apiKey = opts.apiKey ?? config.api.apiKey;
          const result = await executeOperation(
            careerGraph,
            {
              query,
              variables,
              operationName: opts.operationName,
              headers: apiKey ? { 'x-api-key': apiKey } : {},
            },
            (error) => {
              process.stderr.write(
                `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
              );
            },
          );
          process.stdout.write(`${JSON.stringify(result, null, opts.pretty ? 2 : undefined)}\n`);
          if (result.errors?.length) process.exitCode = 1;
        } finally {
          await driver.close();
        }
      },
    );
}
