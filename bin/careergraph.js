#!/usr/bin/env node
// In a checkout, run the TypeScript sources (via tsx) so edits take effect at once; an installed
// package ships only dist/, the compiled CLI.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
