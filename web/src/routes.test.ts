import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routeHref } from './routes.ts';

const read = (href: string, base = '/') => {
  const url = new URL(href, 'http://explorer.test');
  return parseRoute(url.pathname, url.search, base);
};

describe('routes', () => {
  const routes: Route[] = [
    { view: 'home' },
    { view: 'home', after: 'b2ZmOjE5' },
    { view: 'person', id: 'person:WgBEC/Nm06' },
    { view: 'company', name: 'Amazon Web Services' },
    { view: 'company', name: 'AT&T / Mobility', after: 'abc' },
    { view: 'technology', name: 'C#' },
    { view: 'transitions', from: 'Amazon', to: 'Meta', withinMonths: 12, directOnly: true, after: 'x' },
    { view: 'transitions', from: 'Amazon', directOnly: false },
    { view: 'compare', a: 'person:a', b: 'person:b' },
    { view: 'compare' },
  ];

  it.each(routes)('reads back what it writes: %o', (route) => {
    const clean = JSON.parse(JSON.stringify(route));
    expect(read(routeHref(route))).toEqual(expect.objectContaining(clean));
    expect(read(routeHref(route, '/careergraph/'), '/careergraph/')).toEqual(expect.objectContaining(clean));
  });

  it('writes readable URLs', () => {
    expect(routeHref({ view: 'company', name: 'Amazon Web Services' })).toBe(
      '/company/Amazon%20Web%20Services',
    );
    expect(routeHref({ view: 'transitions', from: 'Amazon', to: 'Meta', directOnly: false })).toBe(
      '/transitions?from=Amazon&to=Meta',
    );
    expect(routeHref({ view: 'home' }, '/cg/')).toBe('/cg/');
  });

  it('ignores what it cannot use and calls unknown paths not found', () => {
    expect(read('/transitions?from=Amazon&to=Meta&within=soon')).toMatchObject({ withinMonths: undefined });
    expect(read('/transitions?within=-3')).toMatchObject({ withinMonths: undefined, directOnly: false });
    expect(read('/person/%E0%A4%A')).toEqual({ view: 'not-found', path: '/person/%E0%A4%A' });
    expect(read('/person/a/b')).toMatchObject({ view: 'not-found' });
    expect(read('/nope')).toEqual({ view: 'not-found', path: '/nope' });
    expect(read('/index.html')).toEqual({ view: 'home' });
  });
});
