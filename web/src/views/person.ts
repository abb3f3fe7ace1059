import { PersonDocument, type PersonQuery, SimilarPeopleDocument } from '../../../src/client/index.ts';
import { isAbort, request } from '../api.ts';
import { technologyDurations } from '../career.ts';
import { formatMonths, formatPartialDate, type Month, monthOfDate } from '../dates.ts';
import { h } from '../dom.ts';
import { neighbourhoodGraph } from '../graph.ts';
import { timeline } from '../timeline.ts';
import { count, emptyNote, link, nothingFound, personName, problemBox, section } from '../ui.ts';
import type { View } from './view.ts';

type Person = NonNullable<PersonQuery['person']>;

/** `/person/:id`: timeline, graph, technologies with time used, education, sources, similar people. */
export const personView: View<'person'> = async (route, { main, signal, title }) => {
  const [result, similar] = await Promise.allSettled([
    request(PersonDocument, { id: route.id }, signal),
    request(SimilarPeopleDocument, { to: route.id, first: 5 }, signal),
  ]);
  if (result.status === 'rejected') {
    if (isAbort(result.reason)) return;
    title('Person');
    main.append(h('h1', { tabindex: -1 }, 'Person'), problemBox(result.reason));
    return;
  }
  const person = result.value.person;
  if (!person) {
    title('No such person');
    main.append(
      h('h1', { tabindex: -1 }, 'No such person'),
      nothingFound(`no person has the id “${route.id}”.`),
    );
    return;
  }
  const name = personName(person);
  title(name);
  const now = monthOfDate(new Date());
  const graph = neighbourhoodGraph(person, signal);

  main.append(
    h(
      'header',
      { class: 'view-head' },
      h('h1', { tabindex: -1 }, name),
      person.headline ? h('p', { class: 'lead' }, person.headline) : null,
      h(
        'p',
        { class: 'meta' },
        [person.location, person.email].filter(Boolean).join(' · '),
        ...person.links.map((url) => [
          ' · ',
          /^https?:\/\//i.test(url)
            ? h('a', { href: url, rel: 'noopener noreferrer external' }, url)
            : h('span', { class: 'url' }, url),
        ]),
      ),
      h('p', {}, link({ view: 'compare', a: person.id }, `Compare ${name} with someone`)),
    ),
    section(
      'Career timeline',
      'timeline-section',
      person.roles.length ? timeline(person.roles, now) : emptyNote('No roles were read for this person.'),
    ),
    section('Neighbourhood graph', 'graph-section', graph.element),
    section('Technologies', 'technologies', technologiesTable(person, now)),
    section(
      'Education',
      'education',
      person.education.length
        ? h(
            'ul',
            {},
            person.education.map((e) =>
              h(
                'li',
                {},
                [e.degree, e.field].filter(Boolean).join(', ') || 'Studies',
                e.school ? ` — ${e.school}` : '',
                e.start || e.end ? ` (${formatPartialDate(e.start)} – ${formatPartialDate(e.end)})` : '',
              ),
            ),
          )
        : emptyNote('No education was read for this person.'),
    ),
    section(
      'Sources',
      'sources',
      h(
        'ul',
        {},
        person.sources.map((s) =>
          h(
            'li',
            {},
            h('span', { class: 'file' }, s.fileName),
            ` — ${s.format}, read ${new Date(s.ingestedAt).toLocaleString()}`,
            h('span', { class: 'sha' }, ` sha256 ${s.sha256.slice(0, 12)}…`),
          ),
        ),
      ),
    ),
    section(
      'Similar people',
      'similar',
      similar.status === 'rejected'
        ? isAbort(similar.reason)
          ? null
          : problemBox(similar.reason)
        : similar.value.similarPeople.length
          ? h(
              'ul',
              {},
              similar.value.similarPeople.map((s) =>
                h(
                  'li',
                  {},
                  link({ view: 'person', id: s.person.id }, personName(s.person)),
                  ` — shares ${count(s.sharedTechnologies.length, 'technology', 'technologies')} and ${count(s.sharedCompanies.length, 'employer', 'employers')} · `,
                  link({ view: 'compare', a: person.id, b: s.person.id }, 'compare'),
                ),
              ),
            )
          : emptyNote('Nobody shares technologies or employers with this person.'),
    ),
  );
  await graph.start();
};

function technologiesTable(person: Person, now: Month): HTMLElement {
  const rows = technologyDurations(person, now);
  if (!rows.length) return emptyNote('No technologies were read for this person.');
  return h(
    'table',
    { class: 'data', 'data-testid': 'technology-table' },
    h('caption', { class: 'sr-only' }, 'Technologies and how long each was used'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Technology'),
        h('th', { scope: 'col' }, 'Used for'),
        h('th', { scope: 'col' }, 'Roles'),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, link({ view: 'technology', name: r.technology.name }, r.technology.name)),
          h(
            'td',
            {},
            r.months === null ? (r.roles ? 'dates unknown' : 'listed as a skill') : formatMonths(r.months),
          ),
          h('td', { class: 'num' }, r.roles ? String(r.roles) : '—'),
        ),
      ),
    ),
  );
}
