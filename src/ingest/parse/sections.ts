import type { Line } from './lines.ts';

export type SectionKind =
  | 'header'
  | 'summary'
  | 'experience'
  | 'skills'
  | 'education'
  | 'projects'
  | 'publications'
  | 'certifications'
  | 'languages'
  | 'other';

/** A run of lines under one section heading; the part before any heading is `header`. */
export interface Section {
  kind: SectionKind;
  /** The heading line, absent for the leading `header` section. */
  heading: Line | null;
  lines: Line[];
}

// Headings are matched whole (after stripping punctuation), so a sentence mentioning "experience" is not one.
const HEADINGS: [SectionKind, RegExp][] = [
  // Checked first: these contain words the experience pattern would take ("volunteer experience").
  [
    'other',
    /^(?:interests|hobbies|volunteering|volunteer(?:ing)? (?:experience|work|roles?)|references|activities|extracurricular(?: activities)?|memberships|affiliations|misc(?:ellaneous)?|additional(?: information)?|personal(?: details| information| data)?|persönliche daten|angaben zur person|données personnelles|informations personnelles|datos personales|dados pessoais|dati personali|contact(?: (?:details|information|me))?|other|honors?-awards|honou?rs (?:and|&) awards)$/,
  ],
  [
    'projects',
    /^(?:(?:selected|personal|side|open[- ]source|key|notable|academic)\s+)*(?:projects?|open source|contributions|portfolio)(?:\s+(?:and|&) (?:contributions|experience))?$/,
  ],
  [
    'publications',
    /^(?:(?:selected|recent)\s+)?(?:publications|talks|speaking|talks (?:and|&) (?:publications|writing)|publications (?:and|&) talks|conference talks|presentations|papers|writing|articles|patents|awards|honors|honours|awards (?:and|&) honou?rs|achievements)$/,
  ],
  [
    'experience',
    /^(?:(?:relevant|professional|work|working|employment|career|industry|industrial|selected|technical|engineering|leadership|other|previous|recent|prior|research|academic|teaching|consulting|consultancy|freelance|freelancing|independent|client|clients|contractor|self-employed|additional|earlier|early|more|further|permanent|contract|contracting|temporary|interim|part-time|full-time)\s+)*(?:experience|experiences|history|employment|work|career|positions|roles|background|contracts|engagements|appointments|assignments|clients|internships?|placements?|apprenticeships?|co-ops?|co-op terms|jobs)(?:\s+(?:history|experience|summary|highlights))?(?:\s+(?:and|&)\s+(?:leadership|achievements|projects))?$|^work history$|^where i(?:'ve| have) worked$|^(?:experience|employment|career)$|^(?:berufserfahrung|berufliche erfahrung|beruflicher werdegang|werdegang|praxiserfahrung|expériences? professionnelles?|parcours professionnel|expérience|experiencia(?: laboral| profesional)?|experiência(?: profissional)?|esperienz[ae](?: lavorativ[ae]| professional[ei])?|werkervaring|arbetslivserfarenhet|erhvervserfaring|arbeidserfaring)$/,
  ],
  [
    'skills',
    /^(?:(?:top|technical|core|key|professional|relevant|selected|tech|hard|it|computer)\s+)*(?:skills|skill set|skillset|competencies|competences|expertise|technologies|tech stack|stack|tools|toolbox|proficiencies|qualifications|tools (?:and|&) technologies|technologies (?:and|&) tools|skills (?:and|&) (?:tools|technologies|expertise)|kenntnisse|it-kenntnisse|fachkenntnisse|fähigkeiten|compétences(?: techniques)?|habilidades(?: técnicas)?|competencias(?: técnicas)?|conocimientos(?: técnicos)?|competências(?: técnicas)?|conhecimentos(?: técnicos)?|competenze(?: tecniche| informatiche| digitali)?|vaardigheden)$/,
  ],
  [
    'education',
    /^(?:education|academic background|academic history|academics|studies|qualifications (?:and|&) education|education (?:and|&) (?:training|certifications|qualifications)|training|degrees?|ausbildung|bildungsweg|studium|formation|formación|educación|formação|istruzione(?: e formazione)?|opleiding|utbildning|uddannelse|utdanning)$/,
  ],
  [
    'summary',
    /^(?:summary|professional summary|profile|professional profile|about(?: me)?|objective|career objective|overview|introduction|bio|highlights|career summary|personal statement)$/,
  ],
  [
    'certifications',
    /^(?:certifications?|certificates|licenses(?: (?:and|&) certifications)?|courses|certifications (?:and|&) (?:training|courses))$/,
  ],
  ['languages', /^(?:(?:spoken\s+)?languages|language skills|spoken languages)$/],
];

function normaliseHeading(text: string): string {
  // "E X P E R I E N C E" → "experience"; "~~~ Skills ~~~", "[ Education ]", "Skills:" → the words.
  const letters = /^(?:\p{L} ){3,}\p{L}(?:\s{2,}(?:\p{L} )*\p{L})*$/u.test(text.trim())
    ? text
        .trim()
        .split(/\s{2,}/)
        .map((w) => w.replace(/ /g, ''))
        .join(' ')
    : text;
  return letters
    .toLowerCase()
    .replace(/^[^\p{L}]+|[^\p{L})]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function kindOf(key: string): SectionKind | null {
  for (const [kind, pattern] of HEADINGS) if (pattern.test(key)) return kind;
  return null;
}

/** The section kind a line announces, or null when it is not a section heading. */
export function headingKind(line: Line): SectionKind | null {
  if (!line.text || line.text.length > 48 || line.tableRow) return null;
  // A bullet saying "Experience" is a list item, not a heading.
  if (line.bullet && !line.heading) return null;
  const key = normaliseHeading(line.text);
  const kind = kindOf(key);
  if (kind) return kind;
  // "Certifications & talks", "Skills / Tools": every part a heading of its own; the first decides.
  const pieces = key.split(/\s*(?:&|\band\b|\/|,|\+)\s*/).filter(Boolean);
  if (pieces.length > 1 && pieces.every((p) => kindOf(p) || kindOf(`${p}s`)))
    return kindOf(pieces[0] as string) ?? kindOf(`${pieces[0]}s`);
  // Unknown all-caps lines are not headings: résumés write employers in capitals too ("CONTOSO LTD").
  return null;
}

/** Splits lines into sections at their headings. */
export function splitSections(lines: Line[]): Section[] {
  const sections: Section[] = [{ kind: 'header', heading: null, lines: [] }];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const kind = headingKind(line);
    if (kind) {
      sections.push({ kind, heading: line, lines: [] });
      continue;
    }
    (sections[sections.length - 1] as Section).lines.push(line);
  }
  return sections;
}
