import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/** What a finished command left behind; `code` is null when it could not run or timed out. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started (e.g. ENOENT) or was killed by the timeout. */
  error?: Error;
}

/** Runs a command to completion without a shell and never throws: callers decide what a failure means. */
export function run(
  command: string,
  args: string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<RunResult> {
  const execOptions = {
    timeout: options.timeoutMs ?? 0,
    env: options.env ?? process.env,
    cwd: options.cwd,
    maxBuffer: 16 * 1024 * 1024,
    windowsHide: true,
  };
  return new Promise((resolve) => {
    try {
      execFile(command, args, execOptions, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const result: RunResult = { code, stdout: String(stdout), stderr: String(stderr) };
        if (error && code === null) result.error = error;
        resolve(result);
      });
    } catch (error) {
      // Some spawn failures (e.g. ENOTDIR) throw synchronously instead of reaching the callback.
      const cause = error instanceof Error ? error : new Error(String(error));
      resolve({ code: null, stdout: '', stderr: '', error: cause });
    }
  });
}

/** The absolute path of an executable found on PATH, or undefined. */
export async function findOnPath(
  command: string,
  envPath: string | undefined = process.env.PATH,
): Promise<string | undefined> {
  for (const dir of (envPath ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
