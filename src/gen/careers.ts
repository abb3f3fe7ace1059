import type { CompanyUniverse, GenCompany } from './companies.ts';
import { drawName, emailFor, type PersonName } from './names.ts';
import { createRandom, cumulative, type Random } from './random.ts';
import { TRACKS, type Track, technologiesIn } from './technologies.ts';

/** A month, or a year when the résumé gives years only. */
export interface GenDate {
  year: number;
  month?: number;
}

/** One role of a generated career. */
export interface GenRole {
  title: string;
  company: number;
  /** The employer as this résumé writes it (an alias or a legal suffix now and then). */
  employerWritten: string;
  start: GenDate;
  /** Null for the current role. */
  end: GenDate | null;
  location: string;
  technologies: string[];
}

/** One generated person: who, and every role, most recent first (as résumés list them). */
export interface GenPerson {
  index: number;
  name: PersonName;
  email: string;
  location: string;
  track: Track;
  headline: string;
  roles: GenRole[];
  skills: string[];
  education: { school: string; degree: string; field: string; start: string; end: string }[];
}

/** The month careers are generated up to (fixed, so a corpus does not change with the calendar). */
export interface GenNow {
  year: number;
  month: number;
}

const LADDERS: Record<Track | 'management', string[]> = {
  backend: [
    'Junior Software Engineer',
    'Software Engineer',
    'Senior Software Engineer',
    'Staff Software Engineer',
    'Principal Software Engineer',
  ],
  frontend: [
    'Junior Frontend Developer',
    'Frontend Developer',
    'Senior Frontend Developer',
    'Lead Frontend Developer',
    'Principal Frontend Engineer',
  ],
  data: [
    'Junior Data Engineer',
    'Data Engineer',
    'Senior Data Engineer',
    'Lead Data Engineer',
    'Principal Data Engineer',
  ],
  ml: [
    'Junior Data Scientist',
    'Data Scientist',
    'Senior Data Scientist',
    'Staff Machine Learning Engineer',
    'Principal Machine Learning Engineer',
  ],
  mobile: [
    'Junior Mobile Developer',
    'Mobile Developer',
    'Senior Mobile Engineer',
    'Lead Mobile Engineer',
    'Principal Mobile Engineer',
  ],
  infra: [
    'Junior Systems Engineer',
    'DevOps Engineer',
    'Senior DevOps Engineer',
    'Staff Site Reliability Engineer',
    'Principal Infrastructure Engineer',
  ],
  management: [
    'Engineering Manager',
    'Senior Engineering Manager',
    'Director of Engineering',
    'VP of Engineering',
  ],
};
const TRACK_SHARE = cumulative([0.34, 0.18, 0.14, 0.08, 0.1, 0.16]);
const HEADLINES: Record<Track, string> = {
  backend: 'Backend engineer',
  frontend: 'Frontend developer',
  data: 'Data engineer',
  ml: 'Data scientist',
  mobile: 'Mobile developer',
  infra: 'Infrastructure engineer',
};
const DEGREES = ['BSc', 'MSc', 'BEng', 'MEng', 'PhD'];
const FIELDS = [
  'Computer Science',
  'Software Engineering',
  'Mathematics',
  'Physics',
  'Electrical Engineering',
];

const ord = (d: GenDate) => d.year * 12 + (d.month ?? 1) - 1;
const fromOrd = (n: number, monthly: boolean): GenDate =>
  monthly ? { year: Math.floor(n / 12), month: (n % 12) + 1 } : { year: Math.floor(n / 12) };

function writtenName(company: GenCompany, random: Random): string {
  // Mostly the name itself; an alias or a legal suffix now and then, as real résumés do.
  return company.written.length > 1 && random.chance(0.2)
    ? random.pick(company.written.slice(1))
    : (company.written[0] as string);
}

function roleTechnologies(track: Track, company: GenCompany, year: number, random: Random): string[] {
  const era = technologiesIn(track, year);
  const favoured = era.filter((t) => company.stack.has(t));
  const pool = favoured.length >= 2 ? favoured : era;
  return random.sample(pool, random.int(2, Math.min(5, pool.length)));
}

function nextCompany(current: GenCompany | null, universe: CompanyUniverse, random: Random): GenCompany {
  const { companies, hires, families } = universe;
  for (let tries = 0; tries < 10; tries++) {
    let pick: number;
    const family = current ? (families.get(current.family) ?? []) : [];
    if (current && current.destinations.length > 0 && random.chance(0.4))
      pick = random.pick(current.destinations);
    else if (current && family.length > 1 && random.chance(0.08)) pick = random.pick(family);
    else pick = random.weightedIndex(hires);
    const company = companies[pick] as GenCompany;
    if (company !== current) return company;
  }
  return companies[random.weightedIndex(hires)] as GenCompany;
}

/**
 * Generates person number `index` (pure: depends only on the seed, the index and the universe). A
 * career starts between one and thirty years before `now`; each employer holds one or more roles
 * (promotions up a track's title ladder every year and a half to three years), moves go to the
 * company's usual destinations, a sibling in its group, or any employer by size; senior people may
 * become managers. At most ten roles; the last is current unless the person stopped working.
 */
export function generatePerson(
  seed: number | string,
  index: number,
  universe: CompanyUniverse,
  now: GenNow,
  places: string[],
): GenPerson {
  const random = createRandom(seed, 'person', index);
  const name = drawName(random);
  const track = TRACKS[random.weightedIndex(TRACK_SHARE)] as Track;
  const nowOrd = now.year * 12 + now.month - 1;
  const years = 1 + Math.floor(random.next() ** 1.4 * 29);
  const monthly = random.chance(0.8);
  const careerStart = nowOrd - years * 12 - random.int(0, 11);
  const stopsWorking = random.chance(0.12);
  const maxRoles = random.int(1, 10);
  let level = random.chance(0.5) ? 0 : 1;
  let ladder: Track | 'management' = track;
  let company: GenCompany | null = null;
  let at = careerStart;
  const roles: GenRole[] = [];
  while (roles.length < maxRoles && at < nowOrd) {
    company = nextCompany(company, universe, random);
    const written = writtenName(company, random);
    const stint = random.int(10, 30) + (random.chance(0.4) ? random.int(12, 60) : 0);
    const stintEnd = Math.min(at + stint, nowOrd + 1);
    let roleStart = at;
    while (roles.length < maxRoles && roleStart < stintEnd) {
      const promotedAt = roleStart + random.int(18, 36);
      const roleEnd = promotedAt < stintEnd - 6 && random.chance(0.6) ? promotedAt : stintEnd;
      const title = (LADDERS[ladder] as string[])[Math.min(level, LADDERS[ladder].length - 1)] as string;
      const techTrack = ladder === 'management' ? (random.chance(0.5) ? track : 'backend') : track;
      const techs = roleTechnologies(techTrack, company, Math.floor(roleStart / 12), random);
      roles.push({
        title,
        company: company.index,
        employerWritten: written,
        start: fromOrd(roleStart, monthly),
        end: roleEnd > nowOrd ? null : fromOrd(roleEnd, monthly),
        location: random.chance(0.8) ? company.city : random.pick(places),
        technologies: ladder === 'management' ? techs.slice(0, 2) : techs,
      });
      if (roleEnd === stintEnd) break;
      level++;
      if (ladder !== 'management' && level >= 3 && random.chance(0.2)) {
        ladder = 'management';
        level = 0;
      }
      roleStart = roleEnd;
    }
    if (stintEnd > nowOrd) break;
    // Between employers: mostly a short gap, sometimes a long one, sometimes an overlap.
    const gap = random.chance(0.7)
      ? random.int(0, 3)
      : random.chance(0.7)
        ? random.int(4, 14)
        : -random.int(1, 3);
    at = stintEnd + gap;
    if (random.chance(0.3)) level++;
  }
  const last = roles[roles.length - 1];
  if (stopsWorking && last && last.end === null) last.end = fromOrd(nowOrd - random.int(1, 6), monthly);
  // Year-only dates can make a promotion look like it starts and ends in one year; that is what such
  // résumés say, so it stays.
  roles.reverse();
  const used = [...new Set(roles.flatMap((r) => r.technologies))];
  const skills = [
    ...new Set([
      ...random.sample(used, 8),
      ...random.sample(technologiesIn(track, now.year), random.int(0, 2)),
    ]),
  ];
  const studyEnd = Math.floor(careerStart / 12);
  const degree = random.pick(DEGREES);
  return {
    index,
    name,
    email: emailFor(name, index),
    location: random.pick(places),
    track,
    headline: HEADLINES[track],
    roles,
    skills,
    education: [
      {
        school: `University of ${random.pick(places)}`,
        degree,
        field: random.pick(FIELDS),
        start: String(studyEnd - (degree === 'PhD' ? 7 : degree.startsWith('M') ? 5 : 3)),
        end: String(studyEnd),
      },
    ],
  };
}

/** Month ordinal of a generated date (year-only dates count as January). */
export const genDateOrd = ord;
