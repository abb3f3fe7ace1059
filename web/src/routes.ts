// Every view has a URL. Paths are relative to where the app is mounted (`base`, normally `/`); the
// server's fallback (src/api/webApp.ts) answers the same paths with the app, so deep links load.

/** A view and what it shows. */
export type Route =
  | { view: 'home'; after?: string }
  | { view: 'person'; id: string }
  | { view: 'company'; name: string; after?: string }
  | { view: 'technology'; name: string; after?: string }
  | {
      view: 'transitions';
      from?: string;
      to?: string;
      withinMonths?: number;
      directOnly: boolean;
      after?: string;
    }
  | { view: 'compare'; a?: string; b?: string }
  | { view: 'not-found'; path: string };

const text = (params: URLSearchParams, key: string): string | undefined => {
  const v = params.get(key)?.trim();
  return v ? v : undefined;
};

function decodeSegment(segment: string): string | undefined {
  try {
    const v = decodeURIComponent(segment);
    return v.trim() ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The route of a URL path and query under `base` (which ends with `/`). */
export function parseRoute(pathname: string, search: string, base = '/'): Route {
  const params = new URLSearchParams(search);
  const path = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
  const parts = path.split('/').filter(Boolean);
  const [head, arg, ...rest] = parts;
  if (parts.length === 0 || (parts.length === 1 && head === 'index.html'))
    return { view: 'home', after: text(params, 'after') };
  if (rest.length === 0 && arg !== undefined) {
    const value = decodeSegment(arg);
    if (value !== undefined) {
      if (head === 'person') return { view: 'person', id: value };
      if (head === 'company') return { view: 'company', name: value, after: text(params, 'after') };
      if (head === 'technology') return { view: 'technology', name: value, after: text(params, 'after') };
    }
  }
  if (parts.length === 1 && head === 'transitions') {
    const within = Number(text(params, 'within'));
    return {
      view: 'transitions',
      from: text(params, 'from'),
      to: text(params, 'to'),
      withinMonths: Number.isInteger(within) && within >= 0 && text(params, 'within') ? within : undefined,
      directOnly: params.get('direct') === '1' || params.get('direct') === 'true',
      after: text(params, 'after'),
    };
  }
  if (parts.length === 1 && head === 'compare')
    return { view: 'compare', a: text(params, 'a'), b: text(params, 'b') };
  return { view: 'not-found', path };
}

function query(entries: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The URL (path and query, under `base`) of a route; `parseRoute` reads it back unchanged. */
export function routeHref(route: Route, base = '/'): string {
  const seg = encodeURIComponent;
  const path = (() => {
    switch (route.view) {
      case 'home':
        return query({ after: route.after });
      case 'person':
        return `person/${seg(route.id)}`;
      case 'company':
        return `company/${seg(route.name)}${query({ after: route.after })}`;
      case 'technology':
        return `technology/${seg(route.name)}${query({ after: route.after })}`;
      case 'transitions':
        return `transitions${query({
          from: route.from,
          to: route.to,
          within: route.withinMonths,
          direct: route.directOnly ? '1' : undefined,
          after: route.after,
        })}`;
      case 'compare':
        return `compare${query({ a: route.a, b: route.b })}`;
      case 'not-found':
        return route.path.replace(/^\//, '');
    }
  })();
  return `${base}${path}`;
}
