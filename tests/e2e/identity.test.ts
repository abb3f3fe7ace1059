import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../src/api/context.ts';
import { type CareerGraph, createCareerGraph } from '../../src/api/createCareerGraph.ts';
import { executeOperation } from '../../src/api/executeOperation.ts';
import { deleteSources } from '../../src/graph/deleteSources.ts';
import { testDriver } from '../helpers/neo4j.ts';

// One person across résumé versions and formats, without merging namesakes (fictional people).
const LAST_YEAR = `# Dana Delta
dana.delta@example.org · Oslo, Norway

## Experience

#### Senior Engineer, Fabrikam
2019 - 2024

#### Engineer, Contoso
2015 - 2019
`;
// This year's version: no email, one more role.
const THIS_YEAR = `Dana Delta
Oslo, Norway

Experience

Staff Engineer, Litware
2025 - Present

Senior Engineer, Fabrikam
2019 - 2024

Engineer, Contoso
2015 - 2019
`;
const NAMESAKE = `# Dana Delta
Bergen, Norway

## Experience

#### Analyst, Woodgrove Bank
2010 - 2014

#### Analyst, Northwind Traders
2014 - 2020
`;
const NAMELESS = `Experience

Staff Engineer, Litware
2025 - Present

Senior Engineer, Fabrikam
2019 - 2024

Engineer, Contoso
2015 - 2019
`;

let driver: Driver;
let cg: CareerGraph;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const result = await executeOperation(
    { schema: cg.schema, createContext: (request): ApiContext => cg.createContext(request) },
    { query, variables, headers: { 'x-api-key': 'identity-key' } },
    (error) => console.error(error),
  );
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

const INGEST =
  'mutation($f: String!, $c: String!) { ingestResume(input: {fileName: $f, content: $c}) { person { id } } }';
const PERSON =
  'query($id: ID!) { person(id: $id) { name email roles { title company { name } } sources { fileName } } }';

beforeAll(() => {
  driver = testDriver();
  cg = createCareerGraph({ driver, apiKey: 'identity-key' });
});

afterAll(async () => {
  const session = driver.session();
  const rows = await session.run(
    "MATCH (s:Source) WHERE s.key STARTS WITH 'api:identity/' RETURN s.id AS id",
  );
  await session.close();
  await deleteSources(
    driver,
    rows.records.map((r) => r.get('id')),
  );
  await driver.close();
});

describe('one person, many versions', () => {
  let danaId: string;

  it('merges the same person’s two versions (name and career), keeping both sources; the newest is current', async () => {
    danaId = (await gql(INGEST, { f: 'identity/dana-2024.md', c: LAST_YEAR })).ingestResume.person.id;
    const second = (await gql(INGEST, { f: 'identity/dana-2025.txt', c: THIS_YEAR })).ingestResume.person.id;
    expect(second).toBe(danaId);
    const { person } = await gql(PERSON, { id: danaId });
    expect(person.email).toBe('dana.delta@example.org');
    expect(person.sources.map((s: any) => s.fileName).sort()).toEqual([
      'identity/dana-2024.md',
      'identity/dana-2025.txt',
    ]);
    // Roles come from the newest version only; the older version's stay as history, not duplicates.
    expect(person.roles.map((r: any) => r.company.name)).toEqual(['Contoso', 'Fabrikam', 'Litware']);
  });

  it('merges a version with neither name nor email on its career', async () => {
    const id = (await gql(INGEST, { f: 'identity/unnamed.txt', c: NAMELESS })).ingestResume.person.id;
    expect(id).toBe(danaId);
  });

  it('never merges a namesake with another career, and lists the pair for review', async () => {
    const namesake = (await gql(INGEST, { f: 'identity/other-dana.md', c: NAMESAKE })).ingestResume.person.id;
    expect(namesake).not.toBe(danaId);
    const { duplicateCandidates } = await gql(
      '{ duplicateCandidates(first: 100) { a { id } b { id } reason } }',
    );
    const pair = duplicateCandidates.find(
      (d: any) => [d.a.id, d.b.id].sort().join() === [danaId, namesake].sort().join(),
    );
    expect(pair).toMatchObject({ reason: 'same name' });
  });

  it('brings the older version back when the newer is deleted', async () => {
    const { person } = await gql('query($id: ID!) { person(id: $id) { sources { sha256 fileName } } }', {
      id: danaId,
    });
    for (const s of person.sources.filter((x: any) => x.fileName !== 'identity/dana-2024.md')) {
      await gql('mutation($s: String!) { deleteSource(sha256: $s) { deleted } }', { s: s.sha256 });
    }
    const after = await gql(PERSON, { id: danaId });
    expect(after.person.roles.map((r: any) => r.company.name)).toEqual(['Contoso', 'Fabrikam']);
  });
});
