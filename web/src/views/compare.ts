import { ComparePeopleDocument, type ComparePeopleQuery } from '../../../src/client/index.ts';
import { isAbort, request } from '../api.ts';
import { sharedEmployers } from '../career.ts';
import { combobox } from '../combobox.ts';
import { formatMonth, formatMonths, formatSpan, monthOfDate } from '../dates.ts';
import { h, uid } from '../dom.ts';
import { searchSuggestions } from '../search.ts';
import { emptyNote, link, nothingFound, personName, problemBox, section } from '../ui.ts';
import type { View } from './view.ts';

type Side = NonNullable<ComparePeopleQuery['a']>;
type Role = Side['roles'][number];

function personField(
  label: string,
  name: string,
  id: string | undefined,
  shown: string | undefined,
): HTMLElement {
  const inputId = uid(name);
  const hidden = h('input', { type: 'hidden', name, value: id ?? '' });
  const input = h('input', {
    id: inputId,
    name: `${name}-name`,
    type: 'text',
    value: shown ?? '',
    placeholder: 'Type a name',
    required: true,
  });
  input.addEventListener('input', () => {
    hidden.value = '';
  });
  const field = h('div', { class: 'field' }, h('label', { for: inputId }, label), hidden);
  field.append(
    combobox(input, {
      suggest: searchSuggestions(['Person'], 8),
      pick: (option) => {
        if (option.value.__typename !== 'Person') return;
        hidden.value = option.value.id;
        input.value = personName({ name: option.value.personName });
      },
    }),
  );
  return field;
}

/** `/compare?a=&b=`: shared and distinct technologies, Jaccard, shared employers and time together. */
export const compareView: View<'compare'> = async (route, { main, signal, title, go }) => {
  title('Compare two people');
  let data: ComparePeopleQuery | undefined;
  let failure: unknown;
  if (route.a && route.b) {
    try {
      data = await request(ComparePeopleDocument, { a: route.a, b: route.b }, signal);
    } catch (error) {
      if (isAbort(error)) return;
      failure = error;
    }
  }
  const formProblem = h('p', { class: 'form-problem', role: 'alert' });
  const form = h(
    'form',
    { class: 'query-form', 'aria-label': 'Compare two people' },
    personField('First person', 'a', route.a, data?.a ? personName(data.a) : undefined),
    personField('Second person', 'b', route.b, data?.b ? personName(data.b) : undefined),
    h('button', { type: 'submit' }, 'Compare'),
    formProblem,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fd = new FormData(form);
    const a = String(fd.get('a') ?? '');
    const b = String(fd.get('b') ?? '');
    if (!a || !b) {
      formProblem.textContent = 'Choose both people from the suggestions that appear as you type.';
      return;
    }
    go({ view: 'compare', a, b });
  });
  main.append(
    h(
      'header',
      { class: 'view-head' },
      h('h1', { tabindex: -1 }, 'Compare two people'),
      h(
        'p',
        { class: 'lead' },
        'Technologies they share and do not, employers in common, and time spent there together.',
      ),
    ),
    form,
  );
  if (failure) {
    main.append(problemBox(failure));
    return;
  }
  if (!data) return;
  if (!data.a || !data.b) {
    main.append(nothingFound(`no person has the id “${!data.a ? route.a : route.b}”.`));
    return;
  }
  const { a, b, technologyOverlap: overlap } = data;
  title(`${personName(a)} and ${personName(b)}`);
  const union = overlap.shared.length + overlap.onlyA.length + overlap.onlyB.length;
  const now = monthOfDate(new Date());
  const employers = sharedEmployers(a.roles, b.roles, now);
  const until = (m: number) => (m >= now ? 'present' : formatMonth(m));
  const techList = (items: readonly { id: string; name: string }[], testid: string, none: string) =>
    items.length
      ? h(
          'ul',
          { class: 'chips', 'data-testid': testid },
          items.map((t) => h('li', {}, link({ view: 'technology', name: t.name }, t.name))),
        )
      : emptyNote(none);

  main.append(
    h(
      'div',
      { class: 'compare-results', 'data-testid': 'compare-results' },
      h(
        'p',
        { class: 'pair' },
        link({ view: 'person', id: a.id }, personName(a)),
        ' and ',
        link({ view: 'person', id: b.id }, personName(b)),
      ),
      section(
        'Technologies',
        'compare-technologies',
        h(
          'p',
          { class: 'jaccard', 'data-testid': 'jaccard' },
          `Jaccard similarity ${overlap.jaccard.toFixed(2)}: ${overlap.shared.length} shared of ${union} technologies.`,
        ),
        h('meter', { min: 0, max: 1, value: overlap.jaccard, 'aria-label': 'Jaccard similarity' }),
        h('h3', {}, 'Shared'),
        overlap.shared.length
          ? h(
              'table',
              { class: 'data', 'data-testid': 'shared-technologies' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col' }, 'Technology'),
                  h('th', { scope: 'col' }, `${personName(a)} used it`),
                  h('th', { scope: 'col' }, `${personName(b)} used it`),
                ),
              ),
              h(
                'tbody',
                {},
                overlap.shared.map((s) =>
                  h(
                    'tr',
                    {},
                    h(
                      'th',
                      { scope: 'row' },
                      link({ view: 'technology', name: s.technology.name }, s.technology.name),
                    ),
                    h(
                      'td',
                      {},
                      s.monthsA === null || s.monthsA === undefined ? '—' : formatMonths(s.monthsA),
                    ),
                    h(
                      'td',
                      {},
                      s.monthsB === null || s.monthsB === undefined ? '—' : formatMonths(s.monthsB),
                    ),
                  ),
                ),
              ),
            )
          : emptyNote('They share no technology.'),
        h('h3', {}, `Only ${personName(a)}`),
        techList(overlap.onlyA, 'only-a', `${personName(b)} has every technology of ${personName(a)}.`),
        h('h3', {}, `Only ${personName(b)}`),
        techList(overlap.onlyB, 'only-b', `${personName(a)} has every technology of ${personName(b)}.`),
      ),
      section(
        'Employers in common',
        'shared-employers',
        employers.length
          ? h(
              'ul',
              { class: 'employers' },
              employers.map((e) =>
                h(
                  'li',
                  { 'data-testid': 'shared-employer' },
                  h('strong', {}, e.name),
                  h('div', { class: 'detail' }, `${personName(a)}: ${roleSummary(e.a)}`),
                  h('div', { class: 'detail' }, `${personName(b)}: ${roleSummary(e.b)}`),
                  h(
                    'div',
                    { class: 'together', 'data-testid': 'together' },
                    e.together.length
                      ? `Together ${e.together.map(([s, t]) => `${formatMonth(s)} – ${until(t)}`).join(', ')} (${formatMonths(e.months)})`
                      : 'Never there at the same time',
                  ),
                ),
              ),
            )
          : emptyNote('They never worked for the same company (or its subsidiaries).'),
      ),
    ),
  );
};

function roleSummary(roles: readonly Role[]): string {
  return roles
    .map(
      (r) =>
        `${r.title ?? 'Untitled role'} at ${r.company?.name ?? '?'}, ${formatSpan(r.start, r.end, r.current)}`,
    )
    .join('; ');
}
