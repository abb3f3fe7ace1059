import type { Lexicon } from '../../lexicon/lexicon.ts';
import { looksLikeTitle } from './titles.ts';

/** A line that lists a role's technologies, optionally after a team name. */
export interface StackLine {
  team: string | null;
  /** Technology names as written. */
  items: string[];
}

const LABEL =
  /^(?:tech(?:nolog(?:y|ies))?(?:\s+(?:stack|used))?|stack|tools?(?:\s+(?:used|and technologies))?|environment|built with|skills(?: used)?|key technologies|technical environment|languages?(?: and tools)?)$/i;

/** Splits a list of technologies written in a line ("Go, Kafka and PostgreSQL"). */
export function splitList(text: string): string[] {
  // Keep commas inside parentheses with their item ("Python (Django, Flask)" → "Python (Django, Flask)").
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    current += ch;
    if (depth === 0 && /[,;·•|]/.test(ch)) {
      items.push(current.slice(0, -1));
      current = '';
    }
  }
  items.push(current);
  return items
    .flatMap((i) => i.split(/\s+(?:and|&)\s+|\s\/\s/))
    .map((i) =>
      i
        .trim()
        .replace(/^(?:and|or)\s+/i, '')
        .replace(/[.;:]$/, '')
        .trim(),
    )
    .filter((i) => i.length > 0 && i.length <= 40);
}

/** Technologies in a list item, including those inside its parentheses ("Python (Django, Flask)"). */
export function listItemTechnologies(item: string, lexicon: Lexicon): string[] {
  const inner = /\(([^)]*)\)/.exec(item)?.[1];
  const outer = item.replace(/\([^)]*\)/g, '').trim();
  const found: string[] = [];
  if (outer && lexicon.technologies.canonical(outer)) found.push(outer);
  else if (outer) for (const hit of lexicon.technologies.inProse(outer)) found.push(hit.written);
  if (inner) for (const sub of splitList(inner)) if (lexicon.technologies.canonical(sub)) found.push(sub);
  return found;
}

/**
 * Reads "Payments Team - Go, Kafka, PostgreSQL", "Tech: Go, Kafka" or "Go · Kafka · PostgreSQL".
 * A list counts as a stack when most of its items are known technologies.
 */
export function parseStackLine(text: string, lexicon: Lexicon): StackLine | null {
  let team: string | null = null;
  let list = text;
  const labelled = /^([^:]{1,40}):\s*(.+)$/.exec(text);
  const dashed = /^(.{2,60}?)\s+[-–—―]+\s+(.+)$/.exec(text);
  if (labelled?.[1] && labelled[2]) {
    if (!LABEL.test(labelled[1].trim())) team = labelled[1].trim();
    list = labelled[2];
  } else if (dashed?.[1] && dashed[2]) {
    team = dashed[1].trim();
    list = dashed[2];
  } else {
    // "Customer Data Platform | Scala, Flink, Kafka": a team, then its stack after a column gap or pipe.
    const piped = /^([^|,]{2,60}?)\s+\|\s+(.+,.+)$/.exec(text);
    if (piped?.[1] && piped[2] && !lexicon.technologies.canonical(piped[1])) {
      team = piped[1].trim();
      list = piped[2];
    }
  }
  const items = splitList(list);
  if (items.length === 0) return null;
  // An item counts when it is a technology name, not a phrase that mentions one ("Scripted deployments in Python").
  // "iOS Developer, Tailwind Traders" names a title and an employer, not two technologies.
  const known = items.filter((i) => {
    const outer = i.replace(/\([^)]*\)/g, '').trim();
    if (outer.split(/\s+/).length > 3 || listItemTechnologies(i, lexicon).length === 0) return false;
    if (lexicon.technologies.canonical(outer)) return true;
    return !looksLikeTitle(outer) && !lexicon.companies.isKnown(outer);
  });
  const enough =
    labelled && LABEL.test(labelled[1]?.trim() ?? '')
      ? known.length >= 1
      : known.length >= Math.max(1, Math.ceil(items.length * 0.6));
  if (!enough || (items.length === 1 && !team && !labelled)) return null;
  // A "team" that is itself a technology ("Go - Kafka, Redis", "Azure: Azure Data Factory") is part of
  // the list, not a team.
  if (team && lexicon.technologies.canonical(team)) {
    items.unshift(team);
    team = null;
  }
  const names = items.flatMap((i) => {
    const techs = listItemTechnologies(i, lexicon);
    // Unknown items on a line that is mostly technologies are kept: the list says they are technologies.
    return techs.length > 0
      ? techs
      : /^[\p{L}\d][\p{L}\d.+#\- ]{0,24}$/u.test(i) && i.split(' ').length <= 3
        ? [i]
        : [];
  });
  return { team, items: names };
}
