import type { Lexicon } from '../../lexicon/lexicon.ts';
import type {
  ParsedEducation,
  ParsedPerson,
  ParsedResume,
  ParsedRole,
  ParsedSkill,
  ParseWarning,
  TechnologyMention,
} from '../../model/resume.ts';
import { endsBeforeStart } from '../parse/dates.ts';
import { parseStackLine } from '../parse/stackLine.ts';
import { readJsonResumeDate } from './jsonResume.ts';

/*
 * A LinkedIn data export ("Get a copy of your data"): a folder of CSV files, of which careergraph reads
 * Profile.csv, Positions.csv, Skills.csv, Education.csv and, when present, Email Addresses.csv and
 * PhoneNumbers.csv. Lines are those of the record in its own CSV file.
 */

/** One CSV record: its cells, the 1-based line each cell starts on, and the lines it spans. */
export interface CsvRecord {
  cells: string[];
  cellLines: number[];
  line: number;
  endLine: number;
}

/** Parses CSV (RFC 4180: quoted fields with commas, `""` and newlines; CRLF or LF); skips blank lines. */
export function parseCsv(text: string): { records: CsvRecord[] } | { error: string } {
  const records: CsvRecord[] = [];
  const source = text.replace(/^\ufeff/, '');
  let cells: string[] = [];
  let cellLines: number[] = [];
  let cell = '';
  let cellLine = 1;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cellLines.push(cellLine);
    cell = '';
    cellLine = line;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '')
      records.push({ cells, cellLines, line: recordLine, endLine: line });
    cells = [];
    cellLines = [];
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '"' && cell === '') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= source.length) return { error: `a quoted field starting on line ${quoteLine} never ends` };
        const c = source[i] as string;
        if (c === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        cell += c;
        i++;
      }
      // Anything between the closing quote and the next separator is kept, as lenient readers do.
      continue;
    }
    if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && source[i + 1] === '\n') i++;
      line++;
      recordLine = line;
      cellLine = line;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { records };
}

interface TableRow {
  /** The cell under a column, as written; '' when the column is missing. */
  raw(column: string): string;
  /** The cell trimmed. */
  get(column: string): string;
  /** The line the cell starts on. */
  lineOf(column: string): number;
  line: number;
  endLine: number;
}

/** Rows of one CSV file as objects keyed by its header (found among the first lines; exports may add notes above it). */
function readTable(name: string, text: string, required: string[]): { rows: TableRow[] } | { error: string } {
  const parsed = parseCsv(text);
  if ('error' in parsed) return { error: `${name}: ${parsed.error}` };
  const norm = (s: string) => s.trim().toLowerCase();
  const headerAt = parsed.records
    .slice(0, 10)
    .findIndex((r) => required.every((c) => r.cells.some((cell) => norm(cell) === norm(c))));
  if (headerAt < 0) return { error: `${name} has no header row with ${required.join(', ')}` };
  const header = (parsed.records[headerAt] as CsvRecord).cells.map(norm);
  return {
    rows: parsed.records.slice(headerAt + 1).map((r) => ({
      raw: (column: string) => r.cells[header.indexOf(norm(column))] ?? '',
      get: (column: string) => (r.cells[header.indexOf(norm(column))] ?? '').trim(),
      lineOf: (column: string) => r.cellLines[header.indexOf(norm(column))] ?? r.line,
      line: r.line,
      endLine: r.endLine,
    })),
  };
}

const EXPORT_FILES = [
  'profile.csv',
  'positions.csv',
  'skills.csv',
  'education.csv',
  'email addresses.csv',
  'phonenumbers.csv',
  'connections.csv',
  'languages.csv',
  'certifications.csv',
  'projects.csv',
  'recommendations_received.csv',
];
const baseName = (file: string) => (file.split(/[\\/]/).pop() ?? file).toLowerCase();

/** True when a folder's file names look like a LinkedIn data export (Positions.csv or Profile.csv, and another of its files). */
export function isLinkedInExportFolder(fileNames: string[]): boolean {
  const names = new Set(fileNames.map(baseName));
  const known = EXPORT_FILES.filter((f) => names.has(f)).length;
  return (names.has('positions.csv') || names.has('profile.csv')) && known >= 2;
}

/**
 * Converts a LinkedIn data export to the parsed-résumé shape. `files` maps file names (or paths) to
 * their text. Positions.csv is required; an empty "Finished On" means the position is current.
 */
export function linkedinExportToParsed(
  files: Record<string, string>,
  lexicon: Lexicon,
): { resume: ParsedResume } | { error: string } {
  const byName = new Map(Object.entries(files).map(([name, text]) => [baseName(name), text]));
  const positionsText = byName.get('positions.csv');
  if (positionsText === undefined)
    return { error: 'the LinkedIn export has no Positions.csv (the file that lists positions)' };
  const positions = readTable('Positions.csv', positionsText, ['Company Name', 'Title']);
  if ('error' in positions) return positions;
  const warnings: ParseWarning[] = [];
  const optional = (file: string, label: string, required: string[]) => {
    const text = byName.get(file);
    if (text === undefined) return [];
    const table = readTable(label, text, required);
    if ('error' in table) {
      warnings.push({ code: 'OTHER', message: `${table.error}; the file is ignored` });
      return [];
    }
    return table.rows;
  };

  const person: ParsedPerson = {
    name: null,
    email: null,
    phone: null,
    location: null,
    headline: null,
    links: [],
    line: null,
  };
  const profile = optional('profile.csv', 'Profile.csv', ['First Name', 'Last Name'])[0];
  if (profile) {
    const name = [profile.get('First Name'), profile.get('Last Name')].filter(Boolean).join(' ');
    person.name = name || null;
    person.line = name ? profile.line : null;
    person.headline = profile.get('Headline') || null;
    person.location = profile.get('Geo Location') || profile.get('Location') || null;
    for (const url of profile.get('Websites').match(/https?:\/\/[^\s,\]]+/g) ?? [])
      if (!person.links.includes(url)) person.links.push(url);
    for (const handle of profile
      .get('Twitter Handles')
      .replace(/[[\]]/g, '')
      .split(/[,\s]+/)) {
      const h = handle.replace(/^@/, '');
      if (/^\w{1,15}$/.test(h)) person.links.push(`https://twitter.com/${h}`);
    }
  }
  if (!person.name) warnings.push({ code: 'NO_NAME', message: 'no name in Profile.csv' });
  const emails = optional('email addresses.csv', 'Email Addresses.csv', ['Email Address']);
  const email = emails.find((e) => /^yes$/i.test(e.get('Primary'))) ?? emails[0];
  person.email = email?.get('Email Address') || null;
  person.phone = optional('phonenumbers.csv', 'PhoneNumbers.csv', ['Number'])[0]?.get('Number') || null;

  const readDate = (raw: string, line: number, what: string) => {
    const read = readJsonResumeDate(raw);
    if (read.kind === 'unreadable')
      warnings.push({ line, code: 'UNREADABLE_DATE', message: `unreadable ${what} "${raw}"` });
    return read;
  };

  const roles: ParsedRole[] = [];
  for (const row of positions.rows) {
    const title = row.get('Title') || null;
    const employer = row.get('Company Name') || null;
    if (!title && !employer) continue;
    const start = readDate(row.get('Started On'), row.line, 'start date');
    const end = readDate(row.get('Finished On'), row.line, 'end date');
    const startDate = start.kind === 'date' ? start.date : null;
    const endDate = end.kind === 'date' ? end.date : null;
    const technologies: TechnologyMention[] = [];
    const seen = new Set<string>();
    const firstLine = row.lineOf('Description');
    for (const [k, text] of row.raw('Description').split(/\r?\n/).entries()) {
      const stack = parseStackLine(text.replace(/^\s*[-*•·]\s*/, ''), lexicon);
      const found = stack ? stack.items : lexicon.technologies.inProse(text).map((h) => h.written);
      for (const written of found) {
        const key = (lexicon.technologies.canonical(written) ?? written).toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        technologies.push({ name: written, line: firstLine + k });
      }
    }
    const role: ParsedRole = {
      title,
      employer,
      team: null,
      location: row.get('Location') || null,
      start: startDate,
      end: endDate,
      current: end.kind === 'present' || (end.kind === 'none' && startDate !== null),
      technologies,
      line: row.line,
      lines: [row.line, row.endLine],
      employerInferred: false,
      employerLine: null,
    };
    roles.push(role);
    if (startDate && endDate && endsBeforeStart(startDate, endDate))
      warnings.push({
        line: row.line,
        code: 'END_BEFORE_START',
        message: `position "${title ?? employer}" ends before it starts`,
      });
    if (!startDate && start.kind !== 'unreadable')
      warnings.push({
        line: row.line,
        code: 'NO_DATES',
        message: `position "${title ?? employer}" has no start date`,
      });
    if (!employer)
      warnings.push({ line: row.line, code: 'NO_EMPLOYER', message: `position "${title}" has no company` });
    if (!title)
      warnings.push({ line: row.line, code: 'NO_TITLE', message: `position at "${employer}" has no title` });
  }
  if (roles.length === 0) warnings.push({ code: 'NO_ROLES', message: 'Positions.csv lists no positions' });

  const skills: ParsedSkill[] = [];
  for (const row of optional('skills.csv', 'Skills.csv', ['Name'])) {
    const name = row.get('Name');
    if (name && !skills.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      skills.push({ name, category: null, line: row.line });
  }

  const education: ParsedEducation[] = [];
  for (const row of optional('education.csv', 'Education.csv', ['School Name'])) {
    // "Degree Name" is the degree, sometimes followed by the field of study after a comma.
    const [degree, ...field] = row.get('Degree Name').split(/\s*,\s*/);
    const start = readDate(row.get('Start Date'), row.line, 'start date');
    const end = readDate(row.get('End Date'), row.line, 'end date');
    const entry: ParsedEducation = {
      school: row.get('School Name') || null,
      degree: degree || null,
      field: field.join(', ') || null,
      start: start.kind === 'date' ? start.date : null,
      end: end.kind === 'date' ? end.date : null,
      line: row.line,
    };
    if (entry.school || entry.degree) education.push(entry);
  }

  return { resume: { person, roles, skills, education, warnings } };
}
