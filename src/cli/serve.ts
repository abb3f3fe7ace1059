import { Command, InvalidArgumentError } from 'commander';
import { DEFAULTS, loadConfig } from '../config.ts';
import { resolveConnection } from '../graph/driver.ts';
import { runApi } from './runApi.ts';

/** Parses --port; 0 asks the system for a free port (the URL printed says which). */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('must be a port number between 0 and 65535.');
  }
  return port;
}

/** `careergraph serve [--port N] [--host H]`: the GraphQL API over HTTP, until SIGTERM or SIGINT. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the GraphQL API over HTTP (/graphql, /healthz) until stopped')
    .option('--port <n>', 'port to listen on (default: PORT or 4000)', parsePort)
    .option('--host <host>', 'address to bind; 0.0.0.0 for every interface', DEFAULTS.host)
    .action(async (opts: { port?: number; host: string }) => {
      const config = loadConfig();
      const connection = await resolveConnection(config);
      await runApi({ config, connection, port: opts.port ?? config.port, host: opts.host });
    });
}
