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

// A town or region we do not know: capitalised words, with the small words place names have.
const PLACE_WORDS =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:am|an|de|del|da|do|di|la|le|les|sur|upon|on|im|in)\s+)?\p{Lu}[\p{L}'’.-]*){0,3}$/u;

/** Builds a place matcher from city/region names plus the runtime's country names (pure). */
export function createPlaceMatcher(places: string[]): PlaceMatcher {
  const countries = new Set(
    [
      ...countryNames(),
      'Czech Republic',
      'Holland',
      'Korea',
      'Russia',
      'Turkey',
      'UK',
      'U.K.',
      'USA',
      'U.S.',
      'US',
      'U.S.A.',
      'UAE',
      'England',
      'Scotland',
      'Wales',
    ].map((p) => p.toLowerCase()),
  );
  const known = new Set([...places.map((p) => p.toLowerCase()), ...countries]);
  const norm = (part: string) => part.trim().toLowerCase().replace(/\.$/, '');
  const isKnown = (part: string) => known.has(norm(part));
  // States and provinces are written as codes ("WA", "ON"); countries by name.
  const isRegion = (part: string) =>
    countries.has(norm(part)) || (/^[A-Z]{2}$/.test(part.trim()) && isKnown(part));
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
      if (
        parts.every((p) => isKnown(p) || WORK_MODES.test(p) || /^remote\b/i.test(p)) &&
        parts.some((p) => isKnown(p) || WORK_MODES.test(p))
      ) {
        return true;
      }
      // Towns and regions we do not know, written the way places are: "Walldorf, Germany",
      // "Amsterdam, North Holland, Netherlands". A company before a city ("Microsoft, Redmond, WA") is not one.
      if (/[|·–—/&]| - /.test(t) || parts.length < 2 || !isRegion(parts[parts.length - 1] as string))
        return false;
      const middle = parts.slice(0, -1);
      if (!middle.every((p) => PLACE_WORDS.test(p) && p !== p.toUpperCase())) return false;
      return middle.length === 1 || isKnown(middle[0] as string);
    },
  };
}
