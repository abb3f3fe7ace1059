import type { ParseWarning } from '../../model/resume.ts';

/** Where a résumé came from; `key` identifies the file across versions (its path or given name). */
export interface SourceInfo {
  key: string;
  fileName: string;
  sha256: string;
  format: string;
}

export interface ResolvedCompany {
  id: string;
  name: string;
  /** Reference aliases plus names written for it in this résumé that differ from the canonical name. */
  aliases: string[];
  parentId: string | null;
  /** subsidiary, division or brand when it has a parent. */
  kind: string | null;
}

export interface ResolvedTechnology {
  id: string;
  name: string;
  /** Reference aliases plus the spellings written in this résumé. */
  aliases: string[];
  category: string | null;
}

export interface ResolvedRole {
  id: string;
  title: string | null;
  team: string | null;
  location: string | null;
  /** `YYYY` or `YYYY-MM`. */
  start: string | null;
  end: string | null;
  /** Months since year 0 of the earliest month the start can mean; null when undated. */
  startOrd: number | null;
  /** Months since year 0 of the latest month the end can mean; null when open or undated. */
  endOrd: number | null;
  current: boolean;
  line: number;
  companyId: string | null;
  employerWritten: string | null;
  inferred: boolean;
  confidence: number;
  /** The line the employer was read from. */
  employerLine: number | null;
  technologies: { id: string; line: number }[];
}

/** A résumé with every name resolved to a canonical node and every node given a stable id. */
export interface ResolvedResume {
  source: SourceInfo & { id: string };
  person: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    location: string | null;
    headline: string | null;
    links: string[];
    line: number | null;
  };
  roles: ResolvedRole[];
  companies: ResolvedCompany[];
  technologies: ResolvedTechnology[];
  skills: { technologyId: string; category: string | null; line: number }[];
  education: {
    id: string;
    school: string | null;
    degree: string | null;
    field: string | null;
    start: string | null;
    end: string | null;
    line: number;
  }[];
  warnings: ParseWarning[];
}
