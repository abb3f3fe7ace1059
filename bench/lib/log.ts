/** Progress lines on stderr, stamped with the time since the bench started. */
const started = performance.now();

export function log(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}
