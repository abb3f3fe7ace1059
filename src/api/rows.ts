/** Shapes of the rows the api/ Cypher files return (plain objects, see src/graph/plain.ts). */
export interface PersonRow {
  id: string;
  name: string | null;
  email: string | null;
  location: string | null;
  headline: string | null;
  links: string[] | null;
}

export interface RoleRow {
  id: string;
  title: string | null;
  team: string | null;
  location: string | null;
  start: string | null;
  end: string | null;
  startOrd: number | null;
  endOrd: number | null;
  current: boolean;
  line: number;
  inferred: boolean | null;
  confidence: number | null;
  personId: string;
  companyId: string | null;
  fileName: string | null;
  sha256: string | null;
}

export interface CompanyRow {
  id: string;
  name: string;
  aliases: string[] | null;
  parentId: string | null;
}

export interface TechnologyRow {
  id: string;
  name: string;
  aliases: string[] | null;
  category: string | null;
}

export interface EducationRow {
  id: string;
  school: string | null;
  degree: string | null;
  field: string | null;
  start: string | null;
  end: string | null;
}

export interface SourceRow {
  id: string;
  fileName: string;
  sha256: string;
  format: string;
  ingestedAt: string;
}

/** A USED or SKILLED_IN fact with where it was read (stackByRoles, skillsByPersons). */
export interface ProvenanceRow {
  technologyId: string;
  category?: string | null;
  line: number | null;
  extractor: string | null;
  confidence: number | null;
  fileName: string | null;
  sha256: string | null;
}
