import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { CorpusCompany, CorpusManifest, TruthLine } from '../../src/gen/generateCorpus.ts';
import { createRandom, cumulative } from '../../src/gen/random.ts';

/** One request of the fixed workload: an operation and its variables. */
export interface WorkItem {
  op: string;
  vars: Record<string, unknown>;
}

/** What the workload draws from: people, companies, technologies and name parts of a corpus. */
export interface WorkloadSource {
  personIds: string[];
  familyNames: string[];
  companies: CorpusCompany[];
  technologies: string[];
  /** Word prefixes people would type into search. */
  searchWords: string[];
  /** The two largest employer families: the fixed pair whose cost is followed across sizes. */
  fixedPair: [string, string];
}

/** Reads what the workload needs from a corpus, streaming truth.jsonl (it can be large). */
export async function workloadSource(
  corpusDir: string,
  seed: number,
  maxPeople = 20_000,
): Promise<WorkloadSource> {
  const random = createRandom(seed, 'workload-source');
  const personIds: string[] = [];
  const technologies = new Set<string>();
  const words = new Set<string>();
  let seen = 0;
  const lines = createInterface({ input: createReadStream(path.join(corpusDir, 'truth.jsonl')) });
  for await (const line of lines) {
    const t = JSON.parse(line) as TruthLine;
    seen++;
    // Reservoir sample: every person equally likely, whatever the corpus size.
    if (personIds.length < maxPeople) personIds.push(t.personId);
    else {
      const j = Math.floor(random.next() * seen);
      if (j < maxPeople) personIds[j] = t.personId;
    }
    if (seen <= 5000) {
      for (const r of t.expected.roles) for (const tech of r.technologies) technologies.add(tech);
      const family = t.expected.person.name?.split(' ')[1];
      if (family) words.add(family.slice(0, 4));
    }
  }
  const companies = (
    JSON.parse(readFileSync(path.join(corpusDir, 'companies.json'), 'utf8')) as CorpusCompany[]
  ).filter((c) => c.people > 0);
  const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as CorpusManifest;
  const families = manifest.largestFamilies.map((f) => f.name);
  for (const c of companies.slice(0, 3000)) words.add(c.name.split(' ')[0]?.slice(0, 5) ?? '');
  return {
    personIds,
    familyNames: families,
    companies,
    technologies: [...technologies].sort(),
    searchWords: [...words].filter((w) => w.length >= 3).sort(),
    fixedPair: [families[0] ?? '', families[1] ?? ''],
  };
}

/**
 * The fixed random workload of one operation (deterministic for a seed). Companies are drawn with
 * probability ∝ √people (popular employers are asked about more often, the long tail still is), and
 * for careerTransitions one pair in ten is between two of the ten largest families, so the largest
 * companies are always part of it.
 */
export function workloadFor(op: string, n: number, source: WorkloadSource, seed: number): WorkItem[] {
  const random = createRandom(seed, 'workload', op);
  const popular = cumulative(source.companies.map((c) => Math.sqrt(c.people)));
  const company = () => source.companies[random.weightedIndex(popular)]?.name ?? '';
  const person = () => random.pick(source.personIds);
  const top = source.familyNames.slice(0, 10);
  const items: WorkItem[] = [];
  for (let i = 0; i < n; i++) {
    switch (op) {
      case 'careerTransitions': {
        const big = random.chance(0.1) && top.length >= 2;
        const [from, to] = big ? random.sample(top, 2) : [company(), company()];
        items.push({ op, vars: { from, to } });
        break;
      }
      case 'person':
      case 'similarPeople':
      case 'colleagues':
        items.push({ op, vars: { id: person() } });
        break;
      case 'company':
        items.push({ op, vars: { name: company() } });
        break;
      case 'technology':
        items.push({ op, vars: { name: random.pick(source.technologies) } });
        break;
      case 'peopleByCompany':
        items.push({ op, vars: { c: company() } });
        break;
      case 'peopleByTechnology':
        items.push({ op, vars: { t: random.pick(source.technologies) } });
        break;
      case 'technologyOverlap':
        items.push({ op, vars: { a: person(), b: person() } });
        break;
      case 'talentFlow':
        items.push({ op, vars: { c: company(), d: random.chance(0.5) ? 'OUT' : 'IN' } });
        break;
      case 'search':
        items.push({ op, vars: { t: random.pick(source.searchWords) } });
        break;
      default:
        items.push({ op, vars: {} });
    }
  }
  return items;
}
