import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { findFreePort } from '../../src/neo4j/ports.ts';
import { type BenchInstance, childEnv, ROOT } from './neo4jInstance.ts';

/** `careergraph serve` running in a child process against the bench instance. */
export interface ServeChild {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`careergraph serve`) in its own process, so load generators in this process
 * do not share its event loop. Its JSON request logs go to /dev/null (written, not switched off).
 */
export async function startServeChild(instance: BenchInstance): Promise<ServeChild> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/careergraph.js'), 'serve', '--port', String(port)],
    {
      env: childEnv(instance.connection),
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}): ${stderr.slice(-1000)}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`serve did not answer /healthz within 60 s: ${stderr.slice(-1000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `${base}/graphql`,
    pid: child.pid as number,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
