import { CompanyDocument, TalentFlowDocument } from '../../../src/client/index.ts';
import { isAbort, request } from '../api.ts';
import { h } from '../dom.ts';
import { barList, emptyNote, link, nothingFound, pager, personName, problemBox, section } from '../ui.ts';
import type { View } from './view.ts';

const PAGE = 20;

/** `/company/:name`: people (paginated), parent and subsidiaries, technologies, talent flow in and out. */
export const companyView: View<'company'> = async (route, { main, signal, title }) => {
  const [company, out, into] = await Promise.allSettled([
    request(CompanyDocument, { name: route.name, first: PAGE, after: route.after, technologies: 15 }, signal),
    request(TalentFlowDocument, { company: route.name, direction: 'OUT', first: 10 }, signal),
    request(TalentFlowDocument, { company: route.name, direction: 'IN', first: 10 }, signal),
  ]);
  if (company.status === 'rejected') {
    if (isAbort(company.reason)) return;
    title(route.name);
    main.append(h('h1', { tabindex: -1 }, route.name), problemBox(company.reason));
    return;
  }
  const c = company.value.company;
  if (!c) {
    title('No such company');
    main.append(
      h('h1', { tabindex: -1 }, 'No such company'),
      nothingFound(`no company is called “${route.name}” (names and aliases are looked up, any case).`),
    );
    return;
  }
  title(c.name);
  const flow = (result: typeof out, testid: string, caption: string, none: string) =>
    result.status === 'rejected'
      ? isAbort(result.reason)
        ? null
        : problemBox(result.reason)
      : result.value.talentFlow.length
        ? barList(
            result.value.talentFlow.map((f) => ({
              label: link({ view: 'company', name: f.company.name }, f.company.name),
              count: f.people,
            })),
            testid,
            caption,
          )
        : nothingFound(none);

  main.append(
    h(
      'header',
      { class: 'view-head' },
      h('h1', { tabindex: -1 }, c.name),
      c.aliases.length ? h('p', { class: 'meta' }, `Also known as ${c.aliases.join(', ')}`) : null,
      c.parent ? h('p', {}, 'Part of ', link({ view: 'company', name: c.parent.name }, c.parent.name)) : null,
      h(
        'p',
        {},
        link(
          { view: 'transitions', from: c.name, directOnly: false },
          `Who worked at ${c.name}, then somewhere else?`,
        ),
      ),
    ),
    section(
      'People',
      'company-people',
      h(
        'p',
        { class: 'hint' },
        `People who held a role at ${c.name}${c.subsidiaries.length ? ' or a subsidiary' : ''}.`,
      ),
      c.people.edges.length
        ? h(
            'ul',
            { class: 'people' },
            c.people.edges.map(({ node }) =>
              h(
                'li',
                { 'data-testid': 'company-person' },
                link({ view: 'person', id: node.id }, personName(node)),
                node.headline ? h('span', { class: 'detail' }, ` — ${node.headline}`) : null,
              ),
            ),
          )
        : nothingFound(route.after ? 'no more people.' : `nobody has worked at ${c.name}.`),
      pager(
        c.people.totalCount,
        c.people.edges.length,
        c.people.pageInfo,
        (after) => ({ view: 'company', name: route.name, after }),
        route.after,
        'people',
      ),
    ),
    section(
      'Subsidiaries, divisions and brands',
      'subsidiaries',
      c.subsidiaries.length
        ? h(
            'ul',
            {},
            c.subsidiaries.map((s) => h('li', {}, link({ view: 'company', name: s.name }, s.name))),
          )
        : emptyNote('None in the graph.'),
    ),
    section(
      'Technologies used there',
      'company-technologies',
      c.technologies.length
        ? barList(
            c.technologies.map((t) => ({
              label: link({ view: 'technology', name: t.technology.name }, t.technology.name),
              count: t.people,
            })),
            'technology-bars',
            'Technologies, by the number of people who used them there',
          )
        : emptyNote('No technologies were named in roles here.'),
    ),
    section(
      'Talent flow',
      'talent-flow',
      h(
        'div',
        { class: 'columns' },
        h(
          'div',
          {},
          h('h3', {}, `Where people went after ${c.name}`),
          flow(
            out,
            'flow-out',
            'Next employers, by number of people',
            'nobody has left for another employer in the graph.',
          ),
        ),
        h(
          'div',
          {},
          h('h3', {}, 'Where people came from'),
          flow(
            into,
            'flow-in',
            'Previous employers, by number of people',
            'nobody came from another employer in the graph.',
          ),
        ),
      ),
    ),
  );
};
