import { PeopleDocument, type PeopleQuery } from '../../../src/client/index.ts';
import { isAbort, request } from '../api.ts';
import { h } from '../dom.ts';
import { link, nothingFound, pager, personName, problemBox, section } from '../ui.ts';
import type { View } from './view.ts';

/** `/`: what the explorer answers, and a page of the people in the graph. */
export const homeView: View<'home'> = async (route, { main, signal, title }) => {
  title('Explore');
  main.append(
    h(
      'header',
      { class: 'view-head' },
      h('h1', { tabindex: -1 }, 'Explore the career graph'),
      h('p', { class: 'lead' }, 'Search people, companies and technologies above, or start from a question:'),
      h(
        'ul',
        { class: 'questions' },
        h(
          'li',
          {},
          link(
            { view: 'transitions', from: 'Amazon', to: 'Meta', directOnly: false },
            'Who worked at Amazon and later at Meta?',
          ),
        ),
        h('li', {}, link({ view: 'company', name: 'Google' }, 'Where do Google’s people go next?')),
        h('li', {}, link({ view: 'compare' }, 'What do two people have in common?')),
      ),
    ),
  );
  const people = section('People', 'people', h('p', { 'aria-busy': 'true' }, 'Loading…'));
  main.append(people);
  let data: PeopleQuery;
  try {
    data = await request(PeopleDocument, { first: 20, after: route.after }, signal);
  } catch (error) {
    if (isAbort(error)) return;
    people.lastElementChild?.replaceWith(problemBox(error));
    return;
  }
  const page = data.people;
  people.lastElementChild?.replaceWith(
    page.edges.length
      ? h(
          'ul',
          { class: 'people' },
          page.edges.map(({ node }) => {
            const detail = [node.headline, node.companies.map((c) => c.name).join(', ')]
              .filter(Boolean)
              .join(' — ');
            return h(
              'li',
              { 'data-testid': 'person-item' },
              link({ view: 'person', id: node.id }, personName(node)),
              detail ? h('span', { class: 'detail' }, ` — ${detail}`) : null,
            );
          }),
        )
      : nothingFound(
          route.after
            ? 'no more people.'
            : 'the graph is empty. Ingest résumés with “npx careergraph ingest <files>”.',
        ),
  );
  people.append(
    pager(
      page.totalCount,
      page.edges.length,
      page.pageInfo,
      (after) => ({ view: 'home', after }),
      route.after,
      'people',
    ),
  );
};
