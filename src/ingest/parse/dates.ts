import type { PartialDate } from '../../model/resume.ts';

/** A date range found in a line of text. */
export interface DateRangeMatch {
  start: PartialDate | null;
  end: PartialDate | null;
  current: boolean;
  /** Character offsets of the matched text in the line, so callers can cut it out. */
  index: number;
  length: number;
  /** Set when something looked like a date but could not be read (e.g. `13/2020`). */
  problem?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // Common non-English résumé spellings.
  janv: 1,
  févr: 2,
  fev: 2,
  mär: 3,
  mrz: 3,
  avr: 4,
  abr: 4,
  mai: 5,
  juin: 6,
  juil: 7,
  ago: 8,
  aoû: 8,
  set: 9,
  okt: 10,
  out: 10,
  dez: 12,
  dic: 12,
  ene: 1,
  fév: 2,
  juillet: 7,
  aou: 8,
  déc: 12,
  gen: 1,
  mag: 5,
  giu: 6,
  lug: 7,
  ott: 10,
  maa: 3,
  mrt: 3,
  mei: 5,
};
// Seasons name a year, not a month; keep the year's precision.
const SEASONS = '(?:spring|summer|autumn|fall|winter)';

// English, then the Spanish, French, German, Italian, Portuguese and Dutch names and abbreviations
// résumés use ("ene. 2022", "févr. 2019", "März 2020", "giu 2018", "out. 2017", "mrt 2016").
const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?' +
  '|enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|octubre|noviembre|diciembre|dic' +
  '|janvier|janv|février|fevrier|févr|fév|mars|avril|avr|juin|juillet|juil|août|aout|septembre|octobre|novembre|décembre|decembre|déc' +
  '|januar|februar|märz|mär|mrz|juni|juli|oktober|okt|dezember|dez' +
  '|gennaio|gen|febbraio|aprile|maggio|mag|giugno|giu|luglio|lug|settembre|set|ottobre|ott|dicembre' +
  '|janeiro|fevereiro|fev|março|maio|junho|julho|setembro|outubro|out|novembro|dezembro' +
  '|januari|februari|maart|mrt|mei|augustus)\\.?';
const YEAR = '(?:19[5-9]\\d|20\\d\\d)';
// One date: "Mar 2018", "March, 2018", "03/2018", "3.2018", "2018-03", "2018/03", "Summer 2014", "2018".
const ONE_DATE = `(?:${MONTH_NAME},?\\s+(?:'\\d\\d|${YEAR})|${SEASONS}\\s+${YEAR}|\\d{1,2}[/.]\\d{1,2}[/.]${YEAR}|\\d{1,2}\\s*[/.]\\s*${YEAR}|${YEAR}\\s*[-/.]\\s*\\d{1,2}(?!\\d)|${YEAR})`;
const PRESENT =
  "(?:present|now|current(?:ly)?|today|date|ongoing|till\\s+date|to\\s+date|heute|jetzt|actualidad|actualmente|actual|presente|hoy|attuale|oggi|in\\s+corso|présent|aujourd['’]hui|en\\s+cours|atualmente|atual|heden|idag|nu)";
const SEPARATOR =
  '(?:\\s*(?:-{1,2}|–|—|―|−|~|→|>|\\bto\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b|\\ba\\b|\\bbis\\b)\\s*)';

const RANGE = new RegExp(
  `(?<![\\w/.-])(?:(?:since|from|seit|depuis|desde|dal|sinds|sedan)\\s+)?(${ONE_DATE})(?:${SEPARATOR}(${ONE_DATE}|${PRESENT}))?(?![\\w/])`,
  'giu',
);
// "Jun – Sep 2015", "June–August 2024": two months sharing the year written after the second.
const SHARED_YEAR = new RegExp(
  `(?<![\\w/.-])(${MONTH_NAME})${SEPARATOR}(${MONTH_NAME}),?\\s+(${YEAR})(?![\\w/])`,
  'giu',
);
const SINCE = /^(?:since|from|seit|depuis|desde|dal|sinds|sedan)\s/i;
const OPEN_END = /^\s*(?:-{1,2}|–|—|―)\s*(?=$|[)\]|,;*_])/;
/** LinkedIn-style durations ("(3 years 11 months)", "· 5 yrs 2 mos") that follow a range. */
export const DURATION =
  /[·(]?\s*\b\d{1,2}\s*(?:years?|yrs?)(?:\s*,?\s*\d{1,2}\s*(?:months?|mos?))?\s*\)?|[·(]?\s*\b\d{1,2}\s*(?:months?|mos?)\s*\)?/gi;
const SUSPICIOUS = /(?<![\w/.-])(\d{1,2})\s*\/\s*(\d{4})(?![\w/])/g;

/** Reads one date written in any of the supported forms; null when it is not a date. */
export function parseOneDate(text: string): PartialDate | null {
  const t = text.trim().replace(/\.$/, '').toLowerCase();
  let m = /^([a-zà-ü]+)\.?,?\s+('?\d{2}|\d{4})$/u.exec(t);
  if (m?.[1] && m[2]) {
    const year = m[2].startsWith("'") ? 2000 + Number(m[2].slice(1)) : Number(m[2]);
    if (new RegExp(`^${SEASONS}$`).test(m[1])) return { year };
    const month = MONTHS[m[1]] ?? MONTHS[m[1].slice(0, 3)];
    return month ? { year, month } : null;
  }
  // "01/03/2021" (Europass and most of Europe: day, month, year): kept to the month.
  m = /^\d{1,2}[/.](\d{1,2})[/.](\d{4})$/.exec(t) ?? /^(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(t);
  if (m?.[1] && m[2]) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { year: Number(m[2]), month } : null;
  }
  m = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(t);
  if (m?.[1] && m[2]) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
  }
  m = /^(\d{4})$/.exec(t);
  if (m?.[1]) return { year: Number(m[1]) };
  return null;
}

/**
 * Finds date ranges in one line: "Oct 2021 - Present", "2018 – 2023", "*April* 2013", "Summer 2014",
 * "03/2016 – 11/2018", "since 2019". A single date stands for a range within that period.
 * Emphasis markers must already be removed.
 */
export function findDateRanges(line: string): DateRangeMatch[] {
  const found: DateRangeMatch[] = [];
  for (const m of line.matchAll(SHARED_YEAR)) {
    const start = parseOneDate(`${m[1]} ${m[3]}`);
    const end = parseOneDate(`${m[2]} ${m[3]}`);
    if (start && end) found.push({ start, end, current: false, index: m.index ?? 0, length: m[0].length });
  }
  // "2015/16": an academic year.
  for (const m of line.matchAll(/(?<![\w/.-])((?:19|20)\d\d)\s*\/\s*(\d\d)(?![\w/])/g)) {
    const year = Number(m[1]);
    if (Number(m[2]) !== (year + 1) % 100) continue;
    found.push({
      start: { year },
      end: { year: year + 1 },
      current: false,
      index: m.index ?? 0,
      length: m[0].length,
    });
  }
  const shared = [...found];
  for (const m of line.matchAll(RANGE)) {
    const [whole, first, second] = m;
    if (!first) continue;
    const at = m.index ?? 0;
    if (shared.some((f) => at >= f.index && at < f.index + f.length)) continue;
    const start = parseOneDate(first);
    const index = m.index ?? 0;
    if (!start) {
      found.push({
        start: null,
        end: null,
        current: false,
        index,
        length: whole.length,
        problem: `unreadable date "${whole.trim()}"`,
      });
      continue;
    }
    if (second === undefined) {
      // "2020–" with nothing after the dash is an open range: the role is current.
      const open = OPEN_END.exec(line.slice(index + whole.length));
      if (open) {
        found.push({ start, end: null, current: true, index, length: whole.length + open[0].length });
        continue;
      }
      const since = SINCE.test(whole);
      found.push({ start, end: since ? null : { ...start }, current: since, index, length: whole.length });
      continue;
    }
    const isPresent = new RegExp(`^${PRESENT}$`, 'iu').test(second.trim());
    const end = isPresent ? null : parseOneDate(second);
    if (!isPresent && !end) {
      found.push({
        start,
        end: null,
        current: false,
        index,
        length: whole.length,
        problem: `unreadable end date "${second}"`,
      });
      continue;
    }
    found.push({ start, end, current: isPresent, index, length: whole.length });
  }
  for (const m of line.matchAll(SUSPICIOUS)) {
    const month = Number(m[1]);
    if ((month < 1 || month > 12) && !found.some((f) => f.index === m.index)) {
      found.push({
        start: null,
        end: null,
        current: false,
        index: m.index ?? 0,
        length: m[0].length,
        problem: `unreadable date "${m[0]}": no month ${month}`,
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** True when the end of a range lies before its start (compared at the precision both have). */
export function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  if (end.year !== start.year) return end.year < start.year;
  return start.month !== undefined && end.month !== undefined && end.month < start.month;
}
