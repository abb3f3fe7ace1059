import type { ComparableResume } from '../eval/comparable.ts';
import { renderDocx, renderPdf } from '../eval/renderDocuments.ts';
import { type Layout, renderResume } from '../eval/renderResume.ts';
import type { GenDate, GenPerson } from './careers.ts';
import type { CompanyUniverse } from './companies.ts';

/** File formats the generator writes; each is a format `ingest` reads. */
export const GEN_FORMATS = ['txt', 'md', 'json', 'pdf', 'docx'] as const;
export type GenFormat = (typeof GEN_FORMATS)[number];

/** The text layouts of plain-text résumés (Markdown has its own). */
export const TEXT_LAYOUTS: Layout[] = ['classic', 'pipe', 'dates-first', 'company-block'];

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (d: GenDate) => (d.month ? `${d.year}-${pad(d.month)}` : String(d.year));

const sortNames = (names: Iterable<string>) =>
  [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));

/**
 * The résumé as comparable fields. `employers: 'written'` gives what the file says (for rendering);
 * `'canonical'` gives what a correct extraction holds (the truth), employers by canonical name.
 */
export function toComparableResume(
  person: GenPerson,
  universe: CompanyUniverse,
  employers: 'written' | 'canonical',
): ComparableResume {
  return {
    person: { name: person.name.full, email: person.email, location: person.location },
    roles: person.roles.map((r) => ({
      title: r.title,
      employer: employers === 'written' ? r.employerWritten : (universe.companies[r.company]?.name ?? null),
      team: null,
      location: r.location,
      start: dateText(r.start),
      end: r.end ? dateText(r.end) : null,
      current: r.end === null,
      technologies: employers === 'written' ? r.technologies : sortNames(r.technologies),
    })),
    skills: employers === 'written' ? person.skills : sortNames(person.skills),
    education: person.education.map((e) => ({ ...e })),
  };
}

/** The person as a JSON Resume (jsonresume.org schema v1). */
export function toJsonResume(person: GenPerson): Record<string, unknown> {
  return {
    basics: {
      name: person.name.full,
      label: person.headline,
      email: person.email,
      location: { city: person.location },
    },
    work: person.roles.map((r) => ({
      name: r.employerWritten,
      position: r.title,
      location: r.location,
      startDate: dateText(r.start),
      ...(r.end ? { endDate: dateText(r.end) } : {}),
      keywords: r.technologies,
    })),
    education: person.education.map((e) => ({
      institution: e.school,
      area: e.field,
      studyType: e.degree,
      startDate: e.start,
      endDate: e.end,
    })),
    skills: [{ name: 'Technologies', keywords: person.skills }],
  };
}

/** One rendered file: its bytes, extension and the layout used. */
export interface RenderedFile {
  extension: string;
  layout: string;
  content: string | Uint8Array;
}

/**
 * Renders a person in a format: text in one of four layouts, Markdown, JSON Resume, or a PDF (one or
 * two columns) or DOCX made from a text layout — the renderers `npm run eval` measures extraction with.
 */
export async function renderPerson(
  person: GenPerson,
  universe: CompanyUniverse,
  format: GenFormat,
  variant: number,
): Promise<RenderedFile> {
  const written = toComparableResume(person, universe, 'written');
  switch (format) {
    case 'txt': {
      const layout = TEXT_LAYOUTS[variant % TEXT_LAYOUTS.length] as Layout;
      return { extension: 'txt', layout, content: renderResume(written, layout) };
    }
    case 'md':
      return { extension: 'md', layout: 'markdown', content: renderResume(written, 'markdown') };
    case 'json':
      return {
        extension: 'json',
        layout: 'json-resume',
        content: `${JSON.stringify(toJsonResume(person), null, 2)}\n`,
      };
    case 'pdf': {
      const columns = variant % 2 === 0 ? 1 : 2;
      const layout = variant % 4 < 2 ? 'markdown' : 'classic';
      return {
        extension: 'pdf',
        layout: `${layout}, ${columns} column${columns === 2 ? 's' : ''}`,
        content: await renderPdf(renderResume(written, layout), columns),
      };
    }
    case 'docx':
      return {
        extension: 'docx',
        layout: 'markdown',
        content: await renderDocx(renderResume(written, 'markdown')),
      };
  }
}
