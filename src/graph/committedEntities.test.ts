import { describe, expect, it } from 'vitest';
import { CommittedEntities } from './committedEntities.ts';

const company = (id: string, aliases: string[], parentId: string | null = null) => ({
  id,
  name: id,
  aliases,
  parentId,
  kind: parentId ? 'subsidiary' : null,
});
const tech = (id: string, aliases: string[]) => ({ id, name: id, aliases, category: null });

describe('CommittedEntities', () => {
  it('sends everything before anything is committed', () => {
    const known = new CommittedEntities();
    expect(known.companiesToWrite([company('a', [])])).toHaveLength(1);
    expect(known.technologiesToWrite([tech('t', ['T'])])).toHaveLength(1);
  });

  it('skips what was committed with the same aliases and parent, sends what is new about it', () => {
    const known = new CommittedEntities();
    known.recordCommitted([company('a', ['A Inc']), company('b', [], 'a')], [tech('t', ['T', 'tee'])]);
    expect(known.companiesToWrite([company('a', ['A Inc']), company('b', [], 'a')])).toEqual([]);
    expect(known.companiesToWrite([company('a', [])])).toEqual([]);
    expect(known.companiesToWrite([company('a', ['A Corp'])]).map((c) => c.id)).toEqual(['a']);
    expect(known.companiesToWrite([company('b', [], 'c')]).map((c) => c.id)).toEqual(['b']);
    expect(known.companiesToWrite([company('c', [])]).map((c) => c.id)).toEqual(['c']);
    expect(known.technologiesToWrite([tech('t', ['tee'])])).toEqual([]);
    expect(known.technologiesToWrite([tech('t', ['T', 'TEE'])]).map((t) => t.id)).toEqual(['t']);
  });

  it('accumulates aliases across commits', () => {
    const known = new CommittedEntities();
    known.recordCommitted([company('a', ['x'])], [tech('t', ['1'])]);
    known.recordCommitted([company('a', ['y'])], [tech('t', ['2'])]);
    expect(known.companiesToWrite([company('a', ['x', 'y'])])).toEqual([]);
    expect(known.technologiesToWrite([tech('t', ['1', '2'])])).toEqual([]);
  });
});
