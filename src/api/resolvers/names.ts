import type { Lexicon } from '../../lexicon/lexicon.ts';

const clean = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Lookup keys for a company name as typed: itself, without legal suffix, and its canonical name. */
export function companyKeys(name: string, lexicon: Lexicon): string[] {
  return [
    ...new Set([
      clean(name),
      clean(lexicon.companies.stripLegalSuffix(name)),
      clean(lexicon.companies.resolve(name).name),
    ]),
  ].filter(Boolean);
}

/** Lookup keys for a technology name as typed: itself and its canonical name ("k8s" → "kubernetes"). */
export function technologyKeys(name: string, lexicon: Lexicon): string[] {
  return [...new Set([clean(name), clean(lexicon.technologies.canonical(name) ?? name)])].filter(Boolean);
}

/** Longest word searched, in characters: Lucene refuses a prefix query of about 1,000 or more. */
export const MAX_SEARCH_WORD = 100;

/**
 * Escapes Lucene query syntax so user text is searched as words, with prefix matching on each word: at
 * most 10 words, each cut to MAX_SEARCH_WORD characters (a longer word still matches by its prefix).
 */
export function fullTextQuery(text: string): string {
  const words = text
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !/^(?:AND|OR|NOT|TO)$/.test(w))
    .slice(0, 10);
  return words.map((w) => `${Array.from(w.toLowerCase()).slice(0, MAX_SEARCH_WORD).join('')}*`).join(' AND ');
}
