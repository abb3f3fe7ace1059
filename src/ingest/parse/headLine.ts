import type { Lexicon } from '../../lexicon/lexicon.ts';
import type { DateRangeMatch } from './dates.ts';
import { DURATION, findDateRanges } from './dates.ts';
import type { Line } from './lines.ts';
import { parseStackLine, type StackLine } from './stackLine.ts';
import { looksLikeTitle } from './titles.ts';

/** What one line of an experience section is, for grouping lines into roles. */
export type HeadKind = 'title' | 'company' | 'date' | 'place' | 'stack' | 'body' | 'blank';

/** A classified line of an experience section, with the fields it states. */
export interface HeadLine {
  line: Line;
  kind: HeadKind;
  date: DateRangeMatch | null;
  title: string | null;
  employer: string | null;
  team: string | null;
  location: string | null;
  stack: StackLine | null;
  /** Unreadable date text, reported as a warning. */
  dateProblem: string | null;
  /**
   * For a company-looking line: a title and employer it could also be read as ("Retail Operative,
   * Primark", "Owner at 6eDesign"), when the line has two name parts and no familiar title word.
   */
  asTitle?: { title: string; employer: string } | null;
  /** "Client: Woodgrove Bank · via Hays": who the work was for (the employer only when none is named). */
  client?: string;
  /** The employer came from a labelled field ("Name and address of employer | Contoso GmbH, …"). */
  labelled?: boolean;
}

// Label/value rows of form-like CVs (Europass and others): "Dates | 2018 – Today", "Occupation or
// position held | Lead Cloud Architect", "Name and address of employer | Contoso GmbH, Munich".
const FORM_LABEL = /^([\p{L} ()/'’-]{3,45}?)\s*(?::|\s\|)\s*(.*)$/u;
const FORM_DATES = /^(?:dates?|period|duration|from\s*[-–]\s*to)$/i;
const FORM_TITLE = /^(?:occupation or position held|position(?: held)?|job title|job|function)$/i;
const FORM_EMPLOYER =
  /^(?:name and address of (?:the )?employer|name of (?:the )?employer|employer name|employer)$/i;
const FORM_OTHER =
  /^(?:type of business or sector|business or sector|sector|industry|main activities and responsibilities|(?:main )?(?:activities|responsibilities|duties|tasks)(?: and (?:activities|responsibilities|achievements))?)$/i;

/** Reads one label/value row of a form-like CV, or null when the line is not one. */
function formRow(line: Line, text: string, lexicon: Lexicon, base: HeadLine): HeadLine | null {
  const m = FORM_LABEL.exec(text);
  const label = m?.[1]?.trim() ?? text.trim();
  const value = m?.[2]?.trim() ?? '';
  if (FORM_OTHER.test(label)) return { ...base, kind: 'body' };
  if (!value) return null;
  if (FORM_DATES.test(label)) {
    const date = findDateRanges(value).find((d) => !d.problem) ?? null;
    return date ? { ...base, kind: 'date', date } : null;
  }
  if (FORM_TITLE.test(label)) return { ...base, kind: 'title', title: value };
  if (FORM_EMPLOYER.test(label)) {
    const [name, ...rest] = value.split(/\s*,\s*/);
    const place = rest.find((p) => lexicon.places.isPlace(p)) ?? null;
    return { ...base, kind: 'company', employer: name ?? value, location: place, labelled: true };
  }
  return null;
}

// Separators between the parts of a head line: "Title, Company", "Title | Company | City", "Title at Company".
const SEGMENT_SPLIT =
  /\s+(?:at|@|with|for)\s+(?=\p{Lu}|\d)|\s*[|·•▪◦]\s*|\s+[-–—―]+\s+|\s*[–—―]\s*|\s*,\s+|\s{3,}|\t+/u;
const AT_SPLIT = /\s+(?:at|@)\s+/;
const TEAMISH =
  /\b(?:team|group|squad|tribe|platform|division|department|dept|unit|org|organisation|organization|lab|labs|studio|guild|chapter|practice|office of|center|centre|infrastructure|engineering|foundation|school of|faculty of|college of|development|operations|ecommerce|e-commerce|capability)\b/i;
// A parenthetical that describes the company, not a team: lower-case words or known descriptors.
const DESCRIPTION =
  /\b(?:acquired|startup|start-up|saas|b2b|b2c|company|firm|agency|fintech|series [a-e]|seed|now|formerly|previously|contract|client|remote|hybrid|part[- ]time|full[- ]time|freelance|nasdaq|nyse|ipo)\b|\b[a-z]{4,}\b/;
/** Verbs that open a sentence about the work, not a heading. */
export const PROSE_VERB =
  /^(?:led|built|designed|developed|created|managed|implemented|worked|responsible|maintained|improved|migrated|introduced|owned|drove|wrote|shipped|launched|delivered|reduced|increased|helped|ran|mentored|hired|scaled|automated|optimi[sz]ed|architected|established|collaborated|partnered|coordinated|supported|rebuilt|moved|joined|started|founded|grew|took|set up|contributed|was|i |we |my )\b/i;

function stripWrapping(s: string): string {
  return s
    .replace(/^[\s,;:|()[\]\-–—·•]+|[\s,;:|([\-–—·•]+$/gu, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
}

/** Removes a date range from a line, leaving the rest readable ("Engineer (2018–2020)" → "Engineer"). */
function withoutDate(text: string, date: DateRangeMatch): string {
  const before = text.slice(0, date.index).replace(/[\s(,|[–—-]*(?:from|since)?\s*$/i, '');
  const after = text.slice(date.index + date.length).replace(/^[\s)\],|–—-]*/, '');
  return stripWrapping(`${before}${before && after ? ' | ' : ''}${after}`.replace(/\(\s*\)/g, ''));
}

/** Splits "Principal Engineer at Fabrikam Cloud (Storage)" into its parts, parentheticals kept apart. */
export function segments(text: string): { parts: string[]; atIndex: number } {
  let atIndex = -1;
  const atMatch = AT_SPLIT.exec(text);
  // Separators inside parentheses ("(specialty coffee retail, 900 stores)") do not split.
  const masked = text.replace(/\([^()]*\)/g, (m) =>
    m.replace(/[,|·•–—-]/g, (c) => `\u0000${c.charCodeAt(0)}\u0000`),
  );
  const raw = masked
    .split(SEGMENT_SPLIT)
    .map((p) =>
      stripWrapping(p.replace(/\u0000(\d+)\u0000/g, (_m, code: string) => String.fromCharCode(Number(code)))),
    )
    .filter(Boolean);
  if (atMatch) {
    const head = stripWrapping(text.slice(0, atMatch.index));
    atIndex = raw.findIndex((p) => p === head || head.endsWith(p)) + 1;
  }
  const parts: string[] = [];
  for (const part of raw) {
    // "Fabrikam Cloud (Storage)" → "Fabrikam Cloud", "(Storage)"
    const m = /^(.*?\S)\s*\(([^)]+)\)\s*$/.exec(part);
    if (m?.[1] && m[2]) parts.push(m[1], `(${m[2]})`);
    else parts.push(part);
  }
  return { parts, atIndex };
}

/** Joins "Milan", "Italy" back into "Milan, Italy" after splitting at commas. */
function mergePlaces(parts: string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      lexicon.places.isPlace(part) &&
      lexicon.places.isPlace(prev) &&
      lexicon.places.isPlace(`${prev}, ${part}`)
    ) {
      out[out.length - 1] = `${prev}, ${part}`;
    } else out.push(part);
  }
  return out;
}

/** Joins "Litware", "Inc." back into "Litware, Inc." after splitting at commas. */
function mergeSuffixes(parts: string[], lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && lexicon.companies.stripLegalSuffix(`${prev} ${part}`) === prev) {
      out[out.length - 1] = `${prev}, ${part}`;
    } else out.push(part);
  }
  return out;
}

function isProse(line: Line, text: string): boolean {
  const words = text
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/).length;
  if (PROSE_VERB.test(text) && words > 3) return true;
  // A long head line is still one when it opens with a title and lists names, not a sentence:
  // "Doctoral Researcher, Hebrew University of Jerusalem, Edmond & Lily Safra Center for … — Jerusalem".
  if (words > 14) {
    const parts = text.split(/,|\s[|–—-]\s/);
    const first = (parts[0] as string).trim();
    const headLike =
      words <= 22 &&
      parts.length >= 3 &&
      first.split(/\s+/).length <= 5 &&
      !/[.!?]$/.test(text) &&
      looksLikeTitle(first);
    if (!headLike) return true;
  }
  // Headings do not end in a full stop; sentences of four words or more do — unless the line reads as
  // "Title, Employer." with a stray full stop.
  if (
    /[.!?]$/.test(text) &&
    words >= 4 &&
    !/\b(?:Inc|Ltd|Co|Corp|Jr|Sr)\.$/.test(text) &&
    !(words <= 8 && /,|\s[|–—-]\s/.test(text) && looksLikeTitle(text.split(/,|\s[|–—-]\s/)[0] as string))
  ) {
    return true;
  }
  return line.bullet && words > 8;
}

/** Classifies one line of an experience section and reads what it states. */
export function classifyLine(line: Line, lexicon: Lexicon): HeadLine {
  const base: HeadLine = {
    line,
    kind: 'blank',
    date: null,
    title: null,
    employer: null,
    team: null,
    location: null,
    stack: null,
    dateProblem: null,
  };
  if (!line.text || line.rule) return base;
  const text = line.text.replace(DURATION, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return base;
  const dates = findDateRanges(text);
  // "Litware (acquired by Contoso in 2012), Reading   2008 – 2012": the range, not the year in the aside.
  const inAside = (d: DateRangeMatch) => {
    const before = text.slice(0, d.index);
    return (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length;
  };
  const date =
    dates.filter((d) => !d.problem).sort((a, b) => Number(inAside(a)) - Number(inAside(b)))[0] ?? null;
  const problem = dates.find((d) => d.problem)?.problem ?? null;
  let rest = date ? withoutDate(text, date) : text;
  if (problem && !date) {
    const bad = dates.find((d) => d.problem) as DateRangeMatch;
    rest = withoutDate(text, bad);
  }
  const result: HeadLine = { ...base, date, dateProblem: problem };

  const form = formRow(line, text, lexicon, { ...base, line });
  if (form) return form;
  const condensed = date ? condensedRole(line, text, date, lexicon) : null;
  if (condensed) return condensed;
  if (isProse(line, rest) || line.tableRow) return { ...result, kind: 'body' };
  // "• On-call lead for Cyber Week 2016.": a bullet that is a sentence, whatever year it names.
  if (line.bullet && /[.!?]$/.test(text) && text.split(/\s+/).length >= 5) return { ...result, kind: 'body' };
  // "(freelance, invoiced through my own company; client first)": a note about what follows.
  if (!date && /^\(.*\)$/.test(text) && text.split(/\s+/).length >= 4) return { ...result, kind: 'body' };
  if (!rest) return { ...result, kind: date || problem ? 'date' : 'blank' };
  if (lexicon.places.isPlace(rest)) return { ...result, kind: date ? 'date' : 'place', location: rest };

  // "Team: Checkout · Stack: Ruby on Rails, MySQL": several labelled facts on one line.
  const pieces = rest.split(/\s*[·|;]\s*(?=[\p{L} ]{2,30}:)/u);
  if (pieces.length > 1 && pieces.every((p) => /^[\p{L} ]{2,30}:/u.test(p))) {
    const facts = pieces.map((p) => classifyLine({ ...line, text: p, bullet: false }, lexicon));
    const team = facts.find((f) => f.team)?.team ?? null;
    const items = facts.flatMap((f) => f.stack?.items ?? []);
    const location = facts.find((f) => f.location)?.location ?? null;
    return { ...result, kind: 'stack', team, location, stack: { team, items } };
  }
  // "Team: Business Messaging", "Client: Woodgrove Bank", "Location: Oslo": labelled facts of a role.
  const labelled =
    /^(team|department|dept|group|unit|org|organi[sz]ation|division|squad|product|client|customer|location|city|country|città|paese|ciudad|país|ville|pays|ort|company|employer)\s*:\s*(.+)$/i.exec(
      rest,
    );
  if (labelled?.[1] && labelled[2]) {
    const label = labelled[1].toLowerCase();
    const value = labelled[2].trim();
    if (label === 'client' || label === 'customer') {
      const client = value.split(/\s*[·|,;]\s*|\s+via\s+/)[0]?.trim();
      return { ...result, kind: 'stack', stack: { team: null, items: [] }, client: client || undefined };
    }
    if (/^(?:location|city|country|città|paese|ciudad|país|ville|pays|ort)$/.test(label))
      return { ...result, kind: date ? 'date' : 'place', location: value };
    if (label === 'company' || label === 'employer') return { ...result, kind: 'company', employer: value };
    return { ...result, kind: 'stack', team: value, stack: { team: value, items: [] } };
  }
  // A bullet lists a stack only when it says so ("• Tech: Go, Kafka"); otherwise it is prose about the work.
  const stack = line.bullet && !/^[^:]{1,30}:/.test(rest) ? null : parseStackLine(rest, lexicon);
  if (stack) return { ...result, kind: 'stack', stack, team: stack.team };

  const split = segments(rest);
  const parts = mergeSuffixes(mergePlaces(split.parts, lexicon), lexicon);
  const atIndex = split.atIndex > 0 ? split.atIndex - (split.parts.length - parts.length) : split.atIndex;
  // "Title at Company" — unless the "at" is inside a name ("… — The University of Texas at Austin").
  const firstTitle = (upTo: number) =>
    parts.findIndex((p, i) => i < upTo && !p.startsWith('(') && looksLikeTitle(p));
  const titleIndex =
    atIndex > 0
      ? looksLikeTitle(parts[atIndex - 1] as string)
        ? atIndex - 1
        : firstTitle(atIndex - 1)
      : firstTitle(parts.length);
  if (titleIndex >= 0 && looksLikeTitle(parts[titleIndex] as string)) {
    return { ...result, ...readTitleParts(parts, titleIndex, lexicon, /[|·]/.test(rest)), kind: 'title' };
  }
  if (
    line.bullet &&
    (rest.split(/\s+/).length > 6 ||
      /^[a-z]/.test(rest) ||
      (lexicon.technologies.canonical(rest) && !lexicon.companies.isKnown(rest)))
  ) {
    return { ...result, kind: 'body' };
  }
  // A company line: short once its parenthetical description is set aside.
  // (Places set aside too: "AGH University of Science and Technology   Kraków, Poland".)
  const bare = parts
    .filter((p) => !lexicon.places.isPlace(p))
    .join(' ')
    .replace(/\([^)]*\)/g, ' ')
    .trim();
  // Brands may start in lower case: "iZettle", "eBay", "bol.com" (a known name, or a capital inside the first word).
  const capitalised =
    /^[\p{Lu}\d]/u.test(rest) ||
    /^\p{Ll}+\p{Lu}/u.test(rest) ||
    lexicon.companies.isKnown((parts[0] ?? '').replace(/\s*\(.*$/, ''));
  // A full stop ends a sentence, unless it ends a legal suffix ("Satispay S.p.A.", "Contoso Ltd.").
  const sentenceEnd = /[.!?]$/.test(rest) && lexicon.companies.stripLegalSuffix(rest) === rest.trim();
  if (capitalised && bare.split(/\s+/).length <= 8 && !sentenceEnd) {
    const company = readCompanyParts(parts, lexicon);
    const names = parts.filter((p) => !p.startsWith('(') && !lexicon.places.isPlace(p));
    const asTitle =
      atIndex > 0 && parts[atIndex - 1] && parts[atIndex]
        ? { title: parts[atIndex - 1] as string, employer: parts[atIndex] as string }
        : names.length === 2 && !lexicon.companies.isKnown(names[0] as string)
          ? { title: names[0] as string, employer: names[1] as string }
          : null;
    return {
      ...result,
      kind: 'company',
      employer: company.employer,
      location: company.location,
      team: company.team,
      asTitle,
    };
  }
  return { ...result, kind: 'body' };
}

/**
 * "• Developer, Consolidated Messenger, Chicago (2001 – 2004) — parcel tracking in Perl and Java": a
 * role condensed onto one line (an "Earlier career" list): the head before the dash that follows the
 * dates, and the technologies named in the words after it.
 */
function condensedRole(line: Line, text: string, date: DateRangeMatch, lexicon: Lexicon): HeadLine | null {
  const after = date.index + date.length;
  const dash = /\s[—–]\s|\s-\s|:\s/.exec(text.slice(after));
  if (!dash) return null;
  const head = text.slice(0, after + dash.index);
  const tail = text.slice(after + dash.index + dash[0].length);
  if (head.split(/\s+/).length > 14 || tail.split(/\s+/).length < 3) return null;
  const h = classifyLine({ ...line, text: head, bullet: false }, lexicon);
  if (h.kind !== 'title' || !h.employer) return null;
  const items = [...(h.stack?.items ?? []), ...lexicon.technologies.inProse(tail).map((t) => t.written)];
  return { ...h, line, stack: items.length ? { team: h.stack?.team ?? null, items } : h.stack };
}

function readCompanyParts(parts: string[], lexicon: Lexicon) {
  let employer: string | null = null;
  let location: string | null = null;
  let team: string | null = null;
  for (const part of parts) {
    const inner = part.startsWith('(') ? part.slice(1, -1) : part;
    if (lexicon.places.isPlace(inner)) location ??= inner;
    else if (!employer && !part.startsWith('(')) employer = part;
    else if (employer && !team && isTeam(inner, employer)) team = inner;
  }
  return { employer, location, team };
}

function isTeam(text: string, employer: string | null): boolean {
  if (employer && text.toLowerCase().startsWith(`${employer.toLowerCase()} `)) return true;
  if (TEAMISH.test(text)) return true;
  return !DESCRIPTION.test(text) && text.split(/\s+/).length <= 3 && /^\p{Lu}/u.test(text);
}

/** Reads title, employer, team and location from the parts of a title line. */
// A single capitalised name in the slot after the employer of a "Title | Employer | City | dates" line.
const TOWN = /^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?$/u;

function readTitleParts(allParts: string[], titleIndex: number, lexicon: Lexicon, columns: boolean) {
  // "Craft Coach - Staff Engineer | Wakam": titles that follow the title are one title, not the employer.
  let end = titleIndex + 1;
  while (
    end < allParts.length - 1 &&
    !allParts[end]?.startsWith('(') &&
    looksLikeTitle(allParts[end] as string) &&
    !lexicon.companies.isKnown(allParts[end] as string)
  ) {
    end++;
  }
  const title = allParts.slice(titleIndex, end).join(' - ');
  const parts = [...allParts.slice(0, titleIndex + 1), ...allParts.slice(end)];
  let employer: string | null = null;
  let team: string | null = null;
  let location: string | null = null;
  const technologies: string[] = [];
  const others = parts.map((p, i) => ({ p, i })).filter(({ i }) => i !== titleIndex);
  // The employer is the first plain part after the title, or the one before it ("Contoso — Engineer").
  const ordered = [
    ...others.filter(({ i }) => i > titleIndex),
    ...others.filter(({ i }) => i < titleIndex).reverse(),
  ];
  for (const { p } of ordered) {
    const paren = p.startsWith('(');
    const inner = paren ? p.slice(1, -1) : p;
    if (lexicon.places.isPlace(inner)) {
      location ??= inner;
      continue;
    }
    // "Software Engineer II — Pipelines Team — C#, TypeScript": the stack, never the employer.
    if (!paren && lexicon.technologies.canonical(inner) && !lexicon.companies.isKnown(inner)) {
      technologies.push(inner);
      continue;
    }
    if (
      !paren &&
      !employer &&
      !(TEAMISH.test(inner) && !lexicon.companies.isKnown(inner) && others.length > 1)
    ) {
      employer = inner;
      continue;
    }
    if (
      columns &&
      !paren &&
      employer &&
      !location &&
      TOWN.test(inner) &&
      !TEAMISH.test(inner) &&
      !lexicon.companies.isKnown(inner)
    ) {
      location = inner;
      continue;
    }
    if (!team && isTeam(inner, employer)) team = inner;
  }
  // "Senior Director, Product Development" with nothing after it: the only name there is the employer,
  // unless it says it is a team.
  if (
    !employer &&
    team &&
    !/\b(?:team|group|squad|tribe|division|department|dept|unit|guild|chapter)\b/i.test(team)
  ) {
    employer = team;
    team = null;
  }
  // "Tech Lead, Hazelcast": a lone name that is also a technology is the employer when nothing else is.
  if (!employer && technologies.length === 1) employer = technologies.pop() as string;
  if (employer) employer = employer.replace(/^(?:the)\s+/i, '');
  const stack = technologies.length ? { team: null, items: technologies } : null;
  return { title: title.replace(/[\s,;:]+$/, ''), employer, team, location, stack };
}
