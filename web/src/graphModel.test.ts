import { describe, expect, it } from 'vitest';
import type { CompanyQuery, PersonQuery } from '../../src/client/index.ts';
import { companyElements, personElements } from './graphModel.ts';

type Person = NonNullable<PersonQuery['person']>;
type Company = NonNullable<CompanyQuery['company']>;

describe('graph elements', () => {
  const go = { id: 't:go', name: 'Go' };
  const person = {
    id: 'person:1',
    name: 'Ana',
    roles: [
      {
        id: 'r1',
        title: 'Engineer',
        inferred: false,
        company: { id: 'c:aws', name: 'AWS' },
        technologies: [go],
      },
      {
        id: 'r2',
        title: 'Senior Engineer',
        inferred: true,
        company: { id: 'c:aws', name: 'AWS' },
        technologies: [go],
      },
    ],
  } as unknown as Person;

  it('links person → roles → companies and roles → technologies, each node once', () => {
    const { nodes, edges } = personElements(person);
    expect(nodes.map((n) => [n.kind, n.id])).toEqual([
      ['person', 'person:1'],
      ['role', 'r1'],
      ['company', 'c:aws'],
      ['technology', 't:go'],
      ['role', 'r2'],
    ]);
    expect(edges.map((e) => `${e.source} ${e.label} ${e.target}`)).toEqual([
      'person:1 held r1',
      'r1 at c:aws',
      'r1 used t:go',
      'person:1 held r2',
      'r2 at (inferred) c:aws',
      'r2 used t:go',
    ]);
    expect(nodes.find((n) => n.id === 'r2')?.inferred).toBe(true);
  });

  it('adds a page of a company’s people and says how many more there are', () => {
    const company = {
      id: 'c:aws',
      name: 'AWS',
      parent: { id: 'c:amazon', name: 'Amazon' },
      subsidiaries: [],
      people: {
        totalCount: 57,
        edges: [{ node: { id: 'person:1', name: 'Ana' } }, { node: { id: 'person:2', name: null } }],
      },
    } as unknown as Company;
    const elements = companyElements(company);
    expect(elements.nodes.map((n) => n.label)).toEqual(['AWS', 'Ana', 'Unnamed person', 'Amazon']);
    expect(elements.edges.map((e) => e.id)).toContain('c:aws|part of|c:amazon');
    expect(elements.more).toEqual({ total: 57, shown: 2, noun: 'people' });
  });
});
