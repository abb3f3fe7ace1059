import type { Lexicon } from '../../lexicon/lexicon.ts';
import type { ParsedRole } from '../../model/resume.ts';
import { PROSE_VERB } from './headLine.ts';
import type { Line } from './lines.ts';
import { looksLikeTitle } from './titles.ts';

// A name of one to four capitalised words; dots only inside a word ("Booking.com"), never ending it.
const WORD = "\\p{Lu}[\\p{L}\\p{N}&'’-]*(?:\\.\\p{L}[\\p{L}\\p{N}]*)*";
const NAME = `${WORD}(?:\\s+${WORD}){0,3}`;
// "at companies like A, B and C", "at Contoso, Fabrikam and Litware", "for A, B, and C"
const LIST_INTRO = new RegExp(
  `\\b(?:at|for|with|across|including|includ(?:e|es)|like|such as|spanning|between)\\s+(?:(?:companies|employers|organi[sz]ations|firms|places|teams)\\s+(?:like|such as|including)\\s+)?(${NAME}(?:\\s*,\\s*${NAME})*\\s*,?\\s+(?:and|&)\\s+${NAME})`,
  'gu',
);
// "rebuilt Fabrikam's checkout", "joined Contoso", "at Woodgrove Bank"
const POSSESSIVE = new RegExp(`(?<![\\p{L}])(${NAME})['’]s\\b`, 'gu');
const JOINED = new RegExp(`\\b(?:joined|at)\\s+(${NAME})`, 'gu');
// "Taught chemistry at Ashton Park School", "St Bede's Catholic College, Bristol": an institution's name.
const INSTITUTION = new RegExp(
  `(?<![\\p{L}])(${WORD}(?:\\s+${WORD}){0,5}\\s+(?:School|College|University|Hospital|Institute|Academy|Council|Trust|Ministry|Clinic|Museum|Library)(?:\\s+of(?:\\s+(?:and\\s+)?${WORD}){1,4})?)(?![\\p{L}])`,
  'gu',
);
// A name right after these words is someone the employer worked for or with, not the employer.
const CLIENT_CUE =
  /\b(?:for|client|clients|customer|customers|partner|partners|partnering with|with|vendor|vendors|on behalf of|to)\s+(?:the\s+|our\s+|a\s+)?$/i;

function listNames(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+(?:and|&)\s+/)
    .map((s) => s.trim().replace(/[.;:]$/, ''))
    .filter(Boolean);
}

interface Paragraph {
  text: string;
  /** Emphasised spans of the raw lines (**Contoso**, *Fabrikam*): names people set apart. */
  emphasised: string[];
  starts: [number, number][];
}

/** Joins wrapped lines into paragraphs, remembering where each line starts. */
function paragraphs(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const l of lines) {
    if (!l.text || l.bullet || l.heading) {
      current = null;
      if (!l.text) continue;
    }
    if (!current) {
      current = { text: '', emphasised: [], starts: [] };
      out.push(current);
    }
    if (current.text) current.text += ' ';
    current.starts.push([current.text.length, l.n]);
    current.text += l.text;
    for (const m of l.raw.matchAll(/\*\*([^*]+)\*\*|__([^_]+)__|(?<![*\w])\*([^*\s][^*]*)\*(?![*\w])/g)) {
      current.emphasised.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
    }
    if (l.bullet || l.heading) current = null;
  }
  return out;
}

const lineAt = (p: Paragraph, at: number) =>
  [...p.starts].reverse().find(([offset]) => offset <= at)?.[1] ?? p.starts[0]?.[1] ?? 0;
// Names a summary gives employers in: "at X", "moved to X", "joined X", "for X", "(X)".
const EMPLOYER_CUE = new RegExp(`(?:\\b(?:at|to|joined|for|with)\\s+|\\()(${NAME})`, 'gu');

/**
 * Employers a summary names, in the order written: a list ("at Contoso, Fabrikam and Litware"), or the
 * names a narrative sets apart ("started out at Woodgrove Bank…, moved to Litware…, today at Proseware";
 * "a winery (**Coho Winery**), an airline (**Blue Yonder Airlines**)"). Only groups of two or more.
 */
export function employersListedIn(lines: Line[], lexicon: Lexicon): { names: string[]; line: number }[] {
  const usable = (n: string) =>
    n.length > 1 &&
    !lexicon.technologies.canonical(n) &&
    !lexicon.places.isPlace(n) &&
    !looksLikeTitle(n) &&
    !/^(?:I|We|The|My|Our|This|It|Now|Today|Remote)$/.test(n);
  const found: { names: string[]; line: number }[] = [];
  for (const p of paragraphs(lines)) {
    for (const m of p.text.matchAll(LIST_INTRO)) {
      const names = listNames(m[1] ?? '').filter(usable);
      if (names.length >= 2) found.push({ names, line: lineAt(p, m.index ?? 0) });
    }
    const cued: { name: string; at: number }[] = [];
    for (const m of p.text.matchAll(EMPLOYER_CUE)) {
      const name = (m[1] ?? '').trim();
      const at = (m.index ?? 0) + m[0].length - name.length;
      if (
        usable(name) &&
        (lexicon.companies.isKnown(name) || p.emphasised.includes(name) || m[0].startsWith('('))
      ) {
        cued.push({ name, at });
      }
    }
    for (const e of p.emphasised) {
      const at = p.text.indexOf(e);
      if (at >= 0 && usable(e) && /^\p{Lu}/u.test(e) && !cued.some((c) => c.name === e))
        cued.push({ name: e, at });
    }
    // Items of a list ("worked at SAP, Adventure Works and Wide World Importers") and known companies
    // named anywhere in the narrative join the cued names, in the order written.
    for (const m of p.text.matchAll(LIST_INTRO)) {
      const list = m[1] ?? '';
      const base = (m.index ?? 0) + m[0].length - list.length;
      for (const name of listNames(list).filter(usable)) {
        const at = p.text.indexOf(name, base);
        if (at >= 0 && !cued.some((c) => c.name === name)) cued.push({ name, at });
      }
    }
    const techs = lexicon.technologies.inProse(p.text);
    for (const c of lexicon.companies.inProse(p.text)) {
      const isTech = techs.some(
        (t) => c.index < t.index + t.written.length && c.index + c.written.length > t.index,
      );
      if (!isTech && usable(c.written) && !cued.some((x) => x.name === c.written))
        cued.push({ name: c.written, at: c.index });
    }
    cued.sort((a, b) => a.at - b.at);
    const names = [...new Set(cued.map((c) => c.name))];
    if (names.length >= 2) found.push({ names, line: lineAt(p, cued[0]?.at ?? 0) });
  }
  return found;
}

/** An employer named in a role's own prose: a possessive ("Fabrikam's checkout") or "joined X". */
export function employerInProse(body: Line[], lexicon: Lexicon): { name: string; line: number } | null {
  // A sentence starts with a capitalised verb: "Rebuilt Fabrikam's checkout" names Fabrikam.
  const trimVerb = (name: string, index: number, text: string) => {
    const words = name.split(/\s+/);
    const atStart = index === 0 || /[.!?;:]\s*$/.test(text.slice(0, index));
    if (
      atStart &&
      words.length > 1 &&
      (PROSE_VERB.test(words[0] as string) || /(?:ed|ing|s)$/.test(words[0] as string))
    ) {
      return words.slice(1).join(' ');
    }
    return name;
  };
  const usable = (n: string) =>
    n.length > 1 &&
    !lexicon.technologies.canonical(n) &&
    !lexicon.places.isPlace(n) &&
    !/^(?:I|We|The|Our|My|This|It)$/.test(n);
  for (const l of body) {
    // "Amazon DynamoDB" names a technology, not an employer.
    const techs = lexicon.technologies.inProse(l.text);
    const isClient = (index: number) => CLIENT_CUE.test(l.text.slice(Math.max(0, index - 30), index));
    const known = lexicon.companies
      .inProse(l.text)
      .find(
        (c) =>
          !isClient(c.index) &&
          !techs.some((t) => c.index < t.index + t.written.length && c.index + c.written.length > t.index),
      );
    for (const m of l.text.matchAll(INSTITUTION)) {
      const name = trimVerb(m[1] ?? '', m.index ?? 0, l.text);
      const at = (m.index ?? 0) + (m[1] ?? '').length - name.length;
      if (usable(name) && !isClient(at)) return { name, line: l.n };
    }
    for (const m of l.text.matchAll(POSSESSIVE)) {
      const name = trimVerb((m[1] ?? '').replace(/^(?:The|Our)\s+/, ''), m.index ?? 0, l.text);
      const at = (m.index ?? 0) + (m[1] ?? '').length - name.length;
      if (usable(name) && !isClient(at)) return { name, line: l.n };
    }
    for (const m of l.text.matchAll(JOINED)) {
      const name = m[1] ?? '';
      if (usable(name) && (lexicon.companies.isKnown(name) || /joined/.test(m[0])))
        return { name, line: l.n };
    }
    if (known) return { name: known.name, line: l.n };
  }
  return null;
}

/**
 * Fills employers a role does not state: first from the role's own prose, then from a summary that
 * lists employers, matched to the roles in order when the counts agree. Such employers are marked inferred.
 */
export function inferEmployers(
  roles: ParsedRole[],
  bodies: Map<ParsedRole, Line[]>,
  summary: Line[],
  lexicon: Lexicon,
): void {
  const missing = roles.filter((r) => !r.employer);
  if (missing.length === 0) return;
  const lists = employersListedIn(summary, lexicon);
  const list =
    lists.find((l) => l.names.length === missing.length) ??
    lists.find((l) => l.names.length === roles.length && missing.length === roles.length);
  if (list) {
    missing.forEach((role, i) => {
      role.employer = list.names[i] ?? null;
      role.employerInferred = true;
      role.employerLine = list.line;
    });
    return;
  }
  for (const role of missing) {
    const found = employerInProse(bodies.get(role) ?? [], lexicon);
    if (!found) continue;
    role.employer = found.name;
    role.employerInferred = true;
    role.employerLine = found.line;
  }
}
