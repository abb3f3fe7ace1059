import { TechnologyDocument } from '../../../src/client/index.ts';
import { isAbort, request } from '../api.ts';
import { h } from '../dom.ts';
import { barList, emptyNote, link, nothingFound, pager, personName, problemBox, section } from '../ui.ts';
import type { View } from './view.ts';

const PAGE = 20;

/** `/technology/:name`: who used it (paginated) and where. */
export const technologyView: View<'technology'> = async (route, { main, signal, title }) => {
  let result: Awaited<ReturnType<typeof load>>;
  try {
    result = await load(route.name, route.after, signal);
  } catch (error) {
    if (isAbort(error)) return;
    title(route.name);
    main.append(h('h1', { tabindex: -1 }, route.name), problemBox(error));
    return;
  }
  const t = result.technology;
  if (!t) {
    title('No such technology');
    main.append(
      h('h1', { tabindex: -1 }, 'No such technology'),
      nothingFound(`no technology is called “${route.name}” (names and aliases such as k8s are looked up).`),
    );
    return;
  }
  title(t.name);
  main.append(
    h(
      'header',
      { class: 'view-head' },
      h('h1', { tabindex: -1 }, t.name),
      h(
        'p',
        { class: 'meta' },
        [t.category, t.aliases.length ? `also written ${t.aliases.join(', ')}` : '']
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    section(
      'People',
      'technology-people',
      t.people.edges.length
        ? h(
            'ul',
            { class: 'people' },
            t.people.edges.map(({ node }) =>
              h(
                'li',
                {},
                link({ view: 'person', id: node.id }, personName(node)),
                node.headline ? h('span', { class: 'detail' }, ` — ${node.headline}`) : null,
              ),
            ),
          )
        : nothingFound(route.after ? 'no more people.' : `nobody used ${t.name}.`),
      pager(
        t.people.totalCount,
        t.people.edges.length,
        t.people.pageInfo,
        (after) => ({ view: 'technology', name: route.name, after }),
        route.after,
        'people',
      ),
    ),
    section(
      'Companies where it was used',
      'technology-companies',
      t.companies.length
        ? barList(
            t.companies.map((c) => ({
              label: link({ view: 'company', name: c.company.name }, c.company.name),
              count: c.people,
            })),
            'company-bars',
            'Companies, by the number of people who used it there',
          )
        : emptyNote('No role with an employer names it.'),
    ),
  );
};

function load(name: string, after: string | undefined, signal: AbortSignal) {
  return request(TechnologyDocument, { name, first: PAGE, after, companies: 15 }, signal);
}
