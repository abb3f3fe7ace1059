import { SearchDocument, type SearchQuery } from '../../src/client/index.ts';
import { request } from './api.ts';
import type { ComboOption } from './combobox.ts';
import type { Route } from './routes.ts';
import { personName } from './ui.ts';

type Hit = SearchQuery['search'][number]['node'];
type Kind = Hit['__typename'];

const GROUPS: Record<Kind, string> = { Person: 'People', Company: 'Companies', Technology: 'Technologies' };
const ORDER: Kind[] = ['Person', 'Company', 'Technology'];

/** What a hit opens. */
export function routeOfHit(hit: Hit): Route {
  if (hit.__typename === 'Person') return { view: 'person', id: hit.id };
  if (hit.__typename === 'Company') return { view: 'company', name: hit.name };
  return { view: 'technology', name: hit.name };
}

/**
 * Suggestions from the `search` operation, grouped People, Companies, Technologies (best first within
 * each), optionally only some kinds. Asks for more hits than shown when filtering, so a kind with
 * lower scores still appears.
 */
export function searchSuggestions(kinds: readonly Kind[] = ORDER, first = 10) {
  return async (text: string, signal: AbortSignal): Promise<ComboOption<Hit>[]> => {
    const data = await request(
      SearchDocument,
      { text, first: kinds.length === ORDER.length ? first : first * 3 },
      signal,
    );
    return data.search
      .map((hit) => hit.node)
      .filter((node) => kinds.includes(node.__typename))
      .slice(0, first)
      .sort((a, b) => ORDER.indexOf(a.__typename) - ORDER.indexOf(b.__typename))
      .map((node) => ({
        group: GROUPS[node.__typename],
        value: node,
        ...(node.__typename === 'Person'
          ? { label: personName({ name: node.personName }), detail: node.headline ?? undefined }
          : node.__typename === 'Company'
            ? { label: node.name }
            : { label: node.name, detail: node.category ?? undefined }),
      }));
  };
}
