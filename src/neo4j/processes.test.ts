import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive, terminate } from './processes.ts';

function start(script: string): number {
  const child = spawn('sh', ['-c', script], { stdio: 'ignore' });
  return child.pid as number;
}

describe('terminate', () => {
  it('stops a process with SIGTERM', async () => {
    const pid = start('exec sleep 30');
    expect(isAlive(pid)).toBe(true);
    expect(await terminate(pid, 5_000)).toBe('terminated');
    expect(isAlive(pid)).toBe(false);
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    // An ignored signal stays ignored across exec, so sleep itself ignores SIGTERM.
    const pid = start("trap '' TERM; exec sleep 30");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await terminate(pid, 500)).toBe('killed');
    expect(isAlive(pid)).toBe(false);
  });

  it('reports a process that is not there', async () => {
    expect(await terminate(2 ** 22 + 12_345, 100)).toBe('not-running');
  });

  it('does not take a live pid for the server when its command line lacks the marker', () => {
    expect(isAlive(process.pid, '--home-dir=/nowhere/at/all')).toBe(process.platform !== 'linux');
    expect(isAlive(process.pid)).toBe(true);
  });
});
