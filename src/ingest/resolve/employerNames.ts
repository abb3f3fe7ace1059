import { distance } from 'fastest-levenshtein';
import type { Lexicon } from '../../lexicon/lexicon.ts';

/** An employer as resolved within one résumé: canonical name, and the acquirer when written "X / Y". */
export interface EmployerName {
  name: string;
  written: string;
  /** "Wunderlist / Microsoft", "Wunderlist (acquired by Microsoft)": the acquirer becomes X's parent. */
  acquiredBy: string | null;
}

const ACQUIRED = /^(.+?)\s*(?:\/|\(\s*(?:acquired by|now(?: part of)?|part of)\s+([^)]+)\))\s*(.*)$/i;

function splitAcquisition(written: string, lexicon: Lexicon): { company: string; acquirer: string | null } {
  const m = ACQUIRED.exec(written.trim());
  if (!m?.[1]) return { company: written.trim(), acquirer: null };
  const acquirer = (m[2] ?? m[3] ?? '').trim().replace(/[).]+$/, '');
  // Both sides must read as names, set apart ("X / Y") or naming a known acquirer: "CI/CD" or
  // "Frontend/Backend" are not acquisitions.
  const spaced = /\s\/\s|\(/.test(written);
  if (
    !acquirer ||
    !/^\p{Lu}/u.test(acquirer) ||
    !/^\p{Lu}/u.test(m[1]) ||
    !(spaced || lexicon.companies.isKnown(acquirer))
  ) {
    return { company: written.trim(), acquirer: null };
  }
  return { company: m[1].trim(), acquirer };
}

/**
 * Resolves every employer named in one résumé: legal suffixes and aliases (reference data), "X / Y"
 * acquisitions, and typos — an unknown name one or two letters away from an employer the same résumé
 * names at least twice ("Contsoo" beside several "Contoso") is that employer. A known company is never
 * rewritten, so a merely similar name of a different company stays itself. Pure.
 */
export function resolveEmployers(written: (string | null)[], lexicon: Lexicon): Map<string, EmployerName> {
  const out = new Map<string, EmployerName>();
  const first = new Map<string, { company: string; acquirer: string | null }>();
  const counts = new Map<string, number>();
  for (const w of written) {
    if (!w) continue;
    const split = first.get(w) ?? splitAcquisition(w, lexicon);
    first.set(w, split);
    const name = lexicon.companies.resolve(split.company).name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const frequent = [...counts].filter(([, n]) => n >= 2).map(([name]) => name);
  for (const [w, split] of first) {
    const resolved = lexicon.companies.resolve(split.company);
    let name = resolved.name;
    if (!resolved.known && (counts.get(name) ?? 0) === 1) {
      const near = frequent.find((f) => {
        if (f === name || f[0]?.toLowerCase() !== name[0]?.toLowerCase()) return false;
        const d = distance(f.toLowerCase(), name.toLowerCase());
        return (
          d > 0 &&
          d <= 2 &&
          d / Math.max(f.length, name.length) <= 0.3 &&
          Math.min(f.length, name.length) >= 5
        );
      });
      if (near) name = near;
    }
    const acquirer = split.acquirer ? lexicon.companies.resolve(split.acquirer).name : null;
    out.set(w, { name, written: w, acquiredBy: acquirer && acquirer !== name ? acquirer : null });
  }
  return out;
}
