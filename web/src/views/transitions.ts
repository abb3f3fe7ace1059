import { CareerTransitionsDocument, type CareerTransitionsQuery } from '../../../src/client/index.ts';
import { isAbort, request } from '../api.ts';
import { gapWords } from '../career.ts';
import { combobox } from '../combobox.ts';
import { formatMonths, formatSpan } from '../dates.ts';
import { h, uid } from '../dom.ts';
import { searchSuggestions } from '../search.ts';
import { link, nothingFound, pager, personName, problemBox } from '../ui.ts';
import type { View } from './view.ts';

type Move = CareerTransitionsQuery['careerTransitions']['edges'][number]['node'];
type Role = Move['from'];

/** A labelled text input with company suggestions. */
export function companyField(label: string, name: string, value: string | undefined): HTMLElement {
  const id = uid(name);
  const input = h('input', {
    id,
    name,
    type: 'text',
    required: true,
    value: value ?? '',
    placeholder: 'e.g. Amazon',
  });
  const field = h('div', { class: 'field' }, h('label', { for: id }, label));
  field.append(
    combobox(input, {
      suggest: searchSuggestions(['Company'], 8),
      pick: (option) => {
        if (option.value.__typename === 'Company') input.value = option.value.name;
      },
    }),
  );
  return field;
}

/** `/transitions?from=&to=&within=&direct=`: who worked at A and later at B, paginated. */
export const transitionsView: View<'transitions'> = async (route, { main, signal, title, go }) => {
  title(route.from && route.to ? `${route.from}, then ${route.to}` : 'Worked at A, then B');
  const withinId = uid('within');
  const directId = uid('direct');
  const form = h(
    'form',
    { class: 'query-form', 'aria-label': 'Worked at A, then B' },
    companyField('First employer (A)', 'from', route.from),
    companyField('Later employer (B)', 'to', route.to),
    h(
      'div',
      { class: 'field narrow' },
      h('label', { for: withinId }, 'Within months (optional)'),
      h('input', {
        id: withinId,
        name: 'within',
        type: 'number',
        min: 0,
        max: 1200,
        inputmode: 'numeric',
        value: route.withinMonths ?? '',
        'aria-describedby': `${withinId}-hint`,
      }),
      h('small', { id: `${withinId}-hint` }, 'Longest gap from leaving A to joining B'),
    ),
    h(
      'div',
      { class: 'field check' },
      h('input', { id: directId, name: 'direct', type: 'checkbox', checked: route.directOnly }),
      h('label', { for: directId }, 'Direct moves only (no employer in between)'),
    ),
    h('button', { type: 'submit' }, 'Find people'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const within = String(data.get('within') ?? '').trim();
    go({
      view: 'transitions',
      from: String(data.get('from') ?? '').trim(),
      to: String(data.get('to') ?? '').trim(),
      withinMonths: within ? Number(within) : undefined,
      directOnly: data.get('direct') !== null,
    });
  });
  main.append(
    h(
      'header',
      { class: 'view-head' },
      h('h1', { tabindex: -1 }, 'Worked at A, then B'),
      h(
        'p',
        { class: 'lead' },
        'People who held a role at one company (or its subsidiaries) and a later role at another.',
      ),
    ),
    form,
  );
  if (!route.from || !route.to) return;

  const results = h('section', {
    'aria-label': 'Results',
    'aria-busy': 'true',
    'data-testid': 'transitions',
  });
  main.append(results);
  let data: CareerTransitionsQuery;
  try {
    data = await request(
      CareerTransitionsDocument,
      {
        from: route.from,
        to: route.to,
        withinMonths: route.withinMonths,
        directOnly: route.directOnly,
        first: 20,
        after: route.after,
      },
      signal,
    );
  } catch (error) {
    if (isAbort(error)) return;
    results.replaceChildren(problemBox(error));
    results.setAttribute('aria-busy', 'false');
    return;
  }
  const moves = data.careerTransitions;
  results.setAttribute('aria-busy', 'false');
  results.append(
    h(
      'h2',
      {},
      `${moves.totalCount} move${moves.totalCount === 1 ? '' : 's'} from ${route.from} to ${route.to}`,
      route.withinMonths !== undefined ? ` within ${formatMonths(route.withinMonths)}` : '',
      route.directOnly ? ', direct only' : '',
    ),
    h(
      'p',
      { class: 'hint' },
      'One entry per pair of roles: someone with two roles at the first employer appears twice. ',
      'The gap runs from leaving the first role to starting the second.',
    ),
    moves.edges.length
      ? h(
          'ol',
          { class: 'moves' },
          moves.edges.map(({ node }) =>
            h(
              'li',
              { 'data-testid': 'transition' },
              h(
                'div',
                { class: 'who' },
                link({ view: 'person', id: node.person.id }, personName(node.person)),
              ),
              h(
                'div',
                { class: 'move' },
                roleCard(node.from, 'from'),
                h('span', { class: 'gap', 'data-testid': 'gap' }, `→ ${gapWords(node.gapMonths)} →`),
                roleCard(node.to, 'to'),
              ),
            ),
          ),
        )
      : nothingFound(
          route.after
            ? 'no more moves.'
            : `nobody in the graph worked at ${route.from} and later at ${route.to}${
                route.withinMonths !== undefined || route.directOnly ? ' with these conditions' : ''
              }.`,
        ),
    pager(
      moves.totalCount,
      moves.edges.length,
      moves.pageInfo,
      (after) => ({ ...route, after }),
      route.after,
      'moves',
    ),
  );
};

function roleCard(role: Role, side: 'from' | 'to'): HTMLElement {
  return h(
    'div',
    { class: `role-card ${role.inferred ? 'inferred' : ''}`, 'data-testid': `${side}-role` },
    h('strong', {}, role.title ?? 'Untitled role'),
    ' at ',
    role.company
      ? link({ view: 'company', name: role.company.name }, role.company.name)
      : 'an unknown employer',
    h('div', { class: 'detail' }, formatSpan(role.start, role.end, role.current)),
    role.inferred ? h('div', { class: 'badge' }, 'employer inferred') : null,
  );
}
