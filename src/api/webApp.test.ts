import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from './webApp.ts';

const PAGE =
  '<!doctype html><html><head><base href="/" /><script type="module" src="./assets/app-1a2b.js"></script></head><body></body></html>';

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'careergraph-web-'));
  const built = path.join(dir, 'built');
  mkdirSync(path.join(built, 'assets'), { recursive: true });
  writeFileSync(path.join(built, 'index.html'), PAGE);
  writeFileSync(path.join(built, 'assets', 'app-1a2b.js'), 'console.log(1)');

  const app = express();
  serveWebApp(app, built);
  // Mounted under a prefix, as README shows for embedding.
  const mounted = express();
  serveWebApp(mounted, built);
  app.use('/careergraph', mounted);
  const missing = express();
  serveWebApp(missing, path.join(dir, 'not-built'));
  app.use('/missing', missing);
  app.use((_req, res) => {
    res.status(404).json({ fallthrough: true });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('serveWebApp', () => {
  it.each([
    '/',
    '/person/person:WgBECNm06tP0bwMy',
    '/company/Amazon%20Web%20Services',
    '/transitions',
    '/compare',
  ])('answers %s with the app, same-origin only', async (url) => {
    const res = await fetch(`${origin}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<base href="/" />');
  });

  it('serves hashed assets for a year and leaves other paths to the API', async () => {
    const asset = await fetch(`${origin}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const api = await fetch(`${origin}/nope`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ fallthrough: true });
    expect((await fetch(`${origin}/person/a/b`, { headers: { accept: 'application/json' } })).status).toBe(
      404,
    );
  });

  it('answers a browser asking for an unknown page with the app, status 404', async () => {
    const res = await fetch(`${origin}/nope/deeper`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<base href="/" />');
  });

  it('sets <base href> to where the app is mounted', async () => {
    const res = await fetch(`${origin}/careergraph/company/Google`);
    expect(await res.text()).toContain('<base href="/careergraph/" />');
    expect((await fetch(`${origin}/careergraph/assets/app-1a2b.js`)).status).toBe(200);
  });

  it('says how to build the explorer when it is not built', async () => {
    const res = await fetch(`${origin}/missing/person/x`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
    expect((await fetch(`${origin}/missing/assets/app-1a2b.js`)).status).toBe(404);
  });
});
