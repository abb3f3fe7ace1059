import { escapeRegExp } from './escapeRegExp.ts';
import type { CompanyEntry } from './referenceData.ts';

/** A company name resolved against the reference data. */
export interface ResolvedCompany {
  /** Canonical name: the reference entry's name, or the written name without legal suffix. */
  name: string;
  /** Names that resolved to it, as written (legal suffix and all), for the graph's alias list. */
  written: string;
  /** The canonical parent chain, nearest first, from the reference data. */
  parents: string[];
  known: boolean;
}

/** Resolves employer names to canonical companies; built once from the reference data. */
export interface CompanyResolver {
  resolve(written: string): ResolvedCompany;
  /** The reference entry for a canonical name, if any. */
  entry(name: string): CompanyEntry | undefined;
  /** True when the text is a known company name or alias (after dropping a legal suffix). */
  isKnown(written: string): boolean;
  /** Known companies named in prose, longest first at each position. */
  inProse(text: string): { name: string; written: string; index: number }[];
  /** Drops legal suffixes ("Contoso Ltd." → "Contoso"). */
  stripLegalSuffix(name: string): string;
}

/** Builds the resolver (pure; the caller loads the data). */
export function createCompanyResolver(entries: CompanyEntry[], legalSuffixes: string[]): CompanyResolver {
  const suffixes = [...new Set(legalSuffixes)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const suffixRe = suffixes.length ? new RegExp(`(?:,?\\s+(?:${suffixes.join('|')}))+\\s*$`, 'i') : null;
  const stripLegalSuffix = (name: string) => {
    const cleaned = name
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[,;:]$/, '');
    const stripped = suffixRe ? cleaned.replace(suffixRe, '').trim() : cleaned;
    return stripped.length > 0 ? stripped : cleaned;
  };
  const key = (s: string) => stripLegalSuffix(s).toLowerCase().replace(/[’']/g, "'");
  const byKey = new Map<string, CompanyEntry>();
  const byName = new Map<string, CompanyEntry>();
  for (const e of entries) {
    byName.set(e.name.toLowerCase(), e);
    for (const form of [e.name, ...e.aliases]) byKey.set(key(form), e);
  }
  const parentsOf = (entry: CompanyEntry): string[] => {
    const chain: string[] = [];
    let p = entry.parent;
    while (p && !chain.includes(p)) {
      chain.push(p);
      p = byName.get(p.toLowerCase())?.parent ?? null;
    }
    return chain;
  };
  // Prose matching is case-sensitive: "Ring" or "Slack" the brands, not the words.
  const forms = [...new Set(entries.flatMap((e) => [e.name, ...e.aliases]).filter((f) => f.length >= 3))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const proseRe = forms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;

  return {
    stripLegalSuffix,
    entry: (name) => byName.get(name.toLowerCase()),
    isKnown: (written) => byKey.has(key(written)),
    resolve(written) {
      const entry = byKey.get(key(written));
      if (entry) return { name: entry.name, written: written.trim(), parents: parentsOf(entry), known: true };
      return { name: stripLegalSuffix(written), written: written.trim(), parents: [], known: false };
    },
    inProse(text) {
      if (!proseRe) return [];
      return [...text.matchAll(proseRe)].map((m) => ({
        name: (byKey.get(key(m[0])) as CompanyEntry).name,
        written: m[0],
        index: m.index ?? 0,
      }));
    },
  };
}
