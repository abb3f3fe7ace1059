import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** A short stable hash of the given parts; the same input gives the same id on every run. */
export function stableHash(...parts: (string | number | null | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u001f'))
    .digest('base64url')
    .slice(0, 16);
}

// Company and technology names repeat across a corpus (Python, Amazon…); slugify transliterates every
// character, a tenth of the parse time before this cache. Bounded so a huge run cannot grow it forever.
const slugCache = new Map<string, string>();
const SLUG_CACHE_SIZE = 50_000;

/** Readable, stable slug for a name; symbols that slugify drops are spelled out so C, C# and C++ differ. */
export function nameSlug(name: string): string {
  const cached = slugCache.get(name);
  if (cached !== undefined) return cached;
  const slug = computeSlug(name);
  if (slugCache.size >= SLUG_CACHE_SIZE) slugCache.clear();
  slugCache.set(name, slug);
  return slug;
}

function computeSlug(name: string): string {
  const spelled = name
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/^\./, 'dot ')
    .replace(/&/g, ' and ');
  return slugify(spelled) || stableHash(name);
}

export const companyId = (canonicalName: string) => `company:${nameSlug(canonicalName)}`;
export const technologyId = (canonicalName: string) => `technology:${nameSlug(canonicalName)}`;
export const sourceId = (sourceKey: string) => `source:${stableHash(sourceKey)}`;
