/**
 * The parsed résumé: the one shape every reader and parser ends in, whatever the input format.
 * Plain data, no behaviour, so it can be printed (`ingest --dry-run`) and compared in tests.
 */

/** A calendar date known to the year, or to the year and month. */
export interface PartialDate {
  year: number;
  /** 1–12; absent when only the year is known. */
  month?: number;
}

/** A problem found while reading one résumé; a value, never an exception. */
export interface ParseWarning {
  /** 1-based line in the source text, when the problem has one. */
  line?: number;
  code:
    | 'UNREADABLE_DATE'
    | 'NO_EMPLOYER'
    | 'NO_TITLE'
    | 'NO_DATES'
    | 'END_BEFORE_START'
    | 'FUTURE_DATE'
    | 'NO_NAME'
    | 'NO_ROLES'
    | 'OTHER';
  message: string;
}

export interface ParsedPerson {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  headline: string | null;
  links: string[];
  /** Line of the name, when found. */
  line: number | null;
}

/** A technology named in a role or a skills list, as written (resolution canonicalises it later). */
export interface TechnologyMention {
  name: string;
  line: number;
}

export interface ParsedRole {
  title: string | null;
  employer: string | null;
  /** The team, unit or product area inside the employer ("Payments Team", "Storage"). */
  team: string | null;
  location: string | null;
  start: PartialDate | null;
  end: PartialDate | null;
  /** True for "Present", "Now", "current" and open-ended ranges. */
  current: boolean;
  technologies: TechnologyMention[];
  /** Line of the role's title (or its first line). */
  line: number;
  /** Lines of the role block, first to last, inclusive. */
  lines: [number, number];
  /** True when the employer was not stated on the role but taken from elsewhere (a summary, the prose). */
  employerInferred: boolean;
  /** The line the employer was read from, when different from `line`. */
  employerLine: number | null;
}

export interface ParsedSkill {
  name: string;
  /** The label of the skills line ("Languages", "Databases"), when there is one. */
  category: string | null;
  line: number;
}

export interface ParsedEducation {
  school: string | null;
  degree: string | null;
  field: string | null;
  start: PartialDate | null;
  end: PartialDate | null;
  line: number;
}

export interface ParsedResume {
  person: ParsedPerson;
  roles: ParsedRole[];
  skills: ParsedSkill[];
  education: ParsedEducation[];
  warnings: ParseWarning[];
}
