import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type Response } from 'express';

/**
 * Where `npm run build:web` puts the explorer: `dist/web` of the package. Both src/api (a checkout run
 * through tsx) and dist/api (the compiled package) sit two levels below the package root.
 */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** The explorer's views (web/src/routes.ts): a deep link to any of them loads the app. */
export const WEB_ROUTES = [
  '/',
  '/index.html',
  '/person/:id',
  '/company/:name',
  '/technology/:name',
  '/transitions',
  '/compare',
];

// The page loads only what the app serves and talks only to its own /graphql: nothing from a CDN.
// Styles allow inline `style` attributes (bar widths, cytoscape's canvas); scripts allow nothing inline.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const escapeAttribute = (s: string) =>
  s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>careergraph explorer not built</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; color: #1b1f24">
<h1>The explorer is not built</h1>
<p>The web explorer's files are missing. Build them with <code>npm run build:web</code> (which
<code>npm install</code> runs too), then reload this page.</p>
<p>The GraphQL API works meanwhile: <a href="graphql">/graphql</a>.</p>
</body></html>
`;

/**
 * Serves the web explorer built into `root`: its assets, and its page at `/` and every view's path
 * (deep links), with a <base href> of where the app is mounted so it finds its assets and `graphql`
 * under any prefix. Without a build, those paths answer a page saying how to build it. Other paths
 * fall through to the API's JSON 404, except for browsers asking for HTML.
 */
export function serveWebApp(app: Express, root: string = DEFAULT_WEB_ROOT): void {
  const index = path.join(root, 'index.html');
  const sendPage = async (req: Request, res: Response, status = 200) => {
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    let html: string;
    try {
      html = await readFile(index, 'utf8');
    } catch {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    const base = `${req.baseUrl}/`;
    res
      .status(status)
      .type('html')
      .send(html.replace('<base href="/" />', `<base href="${escapeAttribute(base)}" />`));
  };
  app.get(WEB_ROUTES, (req, res, next) => {
    sendPage(req, res).catch(next);
  });
  app.use(
    express.static(root, {
      index: false,
      fallthrough: true,
      setHeaders(res, file) {
        res.setHeader('x-content-type-options', 'nosniff');
        // Vite names built assets by content hash: they never change under the same name.
        if (file.startsWith(path.join(root, 'assets') + path.sep))
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // A browser asking for a page the explorer does not have gets the explorer's own "Nothing here"
  // (status 404); API clients (Accept: JSON or anything) fall through to the API's JSON 404.
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.accepts(['json', 'html']) !== 'html')
      return next();
    sendPage(req, res, 404).catch(next);
  });
}
