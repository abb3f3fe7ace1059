import { beforeAll, describe, expect, it } from 'vitest';
import { createLexicon, type Lexicon } from '../lexicon/lexicon.ts';
import { loadReferenceData } from '../lexicon/loadReferenceData.ts';
import type { ReferenceData } from '../lexicon/referenceData.ts';
import { type GenPerson, generatePerson } from './careers.ts';
import type { CompanyUniverse } from './companies.ts';
import { cityNames, corpusUniverse, DEFAULT_NOW } from './generateCorpus.ts';
import { ALL_TECHNOLOGIES } from './technologies.ts';

let data: ReferenceData;
let lexicon: Lexicon;
let universe: CompanyUniverse;
let people: GenPerson[];
const N = 3000;

beforeAll(() => {
  data = loadReferenceData();
  lexicon = createLexicon(data);
  universe = corpusUniverse({ seed: 11, people: N }, data, lexicon);
  const places = cityNames(data.places);
  people = Array.from({ length: N }, (_, i) => generatePerson(11, i, universe, DEFAULT_NOW, places));
});

describe('the company universe', () => {
  it('writes only canonical technology names', () => {
    expect(ALL_TECHNOLOGIES.filter((t) => lexicon.technologies.canonical(t) !== t)).toEqual([]);
  });

  it('has giants with subsidiaries that the reference data knows as such', () => {
    const members = universe.companies.filter((c) => c.kind === 'member');
    expect(members.length).toBeGreaterThan(30);
    for (const m of members) {
      expect(lexicon.companies.resolve(m.name).parents).toContain(m.parent);
    }
  });

  it('names fictional companies that resolve to themselves and are not technologies', () => {
    const tail = universe.companies.filter((c) => c.kind === 'fictional');
    expect(tail.length).toBeGreaterThanOrEqual(N * 0.2 - 1);
    expect(new Set(tail.map((c) => c.name)).size).toBe(tail.length);
    for (const c of tail.slice(0, 200)) {
      expect(lexicon.companies.isKnown(c.name)).toBe(false);
      expect(lexicon.technologies.inProse(c.name)).toEqual([]);
      for (const w of c.written) expect(lexicon.companies.resolve(w).name).toBe(c.name);
    }
  });

  it('sizes employers by a power law: a few giants, a long tail', () => {
    const byFamily = new Map<number, number>();
    for (const p of people) {
      for (const f of new Set(p.roles.map((r) => universe.companies[r.company]?.family ?? -1))) {
        byFamily.set(f, (byFamily.get(f) ?? 0) + 1);
      }
    }
    const sizes = [...byFamily.values()].sort((a, b) => b - a);
    const top = sizes[0] as number;
    const median = sizes[Math.floor(sizes.length / 2)] as number;
    // The largest employer is far larger than the typical one, and most employers are small.
    expect(top).toBeGreaterThan(40 * median);
    expect(sizes.filter((s) => s <= 10).length / sizes.length).toBeGreaterThan(0.6);
    // Zipf: size falls roughly as 1/rank; the slope of log size over log rank is near -1.
    const at = (rank: number) => Math.log(sizes[rank - 1] as number);
    const slope = (at(200) - at(2)) / (Math.log(200) - Math.log(2));
    expect(slope).toBeLessThan(-0.6);
    expect(slope).toBeGreaterThan(-1.4);
  });
});

describe('careers', () => {
  it('have 1 to 10 roles, most recent first, at most one current', () => {
    const counts = new Set<number>();
    for (const p of people) {
      expect(p.roles.length).toBeGreaterThanOrEqual(1);
      expect(p.roles.length).toBeLessThanOrEqual(10);
      counts.add(p.roles.length);
      expect(p.roles.filter((r) => r.end === null).length).toBeLessThanOrEqual(1);
      const starts = p.roles.map((r) => r.start.year * 12 + (r.start.month ?? 1));
      expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    }
    expect(counts.size).toBe(10);
  });

  it('include promotions: consecutive roles at one employer with a new title', () => {
    const promoted = people.filter((p) =>
      p.roles.some(
        (r, i) => i > 0 && p.roles[i - 1]?.company === r.company && p.roles[i - 1]?.title !== r.title,
      ),
    );
    expect(promoted.length / people.length).toBeGreaterThan(0.25);
  });

  it('move between companies, so that a big pair of employers has transitions both ways', () => {
    const families = [...new Set(universe.companies.filter((c) => c.kind === 'giant').map((c) => c.index))];
    const moves = new Map<string, number>();
    for (const p of people) {
      const chronological = [...p.roles].reverse();
      chronological.forEach((r, i) => {
        for (const later of chronological.slice(i + 1)) {
          const a = universe.companies[r.company]?.family;
          const b = universe.companies[later.company]?.family;
          if (a !== b) moves.set(`${a}>${b}`, (moves.get(`${a}>${b}`) ?? 0) + 1);
        }
      });
    }
    const [g1, g2] = families;
    expect(moves.get(`${g1}>${g2}`) ?? 0).toBeGreaterThan(5);
    expect(moves.get(`${g2}>${g1}`) ?? 0).toBeGreaterThan(5);
  });

  it('use technologies of their era', () => {
    const early = people
      .flatMap((p) => p.roles.filter((r) => r.start.year < 2010))
      .flatMap((r) => r.technologies);
    const late = people
      .flatMap((p) => p.roles.filter((r) => r.start.year >= 2020))
      .flatMap((r) => r.technologies);
    expect(early).not.toContain('Kubernetes');
    expect(early).not.toContain('React');
    expect(late).toContain('Kubernetes');
    expect(late).not.toContain('Perl');
  });

  it('are the same for the same seed and differ for another', () => {
    const places = cityNames(data.places);
    expect(generatePerson(11, 5, universe, DEFAULT_NOW, places)).toEqual(people[5]);
    const other = corpusUniverse({ seed: 12, people: N }, data, lexicon);
    expect(generatePerson(12, 5, other, DEFAULT_NOW, places)).not.toEqual(people[5]);
  });
});
