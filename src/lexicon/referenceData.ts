import { z } from 'zod';

/** One entry of data/technologies.json. */
export const technologyEntrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  category: z.string().min(1).default('tool'),
  /** Matched in prose only with exact capitalisation (names that are also English words: Go, Swift, Spark). */
  caseSensitive: z.boolean().optional(),
  /** Taken only from explicit lists (stack and skills lines), never from prose (C, R). */
  listOnly: z.boolean().optional(),
});
export type TechnologyEntry = z.infer<typeof technologyEntrySchema>;

/** One entry of data/companies.json. */
export const companyEntrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  parent: z.string().min(1).nullable().default(null),
  kind: z.enum(['subsidiary', 'division', 'brand']).optional(),
});
export type CompanyEntry = z.infer<typeof companyEntrySchema>;

/** The shape of a reference data file; a user's extension file may hold any of the three lists. */
export const referenceDataSchema = z.object({
  technologies: z.array(technologyEntrySchema).default([]),
  companies: z.array(companyEntrySchema).default([]),
  legalSuffixes: z.array(z.string().min(1)).default([]),
  places: z.array(z.string().min(1)).default([]),
});

/** Everything the parser and resolver know about names, merged from the built-in and user files. */
export interface ReferenceData {
  technologies: TechnologyEntry[];
  companies: CompanyEntry[];
  legalSuffixes: string[];
  /** Cities and regions (countries come from the runtime's Intl data). */
  places: string[];
}

/**
 * Merges reference data: later files extend earlier ones, and an entry with a name already known
 * replaces that entry (so users can correct a built-in parent or add aliases).
 */
export function mergeReferenceData(parts: Partial<ReferenceData>[]): ReferenceData {
  const technologies = new Map<string, TechnologyEntry>();
  const companies = new Map<string, CompanyEntry>();
  const suffixes = new Set<string>();
  const places = new Set<string>();
  for (const part of parts) {
    for (const t of part.technologies ?? []) technologies.set(t.name.toLowerCase(), t);
    for (const c of part.companies ?? []) companies.set(c.name.toLowerCase(), c);
    for (const s of part.legalSuffixes ?? []) suffixes.add(s);
    for (const p of part.places ?? []) places.add(p);
  }
  return {
    technologies: [...technologies.values()],
    companies: [...companies.values()],
    legalSuffixes: [...suffixes],
    places: [...places],
  };
}
