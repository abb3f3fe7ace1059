import './styles.css';
import { isAbort } from './api.ts';
import { combobox } from './combobox.ts';
import { h } from './dom.ts';
import { parseRoute, type Route, routeHref } from './routes.ts';
import { routeOfHit, searchSuggestions } from './search.ts';
import { basePath, problemBox } from './ui.ts';
import { companyView } from './views/company.ts';
import { compareView } from './views/compare.ts';
import { homeView } from './views/home.ts';
import { personView } from './views/person.ts';
import { technologyView } from './views/technology.ts';
import { transitionsView } from './views/transitions.ts';
import type { View, ViewContext } from './views/view.ts';

const notFoundView: View<'not-found'> = async (route, { main, title }) => {
  title('Not found');
  main.append(
    h('h1', { tabindex: -1 }, 'Nothing here'),
    h('p', { 'data-testid': 'nothing-found' }, `Nothing found: ${route.path} is not a page of the explorer.`),
  );
};

const VIEWS: { [K in Route['view']]: View<K> } = {
  home: homeView,
  person: personView,
  company: companyView,
  technology: technologyView,
  transitions: transitionsView,
  compare: compareView,
  'not-found': notFoundView,
};

const main = document.getElementById('main') as HTMLElement;
let current: AbortController | undefined;

/** Draws the view of the address bar's URL; `focusHeading` after the user moved (not on first load). */
async function render(focusHeading: boolean): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const route = parseRoute(location.pathname, location.search, basePath());
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (a.dataset.nav === route.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const container = h('div', { class: 'view', 'data-view': route.view });
  main.replaceChildren(container);
  main.setAttribute('aria-busy', 'true');
  delete main.dataset.ready;
  const context: ViewContext = {
    main: container,
    signal: controller.signal,
    title: (text) => {
      document.title = `${text} — careergraph`;
    },
    go,
  };
  // Said only when an answer takes a moment, so fast pages do not flicker.
  const loading = h('p', { class: 'loading', role: 'status' }, 'Loading…');
  const slow = window.setTimeout(() => main.append(loading), 300);
  try {
    await (VIEWS[route.view] as View<typeof route.view>)(route as never, context);
  } catch (error) {
    if (!isAbort(error) && !controller.signal.aborted) container.append(problemBox(error));
  } finally {
    window.clearTimeout(slow);
    loading.remove();
  }
  if (controller.signal.aborted) return;
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = route.view;
  const active = document.activeElement;
  if (focusHeading && (!active || active === document.body || active.id === 'search')) {
    container.querySelector<HTMLElement>('h1')?.focus();
  }
}

/** Goes to a route: a new history entry, then its view. */
function go(route: Route): void {
  history.pushState(null, '', routeHref(route, basePath()));
  void render(true);
}

// Links inside the app change views without reloading; other links (the API, résumé links) load.
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a || event.defaultPrevented || event.button !== 0) return;
  if (
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    a.target ||
    a.hasAttribute('download')
  )
    return;
  if (a.classList.contains('skip')) {
    // The page has a <base href>, so "#main" would point at the base URL: move focus by hand.
    event.preventDefault();
    main.focus();
    return;
  }
  const url = new URL(a.href);
  const base = basePath();
  if (url.origin !== location.origin || !url.pathname.startsWith(base) || url.pathname === `${base}graphql`)
    return;
  event.preventDefault();
  if (url.href === location.href) return;
  history.pushState(null, '', url.href);
  void render(true);
});
window.addEventListener('popstate', () => void render(true));

const search = document.getElementById('search') as HTMLInputElement;
const searchSlot = search.parentElement as HTMLElement;
const searchBox = combobox(search, {
  suggest: searchSuggestions(),
  pick: (option) => {
    search.value = '';
    go(routeOfHit(option.value));
  },
});
searchBox.querySelector('[role="listbox"]')?.setAttribute('data-testid', 'search-results');
searchSlot.append(searchBox);

void render(false);
