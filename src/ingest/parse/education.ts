import type { ParsedEducation } from '../../model/resume.ts';
import { findDateRanges } from './dates.ts';
import type { Line } from './lines.ts';

const DEGREE =
  /\b(?:B\.?\s?Sc\.?|M\.?\s?Sc\.?|B\.?\s?S\.?|M\.?\s?S\.?|B\.?\s?A\.?|M\.?\s?A\.?|MBA|Ph\.?\s?D\.?|D\.?Phil|B\.?\s?Eng\.?|M\.?\s?Eng\.?|B\.?\s?Tech|M\.?\s?Tech|BBA|BCom|LL\.?B|LL\.?M|M\.?D\.?|Bachelor(?:'s|’s)?(?:\s+(?:of|in)\s+[A-Z][\w ]*?)?|Master(?:'s|’s)?(?:\s+(?:of|in)\s+[A-Z][\w ]*?)?|Doctor(?:ate)?(?:\s+of\s+\w+)?|Licenciatura|Mestrado|Diplom(?:a)?(?:-Ingenieur)?|Associate(?:'s)? Degree|A\.?A\.?S\.?|HND|GCSEs?|A-?Levels?|High School Diploma|Certificate)\b/;
const SCHOOL =
  /\b(?:University|Universit[àéaäy]|Universidad|Universidade|Università|Universität|College|Institute|Institut|Instituto|School|Academy|Polytechnic|Politecnico|Hochschule|École|Ecole|Escola|Escuela|Faculty|Conservatory|Bootcamp|ETH|EPFL|MIT|KTH|UCL|TU \w+)\b/;
const SPLIT = /\s*(?:,|\||·|•|\s[-–—]\s|\s{3,}|\t)\s*/;

function fieldOf(text: string, degree: string): string | null {
  const after = text
    .slice(text.indexOf(degree) + degree.length)
    .replace(/^\s*(?:\(|in|of|,|-|–|—|:)\s*/i, '');
  const field = after.split(SPLIT)[0]?.replace(/[()]/g, '').trim() ?? '';
  if (!field || SCHOOL.test(field) || /\d{4}/.test(field)) return null;
  return field;
}

/** Reads education entries: degree, field, school and years, on one line or spread over a few. */
export function extractEducation(lines: Line[]): ParsedEducation[] {
  const entries: ParsedEducation[] = [];
  let current: ParsedEducation | null = null;
  const start = (line: number) => {
    current = { school: null, degree: null, field: null, start: null, end: null, line };
    entries.push(current);
    return current;
  };
  for (const l of lines) {
    if (!l.text || l.tableRow) continue;
    const dates = findDateRanges(l.text).filter((d) => !d.problem);
    let text = l.text;
    for (const d of [...dates].reverse())
      text = `${text.slice(0, d.index)} ${text.slice(d.index + d.length)}`;
    text = text
      .replace(/\(\s*\)/g, '')
      .replace(/[\s,|–—-]+$/, '')
      .trim();
    const degreeMatch = DEGREE.exec(text);
    const parts = text
      .split(SPLIT)
      .map((p) => p.trim())
      .filter(Boolean);
    const school = parts.find(
      (p) => SCHOOL.test(p) && !(degreeMatch && p.startsWith(degreeMatch[0]) && !/\b(?:at|from)\b/.test(p)),
    );
    let entry: ParsedEducation | null = current;
    const needsNew = (e: ParsedEducation | null) =>
      !e ||
      (degreeMatch && e.degree) ||
      (school && e.school) ||
      (dates.length > 0 && e.end && !degreeMatch && !school);
    if (degreeMatch || school) {
      if (needsNew(entry)) entry = start(l.n);
    } else if (!entry || l.bullet) {
      continue;
    }
    const e = entry as ParsedEducation;
    if (degreeMatch && !e.degree) {
      e.degree = degreeMatch[0].replace(/\s+(?:of|in)\s+.*$/i, '').trim();
      const inline = /\s+(?:of|in)\s+(.*)$/i.exec(degreeMatch[0])?.[1];
      e.field = inline?.trim() ?? fieldOf(text, degreeMatch[0]);
    }
    if (school && !e.school)
      e.school = school
        .replace(/^(?:at|from)\s+/i, '')
        .replace(/\s*\((.*)\)$/, '')
        .trim();
    const d = dates[0];
    if (d && !e.end && !e.start) {
      // A single year on an education line is the graduation year.
      const single =
        d.end && d.start && d.end.year === d.start.year && d.end.month === d.start.month && !d.current;
      e.start = single ? null : d.start;
      e.end = d.end;
    }
  }
  return entries;
}
