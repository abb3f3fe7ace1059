import { escapeRegExp } from './escapeRegExp.ts';
import type { TechnologyEntry } from './referenceData.ts';

/** A technology found in text: the words as written and the canonical entry they name. */
export interface TechnologyHit {
  written: string;
  name: string;
  index: number;
}

/** Finds and canonicalises technology names; built once from the reference data. */
export interface TechnologyMatcher {
  /** Technologies named in free prose (bullets, summaries); list-only names are skipped. */
  inProse(text: string): TechnologyHit[];
  /** The canonical name of one list item ("Postgres 14" → PostgreSQL), or null when unknown. */
  canonical(item: string): string | null;
  /** The category of a canonical technology. */
  category(name: string): string | null;
  /** The reference aliases of a canonical technology. */
  aliases(name: string): string[];
}

// A name is a whole token: not glued to letters, digits, + or # on either side ("Go" not in "Google").
const BEFORE = '(?<![\\p{L}\\p{N}+#_@/.-])';
const AFTER = '(?![\\p{L}\\p{N}+#_]|\\.[\\p{L}\\p{N}])';
// "Kafka-fed" and "Redis-backed" name Kafka and Redis; "Node-RED" or "Java-8" name something else.
// Checked outside the regex: its `i` flag would make \p{Lu} match lower case too.
const GLUED = /^-[\p{Lu}\p{N}]/u;

function compile(forms: string[], flags: string): RegExp | null {
  if (forms.length === 0) return null;
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`${BEFORE}(?:${sorted.join('|')})${AFTER}`, `gu${flags}`);
}

// Aliases that are also ordinary words or short abbreviations match prose only as written:
// "graph node" is not Node.js, and "TS" must be in capitals to mean TypeScript.
const WORDS = new Set([
  'node',
  'spring',
  'react',
  'express',
  'excel',
  'kube',
  'rails',
  'mongo',
  'elastic',
  'pandas',
  'swift',
]);
function proseSensitive(form: string, entry: TechnologyEntry): boolean {
  if (form === entry.name && !WORDS.has(form.toLowerCase())) return false;
  return WORDS.has(form.toLowerCase()) || /^[A-Za-z]{1,3}$/.test(form);
}

/** Strips what résumés add around a technology name: versions, levels, years of use. */
export function bareItem(item: string): string {
  return item
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\b(?:v(?:ersion)?\s*)?\d+(?:\.\d+|\.x)*\+?(?:\s*(?:yrs?|years?))?\s*$/i, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:/&-]+|[\s,.;:/&*-]+$/g, '')
    .trim();
}

/** Builds the matcher over technology entries (pure; the caller loads the data). */
export function createTechnologyMatcher(entries: TechnologyEntry[]): TechnologyMatcher {
  const byForm = new Map<string, TechnologyEntry>();
  const insensitive: string[] = [];
  const sensitive: string[] = [];
  const sensitiveForms = new Map<string, TechnologyEntry>();
  const listOnlyForms = new Map<string, TechnologyEntry>();
  for (const entry of entries) {
    for (const form of [entry.name, ...entry.aliases]) {
      byForm.set(form.toLowerCase(), entry);
      if (entry.listOnly) {
        listOnlyForms.set(form, entry);
        continue;
      }
      if (entry.caseSensitive || proseSensitive(form, entry)) {
        sensitive.push(form);
        sensitiveForms.set(form, entry);
      } else insensitive.push(form);
    }
  }
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const insensitiveRe = compile(insensitive, 'i');
  const sensitiveRe = compile(sensitive, '');
  const listOnlyRe = compile([...listOnlyForms.keys()], '');

  return {
    inProse(text) {
      const candidates: TechnologyHit[] = [];
      for (const [re, lookup] of [
        [insensitiveRe, (w: string) => byForm.get(w.toLowerCase())],
        [sensitiveRe, (w: string) => sensitiveForms.get(w)],
      ] as const) {
        if (!re) continue;
        for (const m of text.matchAll(re)) {
          const index = m.index ?? 0;
          const entry = lookup(m[0]);
          if (!entry || GLUED.test(text.slice(index + m[0].length, index + m[0].length + 2))) continue;
          candidates.push({ written: m[0], name: entry.name, index });
        }
      }
      // Names like C or R count in prose only beside another technology or after "in": "in Python and C".
      if (listOnlyRe) {
        for (const m of text.matchAll(listOnlyRe)) {
          const index = m.index ?? 0;
          const entry = listOnlyForms.get(m[0]);
          const before = text.slice(Math.max(0, index - 24), index);
          const after = text.slice(index + m[0].length, index + m[0].length + 24);
          const beside = candidates.some((c) => {
            const gap =
              c.index < index
                ? text.slice(c.index + c.written.length, index)
                : text.slice(index + m[0].length, c.index);
            return /^\s*(?:,|\/|and|or|&)\s*(?:and\s+)?$/.test(gap);
          });
          if (
            entry &&
            (beside || /\b(?:in|using|with)\s+$/.test(before)) &&
            !/^\s*(?:level|grade|suite|-)/i.test(after)
          ) {
            candidates.push({ written: m[0], name: entry.name, index });
          }
        }
      }
      // The longest name wins where two overlap ("AWS Lambda" over "AWS").
      candidates.sort((a, b) => b.written.length - a.written.length || a.index - b.index);
      const hits: TechnologyHit[] = [];
      for (const c of candidates) {
        const end = c.index + c.written.length;
        if (!hits.some((h) => c.index < h.index + h.written.length && end > h.index)) hits.push(c);
      }
      return hits.sort((a, b) => a.index - b.index);
    },
    canonical(item) {
      const direct = byForm.get(item.trim().toLowerCase());
      if (direct) return direct.name;
      const bare = bareItem(item).toLowerCase();
      return byForm.get(bare)?.name ?? byForm.get(bare.replace(/\s*\.?js$/, '.js'))?.name ?? null;
    },
    category(name) {
      return byName.get(name.toLowerCase())?.category ?? null;
    },
    aliases(name) {
      return byName.get(name.toLowerCase())?.aliases ?? [];
    },
  };
}
