import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/graph/driver.ts';
import { findFreePort } from '../../src/neo4j/ports.ts';
import {
  buildExplorer,
  type Explorer,
  launchChromium,
  openPage,
  ready,
  SKIP_BROWSER,
  screenshot,
  startExplorer,
} from './harness.ts';

describe.skipIf(SKIP_BROWSER)('the explorer when Neo4j is down', () => {
  let build: Awaited<ReturnType<typeof buildExplorer>> | undefined;
  let app: Explorer | undefined;
  let browser: Browser | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;

  beforeAll(async () => {
    build = await buildExplorer();
    // Nothing listens on this port: every query fails as it does when Neo4j is stopped.
    const port = await findFreePort();
    driver = createDriver(
      { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'nothing-listens' },
      { connectionTimeout: 1_000, maxTransactionRetryTime: 1_000, connectionAcquisitionTimeout: 2_000 },
    );
    app = await startExplorer(driver, build.dir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await driver?.close();
    build?.remove();
  });

  it('still serves the page, and says the database is not reachable in words', async () => {
    if (!browser || !app) throw new Error('setup failed');
    const { context, page, requests, errors } = await openPage(browser, app.origin);
    try {
      await page.goto(`${app.origin}/`);
      await ready(page, 'home');
      const problem = page.getByTestId('problem');
      expect(await problem.getAttribute('data-kind')).toBe('unavailable');
      expect(await problem.innerText()).toContain('The database is not reachable');
      expect(await problem.getAttribute('role')).toBe('alert');
      await screenshot(page, 'neo4j-down');

      await page.goto(`${app.origin}/person/person:anyone`);
      await ready(page, 'person');
      expect(await page.getByTestId('problem').first().innerText()).toContain(
        'The database is not reachable',
      );

      // Search as you type says it too, instead of showing nothing.
      await page.locator('#search').pressSequentially('ama', { delay: 40 });
      await expect
        .poll(() => page.locator('.search [data-testid=problem]').textContent(), { timeout: 15_000 })
        .toContain('The database is not reachable');
      expect(requests.filter((url) => !url.startsWith(`${app?.origin}/`))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
