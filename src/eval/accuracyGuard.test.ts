import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import { measurements } from './formats.ts';
import { labelledSets } from './labelledSets.ts';
import { evaluateSet } from './runEval.ts';
import { f1 } from './score.ts';

// docs/accuracy.md is the published figure (written by `npm run eval`): every labelled set, in every
// format, must still reach the role and technology F1 committed there.
const root = path.resolve(import.meta.dirname, '../..');
const lexicon = createLexicon(loadReferenceData());

function committedRows(): Map<string, { role: number; technologies: number }> {
  const lines = readFileSync(path.join(root, 'docs/accuracy.md'), 'utf8').split('\n');
  const header = lines.find((l) => l.startsWith('| set |'));
  if (!header) throw new Error('docs/accuracy.md has no table');
  const columns = header.split('|').map((c) => c.trim());
  const roleAt = columns.indexOf('role (employer+start+end) F1');
  const techAt = columns.indexOf('technologies F1');
  const rows = new Map<string, { role: number; technologies: number }>();
  for (const line of lines.filter((l) => l.startsWith('| ') && l !== header)) {
    const cells = line.split('|').map((c) => c.trim());
    rows.set(`${cells[1]} / ${cells[2]}`, {
      role: Number(cells[roleAt]),
      technologies: Number(cells[techAt]),
    });
  }
  return rows;
}

describe('accuracy stays at the committed figures (docs/accuracy.md)', () => {
  const committed = committedRows();
  for (const set of labelledSets(root)) {
    // Rendering every set into PDF and DOCX takes a minute: the held-out sets stand for the rest here.
    for (const { adapter, items } of measurements(set.items, set.name.startsWith('holdout'))) {
      const key = `${set.name} / ${adapter.format}`;
      it(key, { timeout: 60_000 }, async () => {
        const figure = committed.get(key);
        expect(figure, `${key} is not in docs/accuracy.md: run npm run eval`).toBeDefined();
        const { row } = await evaluateSet(set.name, items, adapter, lexicon);
        const round = (x: number) => Math.round(x * 1000) / 1000;
        expect(round(f1(row.totals.role).f1)).toBeGreaterThanOrEqual(figure?.role ?? 1);
        expect(round(f1(row.totals.technologies).f1)).toBeGreaterThanOrEqual(figure?.technologies ?? 1);
      });
    }
  }
});
