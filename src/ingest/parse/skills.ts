import type { Lexicon } from '../../lexicon/lexicon.ts';
import type { ParsedSkill } from '../../model/resume.ts';
import type { Line } from './lines.ts';
import { listItemTechnologies, splitList } from './stackLine.ts';

// Labels of skill lines that list something other than technologies.
// "Polish (native)", "German (B2)", "English (fluent)": spoken languages, wherever they are listed.
const SPOKEN_LEVEL =
  /\((?:native|fluent|bilingual|mother tongue|basic|intermediate|advanced|conversational|professional|full professional|limited|elementary|[ABC][12])[^)]*\)/i;
const NOT_TECH =
  /\b(?:spoken|human|natural|soft|interpersonal|personal|languages spoken|interests|hobbies|certifications?|methods|methodologies|practices)\b/i;
const TECH_LABEL =
  /\b(?:languages?|databases?|frameworks?|librar(?:y|ies)|cloud|tools?|platforms?|devops|infrastructure|data|testing|technolog(?:y|ies)|stack|backend|back-end|frontend|front-end|mobile|messaging|observability|monitoring|os|operating systems?|ml|ai|security|other)\b/i;

/** Reads listed skills: "Languages: Go, Python", bullet lists, comma lists, Markdown table cells. */
export function extractSkills(lines: Line[], lexicon: Lexicon): ParsedSkill[] {
  const skills: ParsedSkill[] = [];
  const seen = new Set<string>();
  const add = (name: string, category: string | null, line: number) => {
    const key = `${name.toLowerCase()}|${category ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    skills.push({ name, category, line });
  };
  const readPart = (text: string, line: number) => {
    const labelled = /^([^:]{1,40}):\s*(.*)$/.exec(text);
    const category = labelled?.[1]?.trim() ?? null;
    if (category && NOT_TECH.test(category)) return;
    const body = labelled ? (labelled[2] ?? '') : text;
    const items = splitList(body).filter((i) => !SPOKEN_LEVEL.test(i));
    const perItem = items.map((i) => ({ item: i, techs: listItemTechnologies(i, lexicon) }));
    const knownShare = perItem.filter((p) => p.techs.length).length / Math.max(1, items.length);
    // A sentence, or names separated only by spaces ("`Go` `Rust`" chips), is read as prose.
    if (items.length <= 1 && body.split(/\s+/).length > 5) {
      for (const hit of lexicon.technologies.inProse(body)) add(hit.written, category, line);
      return;
    }
    for (const { item, techs } of perItem) {
      if (techs.length) for (const t of techs) add(t, category, line);
      else if (
        knownShare >= 0.5 &&
        category &&
        TECH_LABEL.test(category) &&
        /^[\p{L}\d][\p{L}\d.+#\- ]{0,24}$/u.test(item) &&
        item.split(' ').length <= 3
      ) {
        add(item, category, line);
      }
    }
  };
  for (const l of lines) {
    if (!l.text) continue;
    const whole = l.tableRow
      ? l.text
          .replace(/^\||\|$/g, '')
          .split('|')
          .join(',')
      : l.text;
    // "Platforms: Kubernetes, AWS. Spoken: English and Spanish." holds two labelled lists.
    for (const part of whole.split(/[.;]\s+(?=\p{Lu}[^:.]{0,30}:)/u)) readPart(part, l.n);
  }
  return skills;
}
