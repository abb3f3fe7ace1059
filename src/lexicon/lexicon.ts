import { type CompanyResolver, createCompanyResolver } from './companyResolver.ts';
import { createPlaceMatcher, type PlaceMatcher } from './placeMatcher.ts';
import type { ReferenceData } from './referenceData.ts';
import { createTechnologyMatcher, type TechnologyMatcher } from './technologyMatcher.ts';

/** What the parser and resolver know about names: built once per process from the reference data. */
export interface Lexicon {
  technologies: TechnologyMatcher;
  companies: CompanyResolver;
  places: PlaceMatcher;
}

/** Builds the lexicon from merged reference data (pure). */
export function createLexicon(data: ReferenceData): Lexicon {
  return {
    technologies: createTechnologyMatcher(data.technologies),
    companies: createCompanyResolver(data.companies, data.legalSuffixes),
    places: createPlaceMatcher(data.places),
  };
}
