import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type CareerGraph, createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { createHttpServer } from '../../src/api/httpServer.ts';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { ingestFiles } from '../../src/ingest/ingestFiles.ts';
import { readInputs } from '../../src/ingest/read/readInputs.ts';
import { createLexicon } from '../../src/lexicon/lexicon.ts';
import { loadReferenceData } from '../../src/lexicon/loadReferenceData.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
/** Screenshots of each view, kept as CI artefacts (test-artifacts/ is git-ignored). */
export const ARTIFACTS = path.join(REPO, 'test-artifacts', 'browser');

/** Debian's chromium, or another Chromium named by CAREERGRAPH_CHROMIUM. */
export const CHROMIUM = process.env.CAREERGRAPH_CHROMIUM || '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const missing = !existsSync(CHROMIUM);
/** Outside CI a machine without Chromium skips the browser tests (saying why); in CI they must run. */
export const SKIP_BROWSER = missing && !IN_CI;
if (SKIP_BROWSER)
  process.stderr.write(
    `[browser tests] skipped: no Chromium at ${CHROMIUM}. Install Debian's chromium package ` +
      '(apt-get install chromium) or set CAREERGRAPH_CHROMIUM to a Chromium binary.\n',
  );

/** Launches headless Chromium; in CI a missing binary fails here, with the reason. */
export async function launchChromium(): Promise<Browser> {
  if (missing)
    throw new Error(
      `CI=true but there is no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium package; ` +
        'set CAREERGRAPH_CHROMIUM to use another binary.',
    );
  // --no-sandbox: CI and this machine run as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * Builds the explorer from web/ into a fresh folder with the project's own Vite config, so the tests
 * drive the current source (not whatever dist/web holds).
 */
export async function buildExplorer(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'careergraph-web-build-'));
  await promisify(execFile)(
    process.execPath,
    [
      path.join(REPO, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: REPO, timeout: 120_000 },
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A résumé whose current employer is named only in a bullet: the API marks that role inferred. */
export const INFERRED_RESUME = {
  fileName: 'una-inferred.md',
  text: `# Una Inferred
una.inferred@example.org · Oslo, Norway

## Experience

#### Staff Engineer
2019 - Present
- Rebuilt Fabrikam's checkout in Go and PostgreSQL.

#### Engineer, Contoso
2015 - 2018
- Payments in Java.
`,
};

/**
 * Ingests a private copy of examples/ (and the inferred résumé) into the test Neo4j; `remove` deletes
 * exactly those sources again. A private copy keys its sources by its own path, so nothing else in a
 * shared database is touched.
 */
export async function ingestExamples(driver: Driver): Promise<{ remove(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'careergraph-web-examples-'));
  const examples = path.join(REPO, 'examples');
  for (const file of readdirSync(examples)) {
    if (/\.(md|txt)$/.test(file) && file !== 'README.md')
      cpSync(path.join(examples, file), path.join(dir, file));
  }
  writeFileSync(path.join(dir, INFERRED_RESUME.fileName), INFERRED_RESUME.text);
  const summary = await ingestFiles(readInputs([dir], { maxFileBytes: 5_000_000 }), {
    lexicon: createLexicon(loadReferenceData()),
    driver,
    batchSize: 10,
    concurrency: 2,
  });
  if (summary.errors.length)
    throw new Error(`ingesting the examples failed: ${JSON.stringify(summary.errors)}`);
  const prefix = path.relative(process.cwd(), dir).split(path.sep).join('/');
  return {
    async remove() {
      const session = driver.session();
      try {
        const rows = await session.run('MATCH (s:Source) WHERE s.key STARTS WITH $prefix RETURN s.id AS id', {
          prefix,
        });
        await deleteSources(
          driver,
          rows.records.map((r) => r.get('id') as string),
        );
      } finally {
        await session.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** careergraph's real HTTP server (API and explorer) on a free port. */
export interface Explorer {
  origin: string;
  careerGraph: CareerGraph;
  /** POSTs one operation to the server's /graphql, for facts the test checks the page against. */
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** Starts the app as `serve` does, serving the explorer built in `webRoot`, on the given driver. */
export async function startExplorer(driver: Driver, webRoot: string): Promise<Explorer> {
  const careerGraph = createCareerGraph({ driver });
  const server = await createHttpServer(careerGraph, {
    production: false,
    introspection: false,
    bodyLimit: '1mb',
    logger: pino({ level: 'silent' }),
    webRoot,
  });
  const running = await server.start(0, '127.0.0.1');
  const origin = new URL(running.url).origin;
  return {
    origin,
    careerGraph,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
    async close() {
      await running.close();
      await careerGraph.close();
    },
  };
}

/**
 * A fresh page whose every request is intercepted: recorded (to prove nothing leaves the app's origin)
 * and, if it would leave, refused, so the test sees the page as an offline machine would. Uncaught page
 * errors are collected too.
 */
export async function openPage(
  browser: Browser,
  origin: string,
): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, requests, errors };
}

/** Waits until the view at the address bar has finished loading (main[data-ready]). */
export async function ready(page: Page, view: string): Promise<void> {
  await page.locator(`main[data-ready="${view}"]`).waitFor({ timeout: 20_000 });
}

/** Saves a full-page screenshot as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Runs in the page: every visible HTML element with its own text, its colour against the first opaque
// background behind it, and the WCAG ratio it needs (3 for large text, else 4.5). Plain JavaScript in a
// string because it runs in the browser, not in Node.
const CONTRAST_AUDIT = `(() => {
  const parse = (c) => {
    const m = /rgba?\\(([\\d.]+)[ ,]+([\\d.]+)[ ,]+([\\d.]+)(?:[ ,/]+([\\d.]+))?\\)/.exec(c);
    return m ? { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], a: m[4] === undefined ? 1 : Number(m[4]) } : null;
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a === 1) return c.rgb;
      if (c && c.a > 0) return null;
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el instanceof SVGElement || el.closest('svg, canvas, [hidden], noscript')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
    if (box.bottom < 0 || el.closest('.skip')) continue;
    const fg = parse(style.color);
    const bg = background(el);
    if (!fg || !bg || fg.a !== 1) continue;
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    out.push({ text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio(fg.rgb, bg) * 100) / 100, needed });
  }
  return out;
})()`;

/** Text on the page whose contrast is below WCAG AA, with its ratio. */
export async function lowContrast(page: Page): Promise<{ text: string; ratio: number; needed: number }[]> {
  const all = (await page.evaluate(CONTRAST_AUDIT)) as { text: string; ratio: number; needed: number }[];
  if (all.length < 5) throw new Error('the contrast audit found almost no text: is the page drawn?');
  return all.filter((t) => t.ratio < t.needed);
}

// Runs in the page: form controls without an accessible name from a <label>, aria-label or aria-labelledby.
const UNLABELLED = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter((el) => !(el.labels && [...el.labels].some((l) => l.textContent.trim()))
    && !(el.getAttribute('aria-label') || '').trim()
    && !(el.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => id && document.getElementById(id)?.textContent.trim()))
  .map((el) => el.outerHTML.slice(0, 120))`;

/** Form controls on the page that no label names (and how many there are in all). */
export async function unlabelledInputs(page: Page): Promise<{ unlabelled: string[]; total: number }> {
  const unlabelled = (await page.evaluate(UNLABELLED)) as string[];
  const total = await page.locator('input:not([type=hidden]), select, textarea').count();
  return { unlabelled, total };
}
