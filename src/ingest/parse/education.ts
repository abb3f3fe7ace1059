import type { ParsedEducation } from '../../model/resume.ts';
import { findDateRanges } from './dates.ts';
import type { Line } from './lines.ts';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const DEGREE = new RegExp(
  `${B}(?:B\\.?\\s?Sc|M\\.?\\s?Sc|B\\.?\\s?S|M\\.?\\s?S|B\\.?\\s?A|M\\.?\\s?A|B\\.?\\s?A\\.?\\s?Sc|MBA|EMBA|Ph\\.?\\s?D|D\\.?\\s?Phil|B\\.?\\s?Eng|M\\.?\\s?Eng|B\\.?\\s?Comp|B\\.?\\s?E|M\\.?\\s?E|B\\.?\\s?Tech|M\\.?\\s?Tech|B\\.?\\s?Math|M\\.?\\s?Math|BCS|MCS|BBA|B\\.?\\s?Com|M\\.?\\s?Com|BFA|MFA|LL\\.?\\s?B|LL\\.?\\s?M|M\\.?\\s?Phil|M\\.?\\s?Res|Ed\\.?\\s?D|M\\.?\\s?D|J\\.?\\s?D|(?:Bachelor|Master)(?:'s|’s)?(?:\\s+of\\s+(?:Science|Arts|Engineering|Technology|Business Administration|Commerce|Fine Arts|Laws|Applied Science|Computer Science|Mathematics))?(?:\\s*(?:-|–)\\s*[A-Z][A-Za-z.]{1,5}|\\s*\\([A-Z][A-Za-z.]{1,5}\\))?|Doctor(?:ate)?(?:\\s+of\\s+Philosophy)?(?:\\s*(?:-|–)\\s*Ph\\.?D\\.?|\\s*\\(Ph\\.?D\\.?\\))?|Laurea(?:\\s+(?:Magistrale|Triennale|Specialistica))?|Licenciatura|Licence|Mestrado|Bacharelado|Bachillerato|Máster|Diplôme d['’]ing[ée]nieur|Dipl(?:om)?\\.?-Ing\\.?|Diplom(?:a)?|Ingeniero|Associate(?:'s)?\\s+Degree|A\\.?A\\.?S|HND|High School Diploma|Baccalaur[ée]at|Abitur|Certificate|Nanodegree)\\.?(?:\\s*\\((?:Tech|Eng|Hons|Econ|Res)\\.?\\))?${E}`,
  'u',
);
const SCHOOL = new RegExp(
  `${B}(?:University|Universit[àéaäy]|Universidad|Universidade|Università|Universität|Universitat|Universiteit|Uniwersytet|College|Institute|Institut|Instituto|Istituto|School|Academy|Polytechnic|Politecnico|Politécnica|Hochschule|École|Ecole|Escola|Escuela|Faculty|Conservatory|Bootcamp|ETH|EPFL|MIT|KTH|UCL|INSA|IIT|TU)${E}`,
  'u',
);
// Dashes inside degree names ("Master of Science - MS") are kept by matching the degree first.
const SPLIT = /\s*(?:,|\||·|•|\s[-–—]\s|[–—]|\s{3,}|\t)\s*/u;

function clean(text: string): string {
  return text.replace(/^[\s,;:()–—-]+|[\s,;:(–—-]+$/g, '').trim();
}

/** Reads education entries: degree, field, school and years, on one line or spread over a few. */
export function extractEducation(lines: Line[]): ParsedEducation[] {
  const entries: ParsedEducation[] = [];
  let current: ParsedEducation | null = null;
  for (const [i, l] of lines.entries()) {
    // A Markdown table row is read cell by cell; its header row (above the |---| rule) is not an entry.
    if (!l.text || (l.tableRow && lines[i + 1]?.rule && lines[i + 1]?.tableRow)) continue;
    const lineText = l.tableRow ? l.text.replace(/^\|\s*|\s*\|$/g, '') : l.text;
    const dates = findDateRanges(lineText).filter((d) => !d.problem);
    let text = lineText;
    for (const d of [...dates].reverse())
      text = `${text.slice(0, d.index)} ${text.slice(d.index + d.length)}`;
    text = text
      .replace(/\(\s*\)/g, '')
      .replace(/[\s,|–—-]+$/, '')
      .trim();
    const parts = splitParts(text);
    // "Boston, MA": a state code after a city, not a Master of Arts.
    const degreePart = parts.findIndex(
      (p, i) => DEGREE.test(p) && !SCHOOL.test(p.replace(DEGREE, '')) && !isStateAfterCity(parts, i),
    );
    const schoolPart = parts.findIndex((p, i) => i !== degreePart && SCHOOL.test(p));
    const hasDegree = degreePart >= 0;
    const hasSchool = schoolPart >= 0;
    if (!hasDegree && !hasSchool) {
      // A bare name under a degree ("KNUST") is the school; anything else (a thesis, a grade) is detail.
      if (
        current &&
        !current.school &&
        !l.bullet &&
        parts.length === 1 &&
        /^\p{Lu}/u.test(parts[0] ?? '') &&
        (parts[0] ?? '').split(' ').length <= 6
      ) {
        current.school = parts[0] ?? null;
        if (dates[0] && !current.end) setYears(current, dates[0]);
      } else if (current && dates[0] && !current.end && !current.start) setYears(current, dates[0]);
      continue;
    }
    const startsNew =
      !current ||
      (hasDegree && current.degree) ||
      (hasSchool && current.school) ||
      (!hasDegree && current.end && dates.length > 0);
    if (startsNew) {
      current = { school: null, degree: null, field: null, start: null, end: null, line: l.n };
      entries.push(current);
    }
    const e = current as ParsedEducation;
    if (hasDegree) {
      const part = parts[degreePart] as string;
      const m = DEGREE.exec(part) as RegExpExecArray;
      e.degree = m[0].replace(/\.$/, '').trim();
      const rest = clean(part.slice((m.index ?? 0) + m[0].length).replace(/^\s*(?:in|of)\s+/i, ''));
      e.field = rest || null;
      if (!e.field) {
        // The field follows the degree ("BS, Computer Science"); a name before it is the school.
        const next = parts.find((_p, i) => i > degreePart && i !== schoolPart);
        if (next && !SCHOOL.test(next)) e.field = next;
      }
    }
    if (hasSchool) e.school = schoolName(parts, schoolPart, degreePart);
    else if (hasDegree && !e.school) {
      // "BSc Computer Engineering — KNUST": the part left after degree and field is the school.
      const other =
        parts.find((p, i) => i < degreePart && p !== e.field) ??
        parts.find((p, i) => i !== degreePart && p !== e.field);
      if (other) e.school = other;
    }
    if (dates[0] && !e.end && !e.start) setYears(e, dates[0]);
  }
  return entries;
}

function isStateAfterCity(parts: string[], i: number): boolean {
  const prev = parts[i - 1];
  return (
    /^(?:MA|MS|MD|ME)$/.test(parts[i] ?? '') &&
    prev !== undefined &&
    /^\p{Lu}[\p{L}'’ -]+$/u.test(prev) &&
    !SCHOOL.test(prev) &&
    !DEGREE.test(prev)
  );
}

/** Splits an education line into parts; "BSc at University X" splits at "at" only before a school. */
function splitParts(text: string): string[] {
  const degree = DEGREE.exec(text);
  // Protect the degree phrase, whose own dash ("Master of Science - MS") is not a separator.
  const masked = degree ? text.replace(degree[0], degree[0].replace(/\s*[-–]\s*/g, '\u0000')) : text;
  return masked
    .split(SPLIT)
    .flatMap((p) => {
      const at = /^(.*?\S)\s+(?:at|from)\s+(.+)$/.exec(p);
      return at?.[1] && at[2] && SCHOOL.test(at[2]) && !SCHOOL.test(at[1]) ? [at[1], at[2]] : [p];
    })
    .map((p) => clean(p.replace(/\u0000/g, ' - ')))
    .filter(Boolean);
}

/** The school part, with a campus or town that follows it ("University of Ghana, Legon") but not a city and country. */
function schoolName(parts: string[], schoolPart: number, degreePart: number): string {
  let name = parts[schoolPart] as string;
  const next = parts[schoolPart + 1];
  if (
    next &&
    schoolPart + 1 !== degreePart &&
    parts.length === schoolPart + 2 &&
    /^\p{Lu}[\p{L}'’-]+$/u.test(next) &&
    !/^[A-Z]{2,3}$/.test(next)
  ) {
    name = `${name}, ${next}`;
  }
  return name;
}

function setYears(e: ParsedEducation, d: ReturnType<typeof findDateRanges>[number]): void {
  // A single year on an education line is the graduation year.
  const single = d.start && d.end && d.end.year === d.start.year && d.end.month === d.start.month;
  e.start = single ? null : d.start;
  e.end = d.end;
}
