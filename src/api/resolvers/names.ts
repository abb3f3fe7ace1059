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

/** Escapes Lucene query syntax so user text is searched as words, with prefix matching on each word. */
export function fullTextQuery(text: string): string {
  const words = text
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !/^(?:AND|OR|NOT|TO)$/.test(w))
    .slice(0, 10);
  return words.map((w) => `${w.toLowerCase()}*`).join(' AND ');
}
