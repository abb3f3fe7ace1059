import { ApiProblem } from './api.ts';
import { type Child, h } from './dom.ts';
import { type Route, routeHref } from './routes.ts';

/** Where the app is mounted, ending in `/` (from the page's <base href>, which the server sets). */
export function basePath(): string {
  const path = new URL(document.baseURI).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** A link to a view; the app handles the click without reloading the page. */
export function link(route: Route, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href: routeHref(route, basePath()) }, ...children);
}

/** `1 employer`, `2 employers`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A person's name, or words for a person without one. */
export function personName(person: { name?: string | null }): string {
  return person.name?.trim() || 'Unnamed person';
}

/** An error in words, announced to screen readers. */
export function problemBox(error: unknown): HTMLElement {
  const message =
    error instanceof ApiProblem
      ? error.message
      : `Something went wrong in the explorer: ${error instanceof Error ? error.message : String(error)}`;
  const kind = error instanceof ApiProblem ? error.kind : 'client';
  return h('div', { class: 'problem', role: 'alert', 'data-testid': 'problem', 'data-kind': kind }, message);
}

/** "Nothing found", with what was looked for. */
export function nothingFound(what: string): HTMLElement {
  return h('p', { class: 'empty', 'data-testid': 'nothing-found' }, `Nothing found: ${what}`);
}

/** A plain note for an empty list that is not a failed lookup. */
export function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** A section with a heading (h2), for the parts of a view. */
export function section(title: string, testid: string, ...children: Child[]): HTMLElement {
  const id = `h-${testid}`;
  return h('section', { 'aria-labelledby': id, 'data-testid': testid }, h('h2', { id }, title), ...children);
}

/** Next/first page links for a Relay connection whose cursor sits in the URL as `after`. */
export function pager(
  total: number,
  shown: number,
  pageInfo: { hasNextPage: boolean; endCursor?: string | null },
  at: (after: string | undefined) => Route,
  current: string | undefined,
  noun: string,
): HTMLElement {
  return h(
    'nav',
    { class: 'pager', 'aria-label': `Pages of ${noun}` },
    h('span', {}, `${shown} shown of ${total} ${noun}${current ? ' (a later page)' : ''}`),
    current ? link(at(undefined), 'First page') : null,
    pageInfo.hasNextPage && pageInfo.endCursor ? link(at(pageInfo.endCursor), 'Next page') : null,
  );
}

/** Horizontal bars for counts (talent flow, technologies at a company): label, bar, number. */
export function barList(
  rows: readonly { label: Child; count: number }[],
  testid: string,
  caption: string,
): HTMLElement {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return h(
    'ul',
    { class: 'bars', 'data-testid': testid, 'aria-label': caption },
    rows.map((r) =>
      h(
        'li',
        { class: 'bar-row' },
        h('span', { class: 'bar-label' }, r.label),
        h(
          'span',
          { class: 'bar-track', 'aria-hidden': 'true' },
          h('span', { class: 'bar-fill', style: `width: ${((100 * r.count) / max).toFixed(1)}%` }),
        ),
        h('span', { class: 'bar-count' }, String(r.count)),
      ),
    ),
  );
}
