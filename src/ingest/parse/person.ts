import type { Lexicon } from '../../lexicon/lexicon.ts';
import type { ParsedPerson } from '../../model/resume.ts';
import { findDateRanges } from './dates.ts';
import type { Line } from './lines.ts';
import { looksLikeTitle } from './titles.ts';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}/;
const CONTACT_SPLIT = /\s*(?:\||·|•|▪|◦|\s[-–—]\s|\s{3,}|\t)\s*/u;
const NAME =
  /^[\p{Lu}][\p{L}'’.-]*(?:\s+(?:(?:de|da|do|dos|das|van|von|der|den|del|la|le|di|du|bin|al|el|y|e)\s+)*[\p{Lu}][\p{L}'’.-]*){1,4}$/u;

// Scripts without capital letters (Arabic, Hebrew, CJK, Indic, Thai…): a name there is one to five words
// of that script alone.
const CASELESS_WORD =
  '[\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Devanagari}\\p{Script=Bengali}\\p{Script=Tamil}\\p{Script=Telugu}\\p{Script=Thai}\\p{Script=Ethiopic}\\p{Script=Georgian}\\p{Script=Armenian}][\\p{L}\\p{M}\\u200c\\u200d\\u0027’.-]*';
const CASELESS_NAME = new RegExp(`^${CASELESS_WORD}(?:\\s+${CASELESS_WORD}){0,4}$`, 'u');
// Emoji people put beside their name ("Layla Haddad 🌙"): not part of the test, kept in what is stored.
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu;

/** True when a line reads as a person's name: two to five capitalised words (or words of a script without capitals), nothing else. */
export function looksLikeName(text: string): boolean {
  const t = text
    .replace(PICTOGRAPHS, ' ')
    .replace(/\s+/g, ' ')
    .replace(/,?\s*(?:PhD|Ph\.D\.|MSc|MBA|CFA|PE|Jr\.?|Sr\.?|II|III)$/, '')
    .trim();
  if (t.length > 60 || !t) return false;
  if (CASELESS_NAME.test(t)) return true;
  if (!NAME.test(t)) return false;
  return !looksLikeTitle(t);
}

/** Reads the person from the lines before the first section (name, contact details, headline). */
export function extractPerson(header: Line[], all: Line[], lexicon: Lexicon): ParsedPerson {
  const person: ParsedPerson = {
    name: null,
    email: null,
    phone: null,
    location: null,
    headline: null,
    links: [],
    line: null,
  };
  const top = header.filter((l) => l.text).slice(0, 12);
  for (const l of top) {
    if (!person.name) {
      // "Name:   Lena Hoffmann" (a wide gap reads as a column separator), "First name(s) / Surname(s) | …".
      const labelled = l.text.replace(
        /^(?:name|nome|nombre|nom|first name\(s\) \/ surname\(s\)|vor- und nachname)\s*(?::\s*\|?|\|)\s*/i,
        '',
      );
      const first = labelled.split(CONTACT_SPLIT)[0] ?? '';
      const candidate = first.trim();
      if (
        looksLikeName(candidate) &&
        !lexicon.places.isPlace(candidate) &&
        !lexicon.companies.isKnown(candidate)
      ) {
        person.name = candidate;
        person.line = l.n;
        const rest = labelled
          .slice(first.length)
          .split(CONTACT_SPLIT)
          .map((s) => s.trim())
          .filter(Boolean);
        const titleBit = rest.find((r) => looksLikeTitle(r));
        if (titleBit) person.headline = titleBit;
        continue;
      }
    }
    for (const part of l.text.split(CONTACT_SPLIT)) readContactPart(part.trim(), person, lexicon);
    for (const url of l.urls)
      if (!person.links.includes(url) && !url.startsWith('mailto:')) person.links.push(url);
    if (
      person.name &&
      !person.headline &&
      l.n > (person.line ?? 0) &&
      looksLikeTitle(l.text) &&
      !findDateRanges(l.text).length &&
      !EMAIL.test(l.text)
    ) {
      person.headline = l.text;
    }
  }
  // Exports with a side column (LinkedIn's PDF) put the name after Contact, Top Skills and Languages:
  // a name-like line followed by a headline or a place, before the experience.
  if (!person.name) {
    const before = all.slice(
      0,
      Math.max(
        0,
        all.findIndex((l) => /^(?:experience|summary)$/i.test(l.text)),
      ),
    );
    const filled = before.filter((l) => l.text);
    for (let i = 0; i < filled.length - 1; i++) {
      const l = filled[i] as Line;
      const next = filled[i + 1] as Line;
      const known =
        lexicon.technologies.canonical(l.text) ||
        lexicon.companies.isKnown(l.text) ||
        lexicon.places.isPlace(l.text);
      if (
        !l.bullet &&
        looksLikeName(l.text) &&
        !known &&
        (looksLikeTitle(next.text) || lexicon.places.isPlace(next.text))
      ) {
        person.name = l.text;
        person.line = l.n;
        if (looksLikeTitle(next.text)) person.headline = next.text;
        break;
      }
    }
  }
  // "ELENA POPESCU" is a name set in capitals, not an acronym: store it as people write it.
  if (person.name && person.name === person.name.toUpperCase() && /\p{L}{2}/u.test(person.name)) {
    person.name = person.name
      .toLowerCase()
      .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  // "Dr. Yael Cohen", "Prof. Dr. Jan Novak", "Priya Nair, PhD": the person is the name, not the honours.
  if (person.name) {
    const bare = person.name
      .replace(/^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Ing|Dipl\.-Ing|Mag|Mgr)\.?\s+)+/u, '')
      .replace(/,?\s*(?:PhD|Ph\.D\.|DPhil|MD|MSc|MBA|CFA|CPA|PE|PMP)$/u, '')
      .trim();
    if (bare.includes(' ')) person.name = bare;
  }
  // Contact details sometimes sit at the bottom or in a Contact section.
  if (!person.email) {
    const line = all.find((l) => EMAIL.test(l.text));
    if (line) person.email = (EMAIL.exec(line.text) as RegExpExecArray)[0].toLowerCase();
  }
  return person;
}

function readContactPart(part: string, person: ParsedPerson, lexicon: Lexicon): void {
  if (!part) return;
  const labelled = part.replace(
    /^(?:e-?mail|phone|tel|mobile|location|address|linkedin|github|web(?:site)?|portfolio)\s*:\s*/i,
    '',
  );
  const email = EMAIL.exec(labelled);
  if (email && !person.email) {
    person.email = email[0].toLowerCase();
    return;
  }
  if (/(?:https?:\/\/|www\.|linkedin\.com|github\.com|gitlab\.com)/i.test(labelled)) {
    const url = labelled.replace(
      /^.*?((?:https?:\/\/|www\.|linkedin\.com|github\.com|gitlab\.com)\S*).*$/i,
      '$1',
    );
    if (!person.links.includes(url)) person.links.push(url);
    return;
  }
  const phone = PHONE.exec(labelled);
  if (phone && !person.phone && phone[0].replace(/\D/g, '').length >= 7) {
    person.phone = phone[0].trim();
    return;
  }
  if (!person.location && lexicon.places.isPlace(labelled)) person.location = labelled;
}
