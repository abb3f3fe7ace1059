/** Tells whether a short text names a place ("Lisbon, Portugal", "Remote", "Austin, TX"). */
export interface PlaceMatcher {
  isPlace(text: string): boolean;
}

const WORK_MODES =
  /^(?:fully\s+)?(?:remote|hybrid|on[- ]?site|onsite|in[- ]office|distributed|worldwide|anywhere|home[- ]based|relocated)$/i;

function countryNames(): string[] {
  const names: string[] = [];
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = display.of(code);
        if (name && name !== code) names.push(name, name.replace(/\s*\(.*\)$/, '').replace(/&/g, 'and'));
      } catch {
        // not a region code
      }
    }
  }
  return names;
}

/** Builds a place matcher from city/region names plus the runtime's country names (pure). */
export function createPlaceMatcher(places: string[]): PlaceMatcher {
  const known = new Set(
    [...places, ...countryNames(), 'Czech Republic', 'Holland', 'Korea', 'Russia', 'Turkey'].map((p) =>
      p.toLowerCase(),
    ),
  );
  const isKnown = (part: string) => known.has(part.trim().toLowerCase().replace(/\.$/, ''));
  return {
    isPlace(text) {
      const t = text
        .replace(/\((?:[^)]*)\)/g, (m) => (WORK_MODES.test(m.slice(1, -1).trim()) ? '' : m))
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[.;]$/, '');
      if (!t || t.length > 60 || /\d{3,}|@/.test(t)) return false;
      if (WORK_MODES.test(t)) return true;
      // "Remote (EU)", "Remote – Portugal", "Lisbon / Remote"
      const parts = t.split(/\s*(?:,|\/|·|\||–|—| - |\bor\b|&)\s*/).filter(Boolean);
      if (parts.length === 0 || parts.length > 4) return false;
      return (
        parts.every((p) => isKnown(p) || WORK_MODES.test(p) || /^remote\b/i.test(p)) &&
        parts.some((p) => isKnown(p) || WORK_MODES.test(p))
      );
    },
  };
}
