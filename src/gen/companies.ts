import type { Lexicon } from '../lexicon/lexicon.ts';
import type { CompanyEntry } from '../lexicon/referenceData.ts';
import { createRandom, cumulative, type Random } from './random.ts';
import { TRACK_TECHNOLOGIES, TRACKS } from './technologies.ts';

/** One employer of the generated world. */
export interface GenCompany {
  index: number;
  /** Canonical name, as the graph will hold it. */
  name: string;
  /** Ways résumés write it: the name first, then aliases and forms with a legal suffix. */
  written: string[];
  /** Canonical name of its parent (a subsidiary, division or brand), else null. */
  parent: string | null;
  /** Index of its top parent (itself when it has none): the family talent flows are counted by. */
  family: number;
  /** Share of hires it draws, relative to the others. */
  weight: number;
  kind: 'giant' | 'member' | 'known' | 'fictional';
  city: string;
  /** Technologies it favours, per track. */
  stack: Set<string>;
  /** Companies its people move to more often than chance: the talent flows. */
  destinations: number[];
}

/** Every employer and the draws over them. */
export interface CompanyUniverse {
  companies: GenCompany[];
  /** Cumulative hire weights over `companies`. */
  hires: Float64Array;
  /** Members of each family by family index (a giant and its subsidiaries). */
  families: Map<number, number[]>;
}

/** How the universe is shaped. */
export interface UniverseOptions {
  seed: number | string;
  people: number;
  /** Zipf exponent of family sizes (1 ≈ firm sizes in real economies). */
  exponent?: number;
  /** Fictional companies per person (the long tail grows with the corpus). */
  tailPerPerson?: number;
}

// Real groups with subsidiaries, divisions and brands in data/companies.json: the giants.
const GIANTS = [
  'Amazon',
  'Alphabet',
  'Microsoft',
  'Meta',
  'Salesforce',
  'Apple',
  'Oracle',
  'IBM',
  'SAP',
  'Cisco',
  'Adobe',
  'Booking Holdings',
  'Alibaba Group',
  'Siemens',
  'Walmart',
  'Tencent',
];
// Real companies without subsidiaries in the data, for the middle of the distribution.
const KNOWN = (
  'Netflix|Stripe|Shopify|Spotify|Atlassian|Uber|Lyft|Airbnb|Tesla|PayPal|Intuit|eBay|Etsy|' +
  'Coinbase|Robinhood|Plaid|Klarna|Adyen|Revolut|Wise|Nubank|DoorDash|Instacart|Zalando|Grab|' +
  'Canva|Freshworks|Zoho|Thoughtworks|EPAM Systems|Globant|Endava|Accenture|Capgemini|Cognizant|' +
  'Infosys|Wipro|Goldman Sachs|JPMorgan Chase|Morgan Stanley|Bloomberg|Two Sigma|Jane Street|' +
  'Citadel|Visa|Mastercard|Capital One|Barclays|HSBC|Deutsche Bank|ServiceNow|Workday|Autodesk|' +
  'Palantir|CrowdStrike|Zoom|Pinterest|Reddit|Unity Technologies|Roblox|Ubisoft|SUSE|Canonical|' +
  'NVIDIA|Intel|AMD|Qualcomm|Philips|Ericsson|Nokia|Contoso|Northwind Traders|Tailspin Toys|' +
  'Wide World Importers|Woodgrove Bank|Adventure Works|Litware|Proseware|Coho Winery|' +
  'Trey Research|Relecloud|Fourth Coffee'
).split('|');
// Short or everyday-word names ("Ring", "King", "Square") read as something else in running text.
const AVOID = new Set(['Ring', 'Wing', 'King', 'GV', 'X', 'frog', 'Chase', 'Square', 'Loom', 'Sky', 'Eero']);

// Fictional names: an invented head word ("Kestrelmere"), sometimes a place-like middle, and a kind.
const HEAD_STARTS = (
  'Amber Birch Blue Bright Cobalt Copper Drift Ember Fern Fox Granite Harbor Hollow Iron Juniper Kestrel ' +
  'Lantern Lark Mari Meadow Moon North Oak Pebble Quill Red River Salt Silver Sky Star Stone Sun Thistle ' +
  'Tide Umber Verdant Wild Willow Wren Yellow Zephyr Alder Bramble Clear Dove Elm Fallow Glass Heath'
).split(' ');
const HEAD_ENDS =
  'line wood fin water field leaf ridge gate brook mere wing bank crest haven vale light moor'.split(' ');
const TAIL_MIDDLES = ['', '', '', '', 'Bay', 'Ridge', 'Point', 'Creek', 'Peak', 'Hollow', 'Field', 'Harbor'];
const TAIL_KINDS = (
  'Analytics Systems Software Labs Logistics Health Robotics Networks Dynamics Payments Insurance Energy ' +
  'Media Games Mobility Biotech Finance Retail Security Foods Travel Learning Studios Interactive ' +
  'Technologies Solutions Capital Telecom Freight Devices Ventures Works Digital Commerce Partners'
).split(' ');
/** Distinct fictional names there can be (a corpus may use at most half, so drawing stays quick). */
export const TAIL_NAME_SPACE = HEAD_STARTS.length * HEAD_ENDS.length * 9 * TAIL_KINDS.length;
const SUFFIXES = ['Inc.', 'Ltd', 'GmbH', 'LLC', 'B.V.', 'AB'];

function cities(lexicon: Lexicon, random: Random, places: string[]): string {
  // Only places the parser knows as places, so a role's location line is read as one.
  for (;;) {
    const city = random.pick(places);
    if (lexicon.places.isPlace(city)) return city;
  }
}

function stackFor(random: Random): Set<string> {
  const stack = new Set<string>();
  for (const track of TRACKS) {
    for (const tech of TRACK_TECHNOLOGIES[track]) if (random.chance(0.55)) stack.add(tech.name);
  }
  return stack;
}

function familyOf(entries: CompanyEntry[], root: string): CompanyEntry[] {
  const out: CompanyEntry[] = [];
  const walk = (name: string) => {
    for (const e of entries) {
      if (e.parent === name && !AVOID.has(e.name) && e.name.length > 2) {
        out.push(e);
        walk(e.name);
      }
    }
  };
  walk(root);
  return out;
}

/** A fictional company name the parser cannot mistake for a technology, a place or a known company. */
function tailName(random: Random, lexicon: Lexicon, taken: Set<string>): string {
  for (;;) {
    const middle = random.pick(TAIL_MIDDLES);
    const head = random.pick(HEAD_STARTS) + random.pick(HEAD_ENDS);
    const name = [head, middle, random.pick(TAIL_KINDS)].filter(Boolean).join(' ');
    if (taken.has(name)) continue;
    if (lexicon.companies.isKnown(name) || lexicon.technologies.inProse(name).length > 0) continue;
    if (lexicon.places.isPlace(name)) continue;
    taken.add(name);
    return name;
  }
}

/**
 * Builds the employers of a generated world (pure, deterministic for a seed): a few real giants with
 * their subsidiaries, real mid-sized companies, and a long tail of fictional ones that grows with the
 * number of people. Family sizes follow a Zipf law (weight 1/rank^exponent); a giant's weight is split
 * between the group (a third) and its members. Each company favours some technologies and sends its
 * people to a few destinations more often than chance, so talent flows and transitions are uneven.
 */
export function buildUniverse(
  options: UniverseOptions,
  companyEntries: CompanyEntry[],
  places: string[],
  lexicon: Lexicon,
): CompanyUniverse {
  const exponent = options.exponent ?? 0.95;
  const random = createRandom(options.seed, 'universe');
  const byName = new Map(companyEntries.map((e) => [e.name, e]));
  const companies: GenCompany[] = [];
  const families = new Map<number, number[]>();
  const add = (c: Omit<GenCompany, 'index' | 'city' | 'stack' | 'destinations'>) => {
    const company: GenCompany = {
      ...c,
      index: companies.length,
      city: cities(lexicon, random, places),
      stack: stackFor(random),
      destinations: [],
    };
    companies.push(company);
    return company;
  };
  const writtenForms = (e: CompanyEntry) => [
    e.name,
    ...e.aliases.filter((a) => a.length > 3 && lexicon.technologies.inProse(a).length === 0),
  ];
  let rank = 0;
  const zipf = () => 1 / (++rank) ** exponent;

  // Giants first (ranks 1..G, in a seed-shuffled order so which giant is largest varies by seed).
  const giants = random.sample(GIANTS, GIANTS.length).filter((g) => byName.has(g));
  for (const name of giants) {
    const entry = byName.get(name) as CompanyEntry;
    const weight = zipf();
    const members = familyOf(companyEntries, name);
    const root = add({
      name,
      written: writtenForms(entry),
      parent: null,
      family: -1,
      weight: weight / 3,
      kind: 'giant',
    });
    root.family = root.index;
    const ids = [root.index];
    const memberWeights = members.map((_, j) => 1 / (j + 1));
    const total = memberWeights.reduce((a, b) => a + b, 0);
    members.forEach((m, j) => {
      const c = add({
        name: m.name,
        written: writtenForms(m),
        parent: m.parent,
        family: root.index,
        weight: ((2 * weight) / 3) * ((memberWeights[j] as number) / total),
        kind: 'member',
      });
      ids.push(c.index);
    });
    families.set(root.index, ids);
  }
  // A company named like a technology ("Unity") would lend its roles a technology they did not use.
  const known = random
    .sample(KNOWN, KNOWN.length)
    .filter((n) => byName.has(n) && lexicon.technologies.inProse(n).length === 0);
  for (const name of known) {
    const c = add({
      name,
      written: writtenForms(byName.get(name) as CompanyEntry),
      parent: null,
      family: -1,
      weight: zipf(),
      kind: 'known',
    });
    c.family = c.index;
    families.set(c.index, [c.index]);
  }
  const tail = Math.max(40, Math.round(options.people * (options.tailPerPerson ?? 0.2)));
  if (tail > TAIL_NAME_SPACE / 2) throw new Error(`too many fictional companies asked for (${tail})`);
  const taken = new Set(companies.map((c) => c.name));
  for (let i = 0; i < tail; i++) {
    const name = tailName(random, lexicon, taken);
    const written = [name, `${name} ${random.pick(SUFFIXES)}`];
    const c = add({ name, written, parent: null, family: -1, weight: zipf(), kind: 'fictional' });
    c.family = c.index;
    families.set(c.index, [c.index]);
  }
  const hires = cumulative(companies.map((c) => c.weight));
  // Destinations lean towards big employers (by the square root of size), as real flows do, without
  // sending everyone to the largest one.
  const toward = cumulative(companies.map((c) => Math.sqrt(c.weight)));
  for (const c of companies) {
    const picks = new Set<number>();
    for (let tries = 0; picks.size < 3 && tries < 20; tries++) {
      const d = random.weightedIndex(toward);
      if ((companies[d] as GenCompany).family !== c.family) picks.add(d);
    }
    c.destinations = [...picks];
  }
  return { companies, hires, families };
}
