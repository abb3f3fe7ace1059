import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `pid` is a live process; when `marker` is given and /proc exists, also that its command
 * line contains it, so a pid the OS reused for something else is not mistaken for our server.
 */
export function isAlive(pid: number, marker?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: it belongs to another user, so it cannot be a server we started.
    return false;
  }
  try {
    // A zombie (exited, not yet reaped by its parent) still answers kill(0).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false;
    if (marker)
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .some((a) => a.includes(marker));
  } catch {
    // No /proc (macOS): kill(0) is all we can know.
  }
  return true;
}

/** Waits until `pid` is gone; true if it went within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number, marker?: string): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid, marker)) {
    if (Date.now() >= deadline) return false;
    await sleep(200);
  }
  return true;
}

/**
 * Stops a process politely: SIGTERM (Neo4j then checkpoints and shuts down cleanly), and SIGKILL if
 * it is still there after `graceMs`. Returns how it ended.
 */
export async function terminate(
  pid: number,
  graceMs: number,
  marker?: string,
): Promise<'not-running' | 'terminated' | 'killed'> {
  if (!isAlive(pid, marker)) return 'not-running';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'not-running';
  }
  if (await waitForExit(pid, graceMs, marker)) return 'terminated';
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'terminated';
  }
  await waitForExit(pid, 10_000, marker);
  return 'killed';
}
