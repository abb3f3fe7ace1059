import { z } from 'zod';
import type { Lexicon } from '../../lexicon/lexicon.ts';
import type {
  ParsedEducation,
  ParsedPerson,
  ParsedResume,
  ParsedRole,
  ParsedSkill,
  ParseWarning,
  PartialDate,
  TechnologyMention,
} from '../../model/resume.ts';
import { endsBeforeStart, parseOneDate } from '../parse/dates.ts';
import { listItemTechnologies } from '../parse/stackLine.ts';

/*
 * JSON Resume (https://jsonresume.org/schema) → the parsed-résumé shape. The parts careergraph reads
 * (basics, work, education, skills) are validated with the schema's types, not its formats: real files
 * write "Present" or "" as an end date, `company` for `name`, URLs without a scheme. A field of the
 * wrong type is dropped with a warning; only a section of the wrong type (work not an array) fails.
 */

export const NOT_A_JSON_RESUME = 'the JSON is not a JSON Resume (no basics, work or education)';

const text = z.union([z.string(), z.number().transform(String)]).nullish();
/** A list of strings; a lone string counts as a list of one. */
const textList = z
  .union([z.array(z.union([z.string(), z.number().transform(String)]).nullable()), z.string()])
  .nullish()
  .transform((v) => (v == null ? [] : typeof v === 'string' ? [v] : v));
const date = z.union([z.string(), z.number()]).nullish();
const location = z
  .union([
    z.string(),
    z.looseObject({
      address: text,
      postalCode: text,
      city: text,
      region: text,
      state: text,
      countryCode: text,
    }),
  ])
  .nullish();
const profile = z.looseObject({ network: text, username: text, url: text });

const basicsSchema = z.looseObject({
  name: text,
  label: text,
  email: text,
  phone: text,
  url: text,
  // Before v1.0 of the schema (`bio` then): `website` or `websites: { blog: url }`, profiles as `{ network: username }`.
  website: text,
  websites: z.record(z.string(), text).nullish(),
  location,
  profiles: z.union([z.array(profile.nullable()), z.record(z.string(), text)]).nullish(),
});
const workSchema = z.looseObject({
  name: text,
  company: text,
  position: text,
  location,
  startDate: date,
  endDate: date,
});
const educationSchema = z.looseObject({
  institution: text,
  area: text,
  studyType: text,
  startDate: date,
  endDate: date,
});
const skillSchema = z.looseObject({ name: text, category: text, keywords: textList, names: textList });
const resumeSchema = z.looseObject({
  basics: basicsSchema.nullish(),
  work: z.array(workSchema.nullable()).nullish(),
  education: z.array(educationSchema.nullable()).nullish(),
  skills: z.array(skillSchema.nullable()).nullish(),
});
type JsonResumeData = z.infer<typeof resumeSchema>;
type Location = z.infer<typeof location>;

// Work item keys that say something other than what the role did or used.
const NOT_ROLE_CONTENT = new Set([
  'name',
  'company',
  'position',
  'location',
  'url',
  'website',
  'description',
  'startDate',
  'endDate',
]);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** Plain text of a JSON Resume string: HTML tags and entities removed, whitespace collapsed; null if empty. */
export function plainText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const plain = value
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return plain || null;
}

const PRESENT = /^(?:present|current(?:ly)?|now|today|ongoing|to date|till date|until now|-|–|—)$/i;

/** One JSON Resume date: absent, "present", a date (`2019`, `2019-03`, `2019-03-01`, "March 2019", "03/2019"), or unreadable. */
export function readJsonResumeDate(
  raw: string | number | null | undefined,
): { kind: 'none' } | { kind: 'present' } | { kind: 'date'; date: PartialDate } | { kind: 'unreadable' } {
  if (raw == null) return { kind: 'none' };
  const t = typeof raw === 'number' ? String(raw) : (plainText(raw) ?? '');
  if (!t) return { kind: 'none' };
  if (PRESENT.test(t)) return { kind: 'present' };
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(t);
  if (iso?.[1]) {
    const year = Number(iso[1]);
    const month = iso[2] ? Number(iso[2]) : undefined;
    if (month === undefined || month === 0) return { kind: 'date', date: { year } };
    return month <= 12 ? { kind: 'date', date: { year, month } } : { kind: 'unreadable' };
  }
  // Day, month and year in some order ("01/03/2019", "3.1.2019"): the month is known only when unambiguous.
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (dmy?.[1] && dmy[2] && dmy[3]) {
    const [a, b, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (a > 12 && b >= 1 && b <= 12) return { kind: 'date', date: { year, month: b } };
    if (b > 12 && a >= 1 && a <= 12) return { kind: 'date', date: { year, month: a } };
    return a >= 1 && a <= 31 && b >= 1 && b <= 31 ? { kind: 'date', date: { year } } : { kind: 'unreadable' };
  }
  const one = parseOneDate(t.replace(/^(\d{1,2})\s+(?=\p{L})/u, ''));
  return one ? { kind: 'date', date: one } : { kind: 'unreadable' };
}

type Path = (string | number)[];
const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u241f');
const showPath = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/**
 * The first and last 1-based line of every value in a JSON text, by path. Empty when the text is not
 * JSON (the caller then falls back to the pretty-printed value).
 */
export function jsonValueLines(source: string): Map<string, [number, number]> {
  const spans = new Map<string, [number, number]>();
  let i = 0;
  let line = 1;
  const skip = () => {
    for (;;) {
      const c = source[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\ufeff') return;
      i++;
    }
  };
  const string = (): string => {
    const start = i++;
    while (i < source.length && source[i] !== '"') {
      if (source[i] === '\\') i++;
      else if (source[i] === '\n') line++;
      i++;
    }
    if (i >= source.length) throw new Error('unterminated string');
    i++;
    return JSON.parse(source.slice(start, i)) as string;
  };
  const value = (path: Path): void => {
    skip();
    const first = line;
    const c = source[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skip();
      if (source[i] === close) i++;
      else
        for (let n = 0; ; n++) {
          skip();
          let key: string | number = n;
          if (c === '{') {
            if (source[i] !== '"') throw new Error('expected a key');
            key = string();
            skip();
            if (source[i++] !== ':') throw new Error('expected :');
          }
          value([...path, key]);
          skip();
          const next = source[i++];
          if (next === close) break;
          if (next !== ',') throw new Error(`expected , or ${close}`);
        }
    } else if (c === '"') string();
    else {
      const start = i;
      while (i < source.length && !/[\s,\]}]/.test(source[i] as string)) i++;
      if (i === start) throw new Error('expected a value');
    }
    spans.set(pathKey(path), [first, line]);
  };
  try {
    value([]);
  } catch {
    spans.clear();
  }
  return spans;
}

/** Drops what fails the schema inside sections, with a warning; fails when a whole section is malformed. */
function validate(
  value: Record<string, unknown>,
  warnings: ParseWarning[],
  lineOf: (...path: Path) => number,
): JsonResumeData | string {
  let data: Record<string, unknown>;
  try {
    data = structuredClone(value);
  } catch {
    return 'the JSON Resume cannot be read (it holds values JSON cannot)';
  }
  for (let round = 0; round < 50; round++) {
    const result = resumeSchema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      if (issue.path.length < 2)
        return `the JSON Resume is invalid: ${showPath(issue.path)}: ${issue.message}`;
      const parent = issue.path
        .slice(0, -1)
        .reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k], data);
      const last = issue.path[issue.path.length - 1] as PropertyKey;
      if (Array.isArray(parent)) parent[last as number] = null;
      else if (parent && typeof parent === 'object') delete (parent as Record<PropertyKey, unknown>)[last];
      warnings.push({
        line: lineOf(...(issue.path.slice(0, 2) as Path)),
        code: 'OTHER',
        message: `${showPath(issue.path)} ignored: ${issue.message}`,
      });
    }
  }
  return 'the JSON Resume is invalid';
}

function formatLocation(loc: Location): string | null {
  if (loc == null) return null;
  if (typeof loc === 'string') return plainText(loc);
  const parts = [loc.city, loc.region ?? loc.state, loc.countryCode].map((p) => plainText(p)).filter(Boolean);
  return parts.length ? parts.join(', ') : plainText(loc.address);
}

const PROFILE_URLS: Record<string, string> = {
  github: 'https://github.com/',
  gitlab: 'https://gitlab.com/',
  twitter: 'https://twitter.com/',
  x: 'https://x.com/',
  linkedin: 'https://www.linkedin.com/in/',
  stackoverflow: 'https://stackoverflow.com/users/',
};

function profileLink(
  network: string | null | undefined,
  username: string | null | undefined,
  url?: string | null,
) {
  const u = plainText(url);
  if (u) return u;
  const base = PROFILE_URLS[(plainText(network) ?? '').toLowerCase().replace(/[\s-]/g, '')];
  const user = plainText(username)?.replace(/^@/, '');
  return base && user ? `${base}${user}` : null;
}

/**
 * The skills one keyword lists: "Java / Spring (MVC, Boot) / Kotlin" names three. Kept whole when a
 * part is not a name on its own ("Windows XP / 7").
 */
export function splitSkillKeyword(keyword: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < keyword.length; i++) {
    const ch = keyword[i] as string;
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    const separator = depth === 0 && (/[,;]/.test(ch) || /^\s[/|·]\s/.test(keyword.slice(i - 1, i + 2)));
    if (separator) {
      parts.push(current);
      current = '';
      if (ch !== ',' && ch !== ';') i++;
    } else current += ch;
  }
  parts.push(current);
  const names = parts.map((p) => p.trim()).filter(Boolean);
  return names.length > 1 && names.every((n) => n.length >= 2 && /\p{L}/u.test(n)) ? names : [keyword];
}

/**
 * Converts a parsed JSON Resume document to the parsed-résumé shape. `text` is the JSON as written,
 * for line numbers; without it, lines are those of the value pretty-printed with two spaces.
 * A missing, empty or "Present" end date means the role is current (when it has a start).
 */
export function jsonResumeToParsed(
  value: unknown,
  lexicon: Lexicon,
  text?: string,
): { resume: ParsedResume } | { error: string } {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !['basics', 'work', 'education', 'bio'].some((k) => k in value)
  )
    return { error: NOT_A_JSON_RESUME };
  // The first schema (before v1.0) called basics `bio`.
  const basicsKey = !('basics' in value) && 'bio' in value ? 'bio' : 'basics';
  const resume = basicsKey === 'bio' ? { ...value, basics: (value as { bio: unknown }).bio } : value;
  let spans = text === undefined ? new Map<string, [number, number]>() : jsonValueLines(text);
  if (spans.size === 0) spans = jsonValueLines(JSON.stringify(value, null, 2));
  const span = (...path: Path): [number, number] | undefined =>
    spans.get(pathKey(path[0] === 'basics' ? [basicsKey, ...path.slice(1)] : path));
  const lineOf = (...path: Path): number => span(...path)?.[0] ?? 1;

  const warnings: ParseWarning[] = [];
  const data = validate(resume as Record<string, unknown>, warnings, lineOf);
  if (typeof data === 'string') return { error: data };

  const readDate = (raw: string | number | null | undefined, path: Path, what: string) => {
    const read = readJsonResumeDate(raw);
    if (read.kind === 'unreadable')
      warnings.push({
        line: lineOf(...path),
        code: 'UNREADABLE_DATE',
        message: `unreadable ${what} "${raw}"`,
      });
    return read;
  };

  const basics = data.basics ?? {};
  const links: string[] = [];
  const addLink = (link: string | null) => {
    if (link && !links.includes(link)) links.push(link);
  };
  addLink(plainText(basics.url) ?? plainText(basics.website));
  for (const site of Object.values(basics.websites ?? {})) addLink(plainText(site));
  if (Array.isArray(basics.profiles)) {
    for (const p of basics.profiles) if (p) addLink(profileLink(p.network, p.username, p.url));
  } else if (basics.profiles) {
    for (const [network, username] of Object.entries(basics.profiles))
      addLink(profileLink(network, username));
  }
  const name = plainText(basics.name);
  const person: ParsedPerson = {
    name,
    email: plainText(basics.email),
    phone: plainText(basics.phone),
    location: formatLocation(basics.location),
    headline: plainText(basics.label),
    links,
    line: name ? lineOf('basics', 'name') : null,
  };
  if (!name) warnings.push({ code: 'NO_NAME', message: 'the JSON Resume has no basics.name' });

  const roles: ParsedRole[] = [];
  for (const [index, item] of (data.work ?? []).entries()) {
    if (!item) continue;
    const at = ['work', index];
    const title = plainText(item.position);
    const employerKey = plainText(item.name) ? 'name' : 'company';
    const employer = plainText(item[employerKey]);
    const itemSpan = span(...at) ?? [1, 1];
    const line = title ? lineOf(...at, 'position') : itemSpan[0];
    const employerLine = employer ? lineOf(...at, employerKey) : null;

    const start = readDate(item.startDate, [...at, 'startDate'], 'start date');
    const end = readDate(item.endDate, [...at, 'endDate'], 'end date');
    const startDate = start.kind === 'date' ? start.date : null;
    const endDate = end.kind === 'date' ? end.date : null;
    // "Present" is explicit; a missing end is current only for a role that has a start.
    const current = end.kind === 'present' || (end.kind === 'none' && startDate !== null);
    if (startDate && endDate && endsBeforeStart(startDate, endDate))
      warnings.push({
        line,
        code: 'END_BEFORE_START',
        message: `role "${title ?? employer ?? '?'}" ends (${item.endDate}) before it starts (${item.startDate})`,
      });
    if (!startDate && start.kind !== 'unreadable')
      warnings.push({
        line,
        code: 'NO_DATES',
        message: `role "${title ?? employer ?? '?'}" has no start date`,
      });

    const technologies: TechnologyMention[] = [];
    const seen = new Set<string>();
    const mention = (written: string, mentionLine: number) => {
      const key = (lexicon.technologies.canonical(written) ?? written).toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      technologies.push({ name: written, line: mentionLine });
    };
    const readContent = (raw: string, path: Path) => {
      const plain = plainText(raw);
      if (!plain) return;
      const short = plain.length <= 40 && !/[.!?;:]\s/.test(plain);
      const found = short
        ? listItemTechnologies(plain, lexicon)
        : lexicon.technologies.inProse(plain).map((h) => h.written);
      for (const t of found) mention(t, lineOf(...path));
    };
    // highlights and summary, and the lists real files add (keywords, technologies, responsibilities…).
    for (const [key, content] of Object.entries(item)) {
      if (NOT_ROLE_CONTENT.has(key)) continue;
      if (typeof content === 'string') readContent(content, [...at, key]);
      else if (Array.isArray(content))
        for (const [k, entry] of content.entries())
          if (typeof entry === 'string') readContent(entry, [...at, key, k]);
    }

    const role: ParsedRole = {
      title,
      employer,
      team: null,
      location: formatLocation(item.location),
      start: startDate,
      end: endDate,
      current,
      technologies,
      line,
      lines: [itemSpan[0], itemSpan[1]],
      employerInferred: false,
      employerLine: employerLine !== line ? employerLine : null,
    };
    roles.push(role);
    if (!employer)
      warnings.push({ line, code: 'NO_EMPLOYER', message: `role "${title ?? '?'}" has no employer` });
    if (!title)
      warnings.push({ line, code: 'NO_TITLE', message: `role at "${employer ?? '?'}" has no title` });
  }
  if (roles.length === 0) warnings.push({ code: 'NO_ROLES', message: 'the JSON Resume has no work entries' });

  const education: ParsedEducation[] = [];
  for (const [index, item] of (data.education ?? []).entries()) {
    if (!item) continue;
    const at = ['education', index];
    const start = readDate(item.startDate, [...at, 'startDate'], 'start date');
    const end = readDate(item.endDate, [...at, 'endDate'], 'end date');
    const entry: ParsedEducation = {
      school: plainText(item.institution),
      degree: plainText(item.studyType),
      field: plainText(item.area),
      start: start.kind === 'date' ? start.date : null,
      end: end.kind === 'date' ? end.date : null,
      line: span(...at)?.[0] ?? 1,
    };
    if (entry.school || entry.degree || entry.field) education.push(entry);
  }

  const skills: ParsedSkill[] = [];
  const seenSkills = new Set<string>();
  const addSkill = (skillName: string | null, category: string | null, skillLine: number) => {
    if (!skillName) return;
    const key = `${skillName.toLowerCase()}|${category ?? ''}`;
    if (seenSkills.has(key)) return;
    seenSkills.add(key);
    skills.push({ name: skillName, category, line: skillLine });
  };
  for (const [index, item] of (data.skills ?? []).entries()) {
    if (!item) continue;
    const at = ['skills', index];
    const label = plainText(item.name) ?? plainText(item.category);
    // `keywords` are the skills and `name` their category; a skill without keywords is itself the skill.
    const listKey = item.keywords.length ? 'keywords' : 'names';
    const list = item[listKey].map((k) => plainText(k));
    if (list.some(Boolean))
      for (const [k, keyword] of list.entries())
        for (const one of keyword ? splitSkillKeyword(keyword) : [])
          addSkill(one, label, lineOf(...at, listKey, k));
    else addSkill(label, null, span(...at)?.[0] ?? 1);
  }

  return { resume: { person, roles, skills, education, warnings } };
}
