import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** What a measured child process did. */
export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident set of the measured program (not of /usr/bin/time), in MiB. */
  peakRssMiB: number | null;
  /** Resident set sampled every `sampleMs`, for the memory-over-time curve. */
  rss: { seconds: number; MiB: number }[];
  /** CPU seconds (user + system) the program used, from /usr/bin/time. */
  cpuSeconds: number | null;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null if unreadable. */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  } catch {
    return null;
  }
}

const TIME = '/usr/bin/time';

async function statusField(pid: number, field: string): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function childPid(pid: number): Promise<number | null> {
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    const first = text.trim().split(/\s+/)[0];
    return first ? Number(first) : null;
  } catch {
    return null;
  }
}

/**
 * Runs a program to completion, timing it and reading its peak memory: through `/usr/bin/time -v`
 * when present (exact peak), and by sampling /proc/<pid>/status (the curve over time).
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; sampleMs?: number; onStart?: () => void } = {},
): Promise<ChildRun> {
  const withTime = existsSync(TIME);
  const child = withTime
    ? spawn(TIME, ['-v', command, ...args], { env: options.env, cwd: options.cwd })
    : spawn(command, args, { env: options.env, cwd: options.cwd });
  const started = performance.now();
  options.onStart?.();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const rss: ChildRun['rss'] = [];
  let hwm = 0;
  let target: number | null = withTime ? null : (child.pid ?? null);
  const timer = setInterval(async () => {
    if (target === null && child.pid) target = await childPid(child.pid);
    if (target === null) return;
    const now = await statusField(target, 'VmRSS');
    const peak = await statusField(target, 'VmHWM');
    if (now !== null) rss.push({ seconds: (performance.now() - started) / 1000, MiB: now });
    if (peak !== null) hwm = Math.max(hwm, peak);
  }, options.sampleMs ?? 500);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakRssMiB = m ? Number(m[1]) / 1024 : hwm || null;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : null;
      resolve({ code, stdout, stderr, seconds, peakRssMiB, rss, cpuSeconds });
    });
  });
}
