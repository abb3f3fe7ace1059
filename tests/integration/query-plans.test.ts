import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/graph/cypherFiles.ts';
import { testDriver } from '../helpers/neo4j.ts';

// Entry points must start with an index seek, never a scan of every node of a label: that is what keeps
// point questions fast as the graph grows.
let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(() => driver.close());

interface Plan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Plan[];
}

function operators(plan: Plan): string[] {
  return [plan.operatorType, ...plan.children.flatMap(operators)];
}

async function plan(name: string, params: Record<string, unknown>): Promise<string[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`EXPLAIN ${cypher(name)}`, params);
    return operators(result.summary.plan as unknown as Plan).map((o) => o.replace(/@.*$/, ''));
  } finally {
    await session.close();
  }
}

const int = (n: number) => neo4j.int(n);

describe('query plans seek through indexes at their entry points', () => {
  it.each([
    ['api/companyByName', { keys: ['amazon'] }],
    ['api/technologyByName', { keys: ['kubernetes'] }],
    ['api/personsByIds', { ids: ['person:x'] }],
    ['api/rolesByPersons', { ids: ['person:x'] }],
    [
      'api/careerTransitions',
      {
        fromKeys: ['amazon'],
        toKeys: ['meta'],
        withinMonths: null,
        directOnly: false,
        nowOrd: int(24300),
        skip: int(0),
        limit: int(20),
      },
    ],
    ['api/colleagues', { id: 'person:x', nowOrd: int(24300), skip: int(0), limit: int(20) }],
    [
      'api/talentFlow',
      { keys: ['google'], direction: 'OUT', sinceOrd: null, untilOrd: null, limit: int(10) },
    ],
    ['api/similarPeople', { id: 'person:x', limit: int(10) }],
  ])('%s', async (name, params) => {
    const ops = await plan(name, params);
    expect(
      ops.some((o) => /IndexSeek|NodeUniqueIndexSeek|MultiNodeIndexSeek|IndexContainsScan/.test(o)),
    ).toBe(true);
    expect(ops.filter((o) => o === 'NodeByLabelScan' || o === 'AllNodesScan')).toEqual([]);
  });
});
