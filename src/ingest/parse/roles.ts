import type { Lexicon } from '../../lexicon/lexicon.ts';
import type { ParsedRole, ParseWarning, PartialDate, TechnologyMention } from '../../model/resume.ts';
import { endsBeforeStart } from './dates.ts';
import { classifyLine, type HeadLine } from './headLine.ts';
import type { Line } from './lines.ts';
import { parseStackLine } from './stackLine.ts';
import { looksLikeTitle } from './titles.ts';

interface Block {
  head: HeadLine[];
  body: HeadLine[];
}

/** Groups classified lines into alternating runs: head lines (title, company, dates…) then body lines. */
function toBlocks(lines: HeadLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block = { head: [], body: [] };
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    if (l.kind === 'body') {
      current.body.push(l);
      continue;
    }
    if (current.body.length > 0) {
      blocks.push(current);
      current = { head: [], body: [] };
    }
    current.head.push(l);
  }
  if (current.head.length || current.body.length) blocks.push(current);
  return blocks;
}

// Roles whose employer came from the company block above them, not from their own lines.
const inherited = new WeakSet<ParsedRole>();

interface Context {
  employer: string | null;
  location: string | null;
  employerLine: number | null;
  /** The company line that opened the block gave no dates of its own (a heading, not a role). */
  undated: boolean;
  /** The company line that opened the block, to tell the roles nested under it. */
  opener: HeadLine | null;
}

const ord = (d: PartialDate | null, fallback: number): number =>
  d ? d.year * 12 + (d.month ?? fallback) : Number.NaN;

/**
 * A dated title line sits inside the block of the company line above it when it is indented under it,
 * or when its dates lie within the company line's (the total tenure of several roles: "Spotify
 * Aug 2016 – present" over "Senior Engineer, Payments  Jan 2019 – Mar 2021"). Then a second name on the
 * title line is a team, not another employer.
 */
function nestedUnder(t: HeadLine, opener: HeadLine | null): boolean {
  if (!opener || !t.date) return false;
  if (t.line.indent > opener.line.indent) return true;
  const span = opener.date;
  if (!span?.start || !t.date.start) return false;
  const inside =
    ord(t.date.start, 1) >= ord(span.start, 1) &&
    (span.current || (!!span.end && !!t.date.end && ord(t.date.end, 12) <= ord(span.end, 12)));
  const narrower =
    ord(t.date.start, 1) > ord(span.start, 1) ||
    (!span.current && !!span.end && !!t.date.end && ord(t.date.end, 12) < ord(span.end, 12));
  return inside && narrower;
}

function newRole(line: Line): ParsedRole {
  return {
    title: null,
    employer: null,
    team: null,
    location: null,
    start: null,
    end: null,
    current: false,
    technologies: [],
    line: line.n,
    lines: [line.n, line.n],
    employerInferred: false,
    employerLine: null,
  };
}

function applyDate(role: ParsedRole, h: HeadLine): void {
  if (!h.date || role.start) return;
  role.start = h.date.start;
  role.end = h.date.end;
  role.current = h.date.current;
}

function addStack(role: ParsedRole, h: HeadLine): void {
  for (const name of h.stack?.items ?? []) role.technologies.push({ name, line: h.line.n });
  if (h.stack?.team && !role.team) role.team = h.stack.team;
}

/** Turns one head run into roles: one per title line, with the dates, places and stacks around it. */
function rolesOfHead(head: HeadLine[], ctx: Context, lexicon: Lexicon): ParsedRole[] {
  const titleIdx = head.map((h, i) => (h.kind === 'title' ? i : -1)).filter((i) => i >= 0);
  // No title line: a company header opening a block of roles, or a role whose title is not recognised.
  if (titleIdx.length === 0) {
    const company = head.find((h) => h.kind === 'company');
    const dated = head.find((h) => h.date);
    if (!dated) {
      if (company) {
        ctx.employer = company.employer;
        ctx.employerLine = company.line.n;
        ctx.undated = true;
        ctx.opener = company;
        ctx.location = company.location ?? head.find((h) => h.kind === 'place')?.location ?? null;
      }
      return [];
    }
    // Dated head with no recognisable title: the company-looking lines are title and/or employer.
    const names = head.filter((h) => h.kind === 'company');
    const role = newRole(head[0]?.line as Line);
    if (names.length >= 2) {
      role.title = names[1]?.employer ?? null;
      role.employer = names[0]?.employer ?? null;
    } else if (names.length === 1) {
      const only = names[0] as HeadLine;
      // "Retail Operative, Primark" with dates: a title we do not know the word for, then the employer.
      if (only.asTitle) {
        role.title = only.asTitle.title;
        role.employer = only.asTitle.employer;
      } else if (ctx.employer) role.title = only.employer;
      else role.employer = only.employer;
    }
    for (const h of head) {
      applyDate(role, h);
      if (h.kind === 'place') role.location ??= h.location;
      if (h.kind === 'stack') addStack(role, h);
    }
    finishRole(role, head, ctx);
    return [role];
  }
  const first = titleIdx[0] as number;
  const titleHasDate = head[first]?.date != null;
  // "Sabbatical | Manufacture Chanson | Sep 2021 – Jun 2022" right above a dated title line is a role of
  // its own whose title we do not know the word for, not a company heading over the next one.
  if (
    titleHasDate &&
    first > 0 &&
    head.slice(0, first).some((h) => h.kind === 'company' && h.date && h.asTitle)
  ) {
    return [
      ...rolesOfHead(head.slice(0, first), ctx, lexicon),
      ...rolesOfHead(head.slice(first), ctx, lexicon),
    ];
  }
  // Date lines before the first title mean this résumé writes dates first (layout "2016 — 2019 / Dublin / Title").
  // A dated company line ("Grab — Singapore   2022.06 – Present") is a company heading, not dates first.
  const datesFirst = !titleHasDate && head.slice(0, first).some((h) => h.date && h.kind !== 'company');
  // Company lines before the first title open a company block that later titles inherit.
  const leadingCompany = head.slice(0, first).find((h) => h.kind === 'company' && !datesFirst);
  if (leadingCompany) {
    ctx.employer = leadingCompany.employer;
    ctx.employerLine = leadingCompany.line.n;
    ctx.undated = !leadingCompany.date;
    ctx.opener = leadingCompany;
    ctx.location =
      leadingCompany.location ?? head.slice(0, first).find((h) => h.kind === 'place')?.location ?? null;
  }
  const roles: ParsedRole[] = [];
  let nextFrom = datesFirst ? 0 : leadingCompany ? first : 0;
  for (let k = 0; k < titleIdx.length; k++) {
    const ti = titleIdx[k] as number;
    const nextTitle = titleIdx[k + 1];
    const from = datesFirst ? nextFrom : Math.min(nextFrom, ti);
    let to = datesFirst ? ti + 1 + trailingAfterTitle(head, ti, nextTitle) : (nextTitle ?? head.length);
    // A company line that comes after this role's other lines and right before the next title opens the
    // next company block ("• Fabrikam" / "Junior Developer"); it is not this role's employer.
    let header: HeadLine | undefined;
    if (!datesFirst && nextTitle !== undefined) {
      const before = head[nextTitle - 1];
      if (before?.kind === 'company' && nextTitle - 1 > ti + 1) {
        header = before;
        to = nextTitle - 1;
      }
    }
    nextFrom = datesFirst ? to : (nextTitle ?? head.length);
    const own = head.slice(from, to);
    const t = head[ti] as HeadLine;
    const role = newRole(t.line);
    role.title = t.title;
    role.employer = t.employer;
    role.team = t.team;
    // Right under its company line, or in a block a dateless company heading opened, or on a title line
    // without dates of its own ("Title — Team", dates below): "Title | Employer | dates" lines after a
    // dated company line carry their own employer.
    const underCompany = leadingCompany !== undefined && k === 0;
    if (
      ctx.employer &&
      t.employer &&
      (underCompany || ctx.undated || !t.date || nestedUnder(t, ctx.opener))
    ) {
      withinCompanyBlock(role, ctx.employer, lexicon);
    }
    role.location = t.location;
    role.lines = [own[0]?.line.n ?? t.line.n, own[own.length - 1]?.line.n ?? t.line.n];
    applyDate(role, t);
    addStack(role, t);
    let seenDate = t.date !== null;
    // The dates of the company line right above the first title are that role's when it has none.
    const heading = underCompany ? leadingCompany : undefined;
    for (const h of own) {
      if (h === t) continue;
      applyDate(role, h);
      seenDate ||= h.date !== null;
      if (h.kind === 'place' || (h.kind === 'date' && h.location)) role.location ??= h.location;
      if (h.kind === 'stack') addStack(role, h);
      // Inside a company block, a name after the role's dates is a town we do not know ("Ramat Gan"),
      // not another employer.
      if (
        h.kind === 'company' &&
        !role.employer &&
        ctx.employer &&
        seenDate &&
        h.employer &&
        // "Ciudad de México, MX": a town and a country or state code.
        (!h.asTitle || /^[A-Z]{2}$/.test(h.asTitle.employer)) &&
        !lexicon.companies.isKnown(h.employer) &&
        !role.location
      ) {
        role.location = h.asTitle ? h.line.text : h.employer;
        continue;
      }
      if (h.kind === 'company' && !role.employer && h !== leadingCompany) {
        role.employer = h.employer;
        role.location ??= h.location;
        role.team ??= h.team;
      }
    }
    if (heading?.date && !role.start) applyDate(role, heading);
    finishRole(role, own, ctx);
    // A contractor's "Client: Woodgrove Bank" is who they worked for when no employer is named at all.
    const client = own.find((h) => h.client)?.client;
    if (!role.employer && client) {
      role.employer = client;
      role.employerLine = own.find((h) => h.client)?.line.n ?? null;
    }
    roles.push(role);
    if (header) {
      ctx.employer = header.employer;
      ctx.employerLine = header.line.n;
      ctx.undated = !header.date;
      ctx.opener = header;
      ctx.location = header.location;
    }
  }
  return roles;
}

/**
 * Under a company heading ("### GitHub"), the second part of "Senior Engineer — Actions Runtime" is the
 * team, and "Craft Coach - Staff Engineer" is one title: a name we do not know as a company does not
 * leave the block. A known company (or the block's own name) still does.
 */
function withinCompanyBlock(role: ParsedRole, blockEmployer: string, lexicon: Lexicon): void {
  const named = role.employer as string;
  // A known company, or a name with a legal suffix ("Nokia Oyj"), is a company of its own.
  if (
    sameName(named, blockEmployer) ||
    lexicon.companies.isKnown(named) ||
    lexicon.companies.stripLegalSuffix(named) !== named.trim()
  ) {
    return;
  }
  if (lexicon.technologies.canonical(named)) role.technologies.push({ name: named, line: role.line });
  else if (looksLikeTitle(named)) role.title = `${role.title ?? ''}, ${named}`.replace(/^, /, '');
  else role.team ??= named;
  role.employer = null;
}

/** In dates-first layouts, place and stack lines right after a title still belong to it. */
function trailingAfterTitle(head: HeadLine[], ti: number, nextTitle: number | undefined): number {
  let n = 0;
  for (let i = ti + 1; i < (nextTitle ?? head.length); i++) {
    const h = head[i] as HeadLine;
    if (h.date && nextTitle !== undefined) break;
    n++;
  }
  return n;
}

function finishRole(role: ParsedRole, own: HeadLine[], ctx: Context): void {
  if (role.employer && ctx.employer && !sameName(role.employer, ctx.employer)) {
    // A title that names another employer ends the company block.
    ctx.employer = null;
    ctx.opener = null;
    ctx.location = null;
  }
  if (!role.employer && ctx.employer) {
    role.employer = ctx.employer;
    role.employerLine = ctx.employerLine;
    inherited.add(role);
  }
  if (
    !role.location &&
    ctx.location &&
    role.employer &&
    ctx.employer &&
    sameName(role.employer, ctx.employer)
  ) {
    role.location = ctx.location;
  }
  if (own.length) role.lines = [Math.min(role.lines[0], own[0]?.line.n ?? role.line), role.lines[1]];
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a).startsWith(norm(b)) || norm(b).startsWith(norm(a));
}

/** Technologies named in a role's body: labelled lists as lists, everything else as prose. */
function bodyTechnologies(body: HeadLine[], lexicon: Lexicon): TechnologyMention[] {
  const found: TechnologyMention[] = [];
  for (const h of body) {
    const text = h.line.text;
    const stack = /^[^:]{1,30}:/.test(text) ? parseStackLine(text, lexicon) : null;
    if (stack) {
      for (const name of stack.items) found.push({ name, line: h.line.n });
      continue;
    }
    for (const hit of lexicon.technologies.inProse(text)) found.push({ name: hit.written, line: h.line.n });
  }
  return found;
}

const BREAK =
  /^(?:career break|break|sabbatical|parental leave|maternity leave|paternity leave|family leave|gap year|travel(?:l?ing)?|caregiving|career pause)$/i;

// Words that end a company's own name rather than name a team or product in it.
const SECTOR =
  /\b(?:pharma(?:ceuticals?)?|bank(?:ing)?|airlines?|airways|insurance|media|motors?|energy|foods?|health(?:care)?|capital|financial|finance|holdings?|consulting|solutions|systems|technolog(?:y|ies)|software|studios?|games|entertainment|retail|logistics|telecom(?:munications)?|partners|ventures|group|labs?|industries|international|global|digital|interactive|networks?|semiconductors?|biotech|therapeutics|robotics|automotive|aerospace|traders|trading|winery|brewing|hotels?|resorts?|university|college|institute|hospital|clinic|school|academy|bv|ab|as|oy|sa|spa|srl|deutschland|germany|france|españa|spain|italia|italy|nederland|netherlands|schweiz|switzerland|österreich|austria|uk|ireland|india|japan|canada|australia|brasil|brazil|mexico|méxico|ghana|nigeria|kenya|polska|poland|sverige|sweden|norge|norway|danmark|denmark|suomi|finland)\b/i;

const JOINED = /\b[Jj]oined\s+((?:\p{Lu}[\p{L}\p{N}&'’.-]*\s?){1,4})/u;

/**
 * Second look at a role's employer: a product or team written as the employer ("Microsoft Teams")
 * becomes the team of the known company it starts with; a role that only inherited its company
 * block's employer but says "Joined Litware as …" worked for Litware.
 */
function refineEmployer(role: ParsedRole, body: Line[], lexicon: Lexicon): void {
  const employer = role.employer;
  if (employer && !lexicon.companies.isKnown(employer)) {
    const words = employer.split(/\s+/);
    for (let n = words.length - 1; n >= 1; n--) {
      const prefix = words.slice(0, n).join(' ');
      // "Contoso Pharmaceuticals", "Bank of America Merrill Lynch" are companies of their own name.
      const rest = words.slice(n).join(' ');
      if (SECTOR.test(rest)) break;
      if (lexicon.companies.isKnown(prefix) && words.length - n <= 2) {
        role.team ??= employer;
        role.employer = prefix;
        break;
      }
    }
  }
  if (inherited.has(role)) {
    for (const l of body) {
      const joined = JOINED.exec(l.text)?.[1]
        ?.trim()
        .replace(/\s+(?:as|in|on|to)$/, '');
      if (
        joined &&
        role.employer &&
        !sameName(joined, role.employer) &&
        !lexicon.technologies.canonical(joined)
      ) {
        role.employer = joined;
        role.employerInferred = true;
        role.employerLine = l.n;
        break;
      }
    }
  }
}

function thisMonth(): PartialDate {
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

const ENGAGEMENTS = /^(?:clients?|customers?|projects?|engagements?|accounts?|assignments?)\s*\|/i;
const cells = (text: string) => text.split(/\s+\|\s+|\s*\|\s*/).length;

/**
 * A table of engagements inside a role ("Client | Period | Stack" and one row per client, as Word tables
 * read): the rows are the role's work, not roles of their own; their stacks stay the role's.
 */
function engagementTables(lines: HeadLine[]): HeadLine[] {
  let width = 0;
  return lines.map((h) => {
    if (ENGAGEMENTS.test(h.line.text)) {
      width = cells(h.line.text);
      return { ...h, kind: 'body' };
    }
    if (width && h.line.text && cells(h.line.text) === width) return { ...h, kind: 'body', date: null };
    if (h.line.text) width = 0;
    return h;
  });
}

/** Extracts roles from the lines of a résumé's experience sections. */
export function extractRoles(
  lines: Line[],
  lexicon: Lexicon,
  today: PartialDate = thisMonth(),
): { roles: ParsedRole[]; warnings: ParseWarning[]; bodies: Map<ParsedRole, Line[]> } {
  const classified = engagementTables(lines.map((l) => classifyLine(l, lexicon)));
  const warnings: ParseWarning[] = [];
  for (const h of classified) {
    if (h.dateProblem) warnings.push({ line: h.line.n, code: 'UNREADABLE_DATE', message: h.dateProblem });
  }
  const ctx: Context = { employer: null, location: null, employerLine: null, undated: false, opener: null };
  const roles: ParsedRole[] = [];
  const bodies = new Map<ParsedRole, Line[]>();
  let last: ParsedRole | null = null;
  for (const block of toBlocks(classified)) {
    // A form-like CV names the employer after the role's title and activities: it is that role's.
    const labelled = block.head.find((h) => h.labelled);
    if (
      labelled &&
      last &&
      (!last.employer || inherited.has(last)) &&
      block.head.every((h) => h.kind !== 'title')
    ) {
      last.employer = labelled.employer;
      last.employerLine = labelled.line.n;
      last.location ??= labelled.location;
      inherited.delete(last);
      continue;
    }
    const made = block.head.length ? rolesOfHead(block.head, ctx, lexicon) : [];
    roles.push(...made);
    if (made.length) last = made[made.length - 1] as ParsedRole;
    if (!last || block.body.length === 0) continue;
    // Body lines before any role (a company description) belong to no role.
    if (block.head.length && made.length === 0) continue;
    last.technologies.push(...bodyTechnologies(block.body, lexicon));
    last.lines = [last.lines[0], block.body[block.body.length - 1]?.line.n ?? last.lines[1]];
    bodies.set(last, [...(bodies.get(last) ?? []), ...block.body.map((b) => b.line)]);
  }
  // "Career break 2021 – 2022" is time off, not a role (a title at an employer still is one).
  const kept = roles.filter(
    (r) =>
      !(r.employer && !r.title && BREAK.test(r.employer)) && !(!r.employer && r.title && BREAK.test(r.title)),
  );
  roles.length = 0;
  roles.push(...kept);
  for (const role of roles) {
    refineEmployer(role, bodies.get(role) ?? [], lexicon);
    if (role.start && role.end && endsBeforeStart(role.start, role.end)) {
      warnings.push({
        line: role.line,
        code: 'END_BEFORE_START',
        message: `role "${role.title ?? '?'}" ends before it starts`,
      });
    }
    // Kept as written (a signed offer, a typo): the reader is told, the graph is not second-guessed.
    const future = [role.start, role.end].find((d) => d && endsBeforeStart(d, today));
    if (future) {
      warnings.push({
        line: role.line,
        code: 'FUTURE_DATE',
        message: `role "${role.title ?? '?'}" has a date in the future (${future.year}${future.month ? `-${String(future.month).padStart(2, '0')}` : ''})`,
      });
    }
  }
  return { roles, warnings, bodies };
}
