import { describe, expect, it } from 'vitest';
import { createLexicon } from './lexicon.ts';
import { loadReferenceData } from './loadReferenceData.ts';
import { mergeReferenceData } from './referenceData.ts';

const lexicon = createLexicon(loadReferenceData());

describe('technologies', () => {
  it('canonicalises aliases and capitalisation', () => {
    const c = (s: string) => lexicon.technologies.canonical(s);
    expect([
      c('NodeJS'),
      c('Node'),
      c('Postgres'),
      c('Springboot'),
      c('k8s'),
      c('golang'),
      c('POSTGRESQL'),
    ]).toEqual(['Node.js', 'Node.js', 'PostgreSQL', 'Spring Boot', 'Kubernetes', 'Go', 'PostgreSQL']);
    expect(c('Java 17')).toBe('Java');
    expect(c('Kubernetes (3 yrs)')).toBe('Kubernetes');
    expect(c('Leadership')).toBeNull();
  });

  it('finds names in prose as whole words, longest first', () => {
    const names = (s: string) => lexicon.technologies.inProse(s).map((h) => h.name);
    expect(names('Moved jobs to Kafka-fed workers on AWS Lambda and k8s')).toEqual([
      'Kafka',
      'AWS Lambda',
      'Kubernetes',
    ]);
    expect(names('Joined Google to go fast')).toEqual([]);
    expect(names('each graph node in the tree')).toEqual([]);
    expect(names('written in Python and C')).toEqual(['Python', 'C']);
    expect(names('Plan C failed')).toEqual([]);
  });
});

describe('companies', () => {
  it('drops legal suffixes and resolves aliases with their parents', () => {
    expect(lexicon.companies.resolve('Contoso Ltd').name).toBe('Contoso');
    expect(lexicon.companies.resolve('AWS')).toMatchObject({
      name: 'Amazon Web Services',
      parents: ['Amazon'],
      known: true,
    });
    expect(lexicon.companies.resolve('Instagram').parents).toContain('Meta');
    expect(lexicon.companies.resolve('Acme Widgets GmbH')).toMatchObject({
      name: 'Acme Widgets',
      known: false,
    });
  });
});

describe('places', () => {
  it('tells places from employers', () => {
    const p = (s: string) => lexicon.places.isPlace(s);
    expect([
      p('Lisbon, Portugal'),
      p('Remote'),
      p('Austin, TX'),
      p('Berlin, Germany (hybrid)'),
      p('Amsterdam, North Holland, Netherlands'),
    ]).toEqual([true, true, true, true, true]);
    expect([
      p('Contoso'),
      p('Microsoft, Redmond, WA'),
      p('Staff Engineer | Waymo | Mountain View, CA'),
    ]).toEqual([false, false, false]);
  });
});

describe('mergeReferenceData', () => {
  it('lets a later file replace an entry by name and add new ones', () => {
    const merged = mergeReferenceData([
      { companies: [{ name: 'Contoso', aliases: [], parent: null }] },
      {
        companies: [
          { name: 'contoso', aliases: ['Contoso Group'], parent: 'Fabrikam' },
          { name: 'Fabrikam', aliases: [], parent: null },
        ],
      },
    ]);
    expect(merged.companies).toEqual([
      { name: 'contoso', aliases: ['Contoso Group'], parent: 'Fabrikam' },
      { name: 'Fabrikam', aliases: [], parent: null },
    ]);
  });
});
