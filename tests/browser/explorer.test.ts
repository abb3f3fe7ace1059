import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDriver } from '../helpers/neo4j.ts';
import {
  buildExplorer,
  type Explorer,
  INFERRED_RESUME,
  ingestExamples,
  launchChromium,
  lowContrast,
  openPage,
  REPO,
  ready,
  SKIP_BROWSER,
  screenshot,
  startExplorer,
  unlabelledInputs,
} from './harness.ts';

interface ExpectedRole {
  title: string;
  employer: string;
  team: string | null;
  start: string | null;
  end: string | null;
  current: boolean;
  technologies: string[];
}
interface Expected {
  person: { name: string };
  roles: ExpectedRole[];
}
/** What a correct parser reads from examples/<name> (tests/fixtures/examples). */
const expected = (name: string): Expected =>
  JSON.parse(readFileSync(path.join(REPO, 'tests/fixtures/examples', `${name}.expected.json`), 'utf8'));

/** Six people moved from Amazon (or a subsidiary) to Meta (or a subsidiary): examples/README.md. */
const AMAZON_THEN_META = [
  'Arjun Mehta',
  'Benjamin Hartley',
  'Chloé Dubois',
  'Leila Haddad',
  'Nikos Papadopoulos',
  'Rafael Moreno',
];

/** Waiting for the page: vitest's poll gives up after 1 s by default; GraphQL on 2 busy cores can take longer. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b));

describe.skipIf(SKIP_BROWSER)('the explorer in Chromium, over the example résumés', () => {
  let driver: Driver;
  let build: Awaited<ReturnType<typeof buildExplorer>> | undefined;
  let examples: Awaited<ReturnType<typeof ingestExamples>> | undefined;
  let app: Explorer;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];
  let errors: string[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    driver = testDriver();
    [build, examples] = await Promise.all([buildExplorer(), ingestExamples(driver)]);
    app = await startExplorer(driver, build.dir);
    browser = await launchChromium();
    const data = await app.gql<{ people: { edges: { node: { id: string; name: string } }[] } }>(
      '{ people(first: 100) { edges { node { id name } } } }',
    );
    for (const { node } of data.people.edges) ids[node.name] = node.id;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await examples?.remove();
    build?.remove();
    await driver?.close();
  });

  beforeEach(async () => {
    if (!browser) throw new Error('no browser');
    ({ context, page, requests, errors } = await openPage(browser, app.origin));
  });

  afterEach(async () => {
    try {
      // Offline: whatever a view did, every request went to the app itself (no CDN, no font service).
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith(`${app.origin}/`))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  /** Types into a labelled combobox and clicks the suggestion with exactly this label. */
  async function pick(label: string, text: string, option: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill('');
    await input.pressSequentially(text, { delay: 40 });
    const listbox = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
    await listbox
      .getByRole('option')
      .filter({ has: page.locator('.option-label').getByText(option, { exact: true }) })
      .click();
    await poll(() => input.inputValue()).toBe(option);
  }

  it('serves the app at / with its own assets, and pages through the people', async () => {
    const response = await page.goto(`${app.origin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await ready(page, 'home');
    const total = (await app.gql<{ people: { totalCount: number } }>('{ people { totalCount } }')).people
      .totalCount;
    expect(total).toBeGreaterThan(20);
    await poll(() => page.getByTestId('person-item').count()).toBe(20);
    await poll(() => page.locator('.pager').innerText()).toContain(`20 shown of ${total} people`);
    await screenshot(page, 'home');

    await page.getByRole('link', { name: 'Next page' }).click();
    await ready(page, 'home');
    expect(page.url()).toMatch(/\/\?after=/);
    const second = await page.getByTestId('person-item').allInnerTexts();
    expect(second).toHaveLength(Math.min(20, total - 20));
    // A deep link to the second page loads the same page.
    await page.reload();
    await ready(page, 'home');
    expect(await page.getByTestId('person-item').allInnerTexts()).toEqual(second);
  });

  it('searches as you type, grouped by kind, and opens a hit with the keyboard', async () => {
    await page.goto(`${app.origin}/`);
    await ready(page, 'home');
    const search = page.locator('#search');
    await search.pressSequentially('ama', { delay: 40 });
    const results = page.getByTestId('search-results');
    await results.waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    expect(await results.locator('.group-label').allTextContents()).toEqual([
      'People',
      'Companies',
      'Technologies',
    ]);
    const group = (name: string) =>
      results.locator('[role=group]').filter({ has: page.locator('.group-label', { hasText: name }) });
    expect(await group('People').locator('.option-label').allInnerTexts()).toContain('Amara Nwosu');
    expect(await group('Companies').locator('.option-label').allInnerTexts()).toEqual(
      expect.arrayContaining(['Amazon', 'Amazon Web Services']),
    );
    expect(await group('Technologies').locator('.option-label').allInnerTexts()).toContain('Amazon DynamoDB');
    await screenshot(page, 'search');

    await search.fill('');
    await search.pressSequentially('arjun', { delay: 40 });
    await results.getByText('Arjun Mehta').waitFor();
    await search.press('ArrowDown');
    const active = await search.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`[id="${active}"]`).innerText()).toContain('Arjun Mehta');
    await search.press('Enter');
    await ready(page, 'person');
    expect(page.url()).toBe(`${app.origin}/person/${encodeURIComponent(ids['Arjun Mehta'] ?? '?')}`);
    await poll(() => page.evaluate('document.activeElement.tagName')).toBe('H1');
    expect(await page.locator('h1').innerText()).toBe('Arjun Mehta');

    await search.pressSequentially('zzqxv', { delay: 40 });
    await page.getByText('Nothing found for “zzqxv”.').waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows a career as a timeline, one bar per role, with details and sources on hover and focus', async () => {
    const arjun = expected('arjun-mehta');
    await page.goto(`${app.origin}/person/${ids['Arjun Mehta']}`);
    await ready(page, 'person');

    const bars = page.getByTestId('timeline-bar');
    expect(await bars.count()).toBe(arjun.roles.length);
    // Grouped by employer, in order of each employer's first role.
    const employers = [
      ...new Set(
        [...arjun.roles].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '')).map((r) => r.employer),
      ),
    ];
    expect(await page.getByTestId('timeline-employer').allTextContents()).toEqual(employers);
    expect(await page.locator('[data-testid=timeline-bar][data-current]').count()).toBe(
      arjun.roles.filter((r) => r.current).length,
    );
    expect(await page.locator('[data-testid=timeline-bar][data-inferred]').count()).toBe(0);

    const current = arjun.roles.find((r) => r.current) as ExpectedRole;
    await page.locator('[data-testid=timeline-bar][data-current]').hover();
    const tip = page.getByTestId('tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain(`${current.title} at ${current.employer}`);
    expect(text).toContain(`Team: ${current.team}`);
    expect(text).toContain('Jan 2020 – present');
    const line = Number(/arjun-mehta\.md, line (\d+)/.exec(text)?.[1]);
    const source = readFileSync(path.join(REPO, 'examples/arjun-mehta.md'), 'utf8').split('\n');
    expect(source[line - 1]).toContain(current.title);
    await screenshot(page, 'person-timeline-hover');

    // The keyboard reaches the same details.
    const first = [...arjun.roles].sort((a, b) =>
      (a.start ?? '').localeCompare(b.start ?? ''),
    )[0] as ExpectedRole;
    await bars.first().focus();
    await poll(() => tip.innerText()).toContain(`${first.title} at ${first.employer}`);

    // How long each technology was used: Java ran through three back-to-back roles, 2011-07 to 2019-08.
    const javaRow = page
      .getByTestId('technology-table')
      .locator('tr', { has: page.getByRole('link', { name: 'Java', exact: true }) });
    expect(await javaRow.innerText()).toMatch(/Java\s+8 years 2 months\s+3/);
    expect(await page.getByTestId('education').innerText()).toContain('IIT Bombay');
    expect(await page.getByTestId('sources').innerText()).toContain('arjun-mehta.md');

    // The graph: the person, each role, each employer and each technology of a role, once.
    await page.locator('[data-testid=graph][data-nodes]').waitFor();
    const nodes = async (kind: string) =>
      sorted(
        await page
          .locator(
            `[data-testid=graph-nodes] li[data-kind=${kind}] a, [data-testid=graph-nodes] li[data-kind=${kind}]:not(:has(a))`,
          )
          .allTextContents(),
      );
    expect(await nodes('person')).toEqual(['Arjun Mehta']);
    expect(await nodes('company')).toEqual(sorted(new Set(arjun.roles.map((r) => r.employer))));
    expect(await nodes('technology')).toEqual(sorted(new Set(arjun.roles.flatMap((r) => r.technologies))));
    expect(await page.locator('[data-testid=graph-nodes] li[data-kind=role]').count()).toBe(
      arjun.roles.length,
    );
    expect(await page.getByTestId('graph').getAttribute('data-nodes')).toBe(
      String(
        1 +
          arjun.roles.length +
          new Set(arjun.roles.map((r) => r.employer)).size +
          new Set(arjun.roles.flatMap((r) => r.technologies)).size,
      ),
    );
    await screenshot(page, 'person');
  });

  it('marks an employer inferred from prose, in the timeline and the graph', async () => {
    await page.goto(`${app.origin}/person/${ids['Una Inferred']}`);
    await ready(page, 'person');
    const inferred = page.locator('[data-testid=timeline-bar][data-inferred]');
    expect(await inferred.count()).toBe(1);
    expect(await page.getByTestId('timeline-bar').count()).toBe(2);
    expect(await inferred.locator('text').textContent()).toContain('(inferred)');
    expect(await inferred.locator('rect').evaluate('(el) => getComputedStyle(el).strokeDasharray')).not.toBe(
      'none',
    );
    await inferred.hover();
    const tip = await page.getByTestId('tooltip').innerText();
    expect(tip).toContain('Staff Engineer at Fabrikam');
    expect(tip).toMatch(/inferred .*confidence 0\.\d+/);
    expect(tip).toContain(`${INFERRED_RESUME.fileName}, line 6`);
    expect(
      await page
        .locator('[data-testid=graph-nodes] li[data-kind=role]', { hasText: 'Staff Engineer' })
        .textContent(),
    ).toContain('employer inferred');
    await screenshot(page, 'person-inferred');
  });

  it('expands the graph by clicking a node, and from the keyboard list', async () => {
    await page.goto(`${app.origin}/person/${ids['Arjun Mehta']}`);
    await ready(page, 'person');
    const graph = page.getByTestId('graph');
    const before = Number(await graph.getAttribute('data-nodes'));
    const aws = await page
      .locator('[data-testid=graph-nodes] li[data-kind=company]', { hasText: 'Amazon Web Services' })
      .getAttribute('data-node-id');
    // Where cytoscape drew the node (its instance hangs on the container), then a real mouse click there.
    const at = (await page.evaluate(
      `document.querySelector('[data-testid=graph]')._cyreg.cy.getElementById(${JSON.stringify(aws)}).renderedPosition()`,
    )) as { x: number; y: number };
    const box = await graph.boundingBox();
    if (!box) throw new Error('the graph has no box');
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await poll(() => page.locator('.graph-status').innerText()).toMatch(
      /^Amazon Web Services: \d+ nodes? added/,
    );
    const people = await page.locator('[data-testid=graph-nodes] li[data-kind=person] a').allTextContents();
    // Everyone in the examples who worked at Amazon Web Services (examples/README.md, colleagues).
    expect(people).toEqual(
      expect.arrayContaining(['Elena Popescu', 'Rafael Moreno', 'Camille Laurent', 'Arjun Mehta']),
    );
    expect(
      await page.locator('[data-testid=graph-nodes] li[data-kind=company] a').allTextContents(),
    ).toContain('Amazon');
    const afterClick = Number(await graph.getAttribute('data-nodes'));
    expect(afterClick).toBeGreaterThan(before);

    await page.getByText(/Nodes as a list/).click();
    await page.getByRole('button', { name: 'Expand Java', exact: true }).click();
    await poll(() => page.locator('.graph-status').innerText()).toMatch(/^Java: \d+ nodes? added/);
    expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThan(afterClick);
    await poll(() => page.getByRole('button', { name: 'Expand Java', exact: true }).count()).toBe(0);
    await graph.screenshot({ path: path.join(REPO, 'test-artifacts/browser/graph-expanded.png') });
  });

  it('shows a company: people, parent and subsidiaries, technologies, talent flow as bars', async () => {
    await page.goto(`${app.origin}/company/Google`);
    await ready(page, 'company');
    expect(await page.locator('h1').innerText()).toBe('Google');
    expect(await page.getByText('Part of Alphabet').count()).toBe(1);
    expect(sorted(await page.getByTestId('company-person').locator('a').allInnerTexts())).toEqual(
      sorted([
        'Priyanka Nair',
        'Mateo Fernández',
        'Yusuf Demir',
        'Henrik Dahl',
        'Kofi Asante',
        'Diego Ramírez',
        'Amara Nwosu',
        'Camille Laurent',
        'Ingrid Solberg',
      ]),
    );
    expect(await page.getByTestId('subsidiaries').locator('a').allInnerTexts()).toEqual(
      expect.arrayContaining(['YouTube', 'Google DeepMind']),
    );
    expect(await page.getByTestId('technology-bars').locator('li').count()).toBeGreaterThan(3);
    // examples/README.md: with subsidiaries counted as their parents, Microsoft 4, Stripe 3, Netflix 2.
    const out = page.getByTestId('flow-out');
    const counts = await out.locator('.bar-count').allTextContents();
    expect((await out.locator('.bar-label').allTextContents()).map((label, i) => [label, counts[i]])).toEqual(
      [
        ['Microsoft', '4'],
        ['Stripe', '3'],
        ['Netflix', '2'],
      ],
    );
    expect(await page.getByTestId('flow-in').locator('.bar-label').allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Fabrikam',
        'Northwind Traders',
        'Woodgrove Bank',
        'Adventure Works',
        'Relecloud',
        'Amazon',
      ]),
    );
    await screenshot(page, 'company');

    await page.getByTestId('flow-out').getByRole('link', { name: 'Netflix' }).click();
    await ready(page, 'company');
    expect(page.url()).toBe(`${app.origin}/company/Netflix`);
    expect(await page.locator('h1').innerText()).toBe('Netflix');
    await page.goBack();
    await ready(page, 'company');
    expect(await page.locator('h1').innerText()).toBe('Google');
  });

  it('shows a technology: who used it, a page at a time, and where', async () => {
    const total = (
      await app.gql<{ technology: { people: { totalCount: number } } }>(
        '{ technology(name: "Python") { people { totalCount } } }',
      )
    ).technology.people.totalCount;
    expect(total).toBeGreaterThan(20);
    await page.goto(`${app.origin}/person/${ids['Arjun Mehta']}`);
    await ready(page, 'person');
    await page.getByTestId('technology-table').getByRole('link', { name: 'Python', exact: true }).click();
    await ready(page, 'technology');
    expect(page.url()).toBe(`${app.origin}/technology/Python`);
    const people = page.getByTestId('technology-people').locator('li a');
    expect(await people.count()).toBe(20);
    const firstPage = await people.allTextContents();
    expect(await page.getByTestId('company-bars').locator('li').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Next page' }).click();
    await ready(page, 'technology');
    const secondPage = await people.allTextContents();
    expect(secondPage).toHaveLength(total - 20);
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
    await screenshot(page, 'technology');
  });

  it('answers "who worked at Amazon and later at Meta?" with autocomplete, options and a deep link', async () => {
    await page.goto(`${app.origin}/`);
    await ready(page, 'home');
    await page.getByRole('link', { name: 'Worked at A, then B' }).click();
    await ready(page, 'transitions');
    await pick('First employer (A)', 'Amaz', 'Amazon');
    await pick('Later employer (B)', 'Met', 'Meta');
    await page.getByRole('button', { name: 'Find people' }).click();
    await ready(page, 'transitions');
    expect(page.url()).toBe(`${app.origin}/transitions?from=Amazon&to=Meta`);
    const names = async () =>
      sorted(new Set(await page.getByTestId('transition').locator('.who a').allInnerTexts()));
    expect(await names()).toEqual(AMAZON_THEN_META);
    const arjun = page
      .getByTestId('transition')
      .filter({ hasText: 'Arjun Mehta' })
      .filter({ hasText: 'Aug 2019' });
    expect(await arjun.getByTestId('from-role').innerText()).toContain('Amazon Web Services');
    expect(await arjun.getByTestId('to-role').innerText()).toContain('Instagram');
    expect(await arjun.getByTestId('gap').innerText()).toContain('5 months later');
    await screenshot(page, 'transitions');

    await page.getByLabel('Direct moves only (no employer in between)').check();
    await page.getByRole('button', { name: 'Find people' }).click();
    await ready(page, 'transitions');
    expect(page.url()).toContain('direct=1');
    expect(await names()).toEqual(['Arjun Mehta', 'Benjamin Hartley', 'Chloé Dubois']);

    await page.getByLabel('Direct moves only (no employer in between)').uncheck();
    await page.getByLabel('Within months (optional)').fill('3');
    await page.getByRole('button', { name: 'Find people' }).click();
    await ready(page, 'transitions');
    expect(page.url()).toBe(`${app.origin}/transitions?from=Amazon&to=Meta&within=3`);
    expect(await names()).toEqual(['Benjamin Hartley', 'Chloé Dubois']);
    await page.reload();
    await ready(page, 'transitions');
    expect(await names()).toEqual(['Benjamin Hartley', 'Chloé Dubois']);
    expect(await page.getByLabel('Within months (optional)').inputValue()).toBe('3');

    await page.goto(`${app.origin}/transitions?from=Meta&to=Amazon`);
    await ready(page, 'transitions');
    expect(await names()).toEqual(['Elena Popescu']);
    await page.goto(`${app.origin}/transitions?from=Amazon&to=Woodgrove%20Bank&within=0&direct=1`);
    await ready(page, 'transitions');
    expect(await page.getByTestId('nothing-found').innerText()).toContain(
      'nobody in the graph worked at Amazon and later at Woodgrove Bank',
    );
  });

  it('compares two people: technologies, Jaccard, employers in common and time together', async () => {
    await page.goto(`${app.origin}/compare`);
    await ready(page, 'compare');
    await pick('First person', 'Noah', 'Noah Fischer');
    await pick('Second person', 'Aiko', 'Aiko Matsuda');
    await page.getByRole('button', { name: 'Compare' }).click();
    await ready(page, 'compare');
    expect(page.url()).toBe(
      `${app.origin}/compare?a=${encodeURIComponent(ids['Noah Fischer'] ?? '')}&b=${encodeURIComponent(ids['Aiko Matsuda'] ?? '')}`,
    );
    // examples/README.md: the same nine technologies, no employer in common.
    expect(await page.getByTestId('jaccard').innerText()).toBe(
      'Jaccard similarity 1.00: 9 shared of 9 technologies.',
    );
    expect(sorted(await page.getByTestId('shared-technologies').locator('tbody th').allInnerTexts())).toEqual(
      sorted([
        'Docker',
        'Go',
        'gRPC',
        'Kafka',
        'Kubernetes',
        'PostgreSQL',
        'Prometheus',
        'Python',
        'Terraform',
      ]),
    );
    expect(await page.getByTestId('shared-employer').count()).toBe(0);
    await screenshot(page, 'compare');

    // A deep link: Elena Popescu and Arjun Mehta overlapped at Amazon Web Services, 2016-03 to 2019-08.
    await page.goto(`${app.origin}/compare?a=${ids['Elena Popescu']}&b=${ids['Arjun Mehta']}`);
    await ready(page, 'compare');
    expect(await page.getByLabel('First person').inputValue()).toBe('Elena Popescu');
    const employers = page.getByTestId('shared-employer');
    const amazon = employers.filter({ has: page.locator('strong', { hasText: /^Amazon$/ }) });
    expect(await amazon.getByTestId('together').innerText()).toBe(
      'Together Mar 2016 – Aug 2019 (3 years 6 months)',
    );
    const meta = employers.filter({ has: page.locator('strong', { hasText: /^Meta$/ }) });
    expect(await meta.getByTestId('together').innerText()).toBe('Never there at the same time');
    expect(await page.getByTestId('jaccard').innerText()).toMatch(
      /^Jaccard similarity 0\.\d\d: \d+ shared of \d+ technologies\.$/,
    );
    await screenshot(page, 'compare-employers');

    // A name typed but not chosen from the suggestions is not a person.
    await page.getByLabel('Second person').fill('Somebody');
    await page.getByRole('button', { name: 'Compare' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Choose both people');
  });

  it('says in words when nothing is found and when the server cannot be reached', async () => {
    await page.goto(`${app.origin}/person/person:does-not-exist`);
    await ready(page, 'person');
    expect(await page.getByTestId('nothing-found').innerText()).toBe(
      'Nothing found: no person has the id “person:does-not-exist”.',
    );
    await page.goto(`${app.origin}/company/Nowhere%20Inc`);
    await ready(page, 'company');
    expect(await page.getByTestId('nothing-found').innerText()).toContain(
      'no company is called “Nowhere Inc”',
    );
    const missing = await page.goto(`${app.origin}/nothing/here`);
    expect(missing?.status()).toBe(404);
    await ready(page, 'not-found');
    expect(await page.getByTestId('nothing-found').innerText()).toContain(
      '/nothing/here is not a page of the explorer',
    );

    // The network fails under a loaded page (the server went away).
    await page.goto(`${app.origin}/`);
    await ready(page, 'home');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: 'Where do Google’s people go next?' }).click();
    await ready(page, 'company');
    const problem = page.getByTestId('problem');
    expect(await problem.getAttribute('data-kind')).toBe('network');
    expect(await problem.innerText()).toContain('The careergraph server cannot be reached');
    await screenshot(page, 'server-unreachable');
  });

  it('is accessible: labelled inputs, focus order, keyboard skip link, contrast', async () => {
    const views = [
      ['home', '/'],
      ['transitions', '/transitions?from=Amazon&to=Meta'],
      ['compare', `/compare?a=${ids['Elena Popescu']}&b=${ids['Arjun Mehta']}`],
      ['person', `/person/${ids['Arjun Mehta']}`],
      ['company', '/company/Google'],
    ];
    for (const [view, url] of views) {
      await page.goto(`${app.origin}${url}`);
      await ready(page, view as string);
      const { unlabelled, total } = await unlabelledInputs(page);
      expect(total, view).toBeGreaterThan(0);
      expect(unlabelled, view).toEqual([]);
      expect(await lowContrast(page), view).toEqual([]);
      expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), view).toBe(0);
    }

    // Tab goes through the page in reading order: skip link, header, then the form, field by field.
    await page.goto(`${app.origin}/transitions`);
    await ready(page, 'transitions');
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      order.push(
        (await page.evaluate(
          `(() => { const e = document.activeElement; return (e.labels && e.labels[0] ? e.labels[0].textContent : e.textContent).trim(); })()`,
        )) as string,
      );
    }
    expect(order).toEqual([
      'Skip to content',
      'careergraph',
      'Search',
      'Worked at A, then B',
      'Compare two people',
      'First employer (A)',
      'Later employer (B)',
      'Within months (optional)',
      'Direct moves only (no employer in between)',
      'Find people',
    ]);
    await page.goto(`${app.origin}/transitions`);
    await ready(page, 'transitions');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    expect(page.url()).toBe(`${app.origin}/transitions`);
  });
});
