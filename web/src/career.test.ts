import { describe, expect, it } from 'vitest';
import type { ComparePeopleQuery, PersonQuery } from '../../src/client/index.ts';
import { gapWords, sharedEmployers, technologyDurations } from './career.ts';

type Person = NonNullable<PersonQuery['person']>;
type CompareRole = NonNullable<ComparePeopleQuery['a']>['roles'][number];
const now = 2026 * 12 + 10;
const source = { fileName: 'x.md', line: 1, sha256: 'abc' };
const amazon = { id: 'company:amazon', name: 'Amazon' };

function compareRole(
  id: string,
  company: CompareRole['company'],
  start: string,
  end: string | null,
): CompareRole {
  return {
    id,
    title: 'Engineer',
    start,
    end,
    current: end === null,
    confidence: 1,
    inferred: false,
    company,
    source,
  };
}

describe('sharedEmployers', () => {
  it('matches a subsidiary with its parent and finds the months together', () => {
    const a = [
      compareRole(
        'a1',
        { id: 'company:aws', name: 'Amazon Web Services', parent: amazon },
        '2016-03',
        '2019-08',
      ),
      compareRole('a2', { id: 'company:instagram', name: 'Instagram', parent: null }, '2020-01', null),
    ];
    const b = [
      compareRole('b1', { id: 'company:amazon', name: 'Amazon', parent: null }, '2017-09', '2021-02'),
      compareRole('b2', { id: 'company:google', name: 'Google', parent: null }, '2021-03', null),
    ];
    const shared = sharedEmployers(a, b, now);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ key: 'company:amazon', name: 'Amazon', months: 24 });
    expect(shared[0]?.together).toEqual([[2017 * 12 + 8, 2019 * 12 + 7]]);
  });

  it('says when two people were at one employer at different times', () => {
    const twitch = { id: 'company:twitch', name: 'Twitch', parent: amazon };
    const shared = sharedEmployers(
      [compareRole('a', twitch, '2014', '2016')],
      [compareRole('b', twitch, '2019-03', '2022-08')],
      now,
    );
    expect(shared[0]).toMatchObject({ together: [], months: 0 });
  });
});

describe('technologyDurations', () => {
  it('sums the months of the roles that used each technology, overlaps once; skills have none', () => {
    const go = { id: 't:go', name: 'Go' };
    const kafka = { id: 't:kafka', name: 'Kafka' };
    const person = {
      id: 'p',
      roles: [
        { id: 'r1', start: '2015-01', end: '2016-12', current: false, technologies: [go] },
        { id: 'r2', start: '2016-07', end: '2017-06', current: false, technologies: [go, kafka] },
      ],
      technologies: [
        { id: 't:docker', name: 'Docker', category: null },
        { ...kafka, category: null },
        { ...go, category: null },
      ],
    } as unknown as Person;
    expect(technologyDurations(person, now).map((t) => [t.technology.name, t.months, t.roles])).toEqual([
      ['Go', 30, 2],
      ['Kafka', 12, 1],
      ['Docker', null, 0],
    ]);
  });
});

describe('gapWords', () => {
  it('puts the API gap in words', () => {
    expect(gapWords(5)).toBe('5 months later');
    expect(gapWords(0)).toBe('the same month');
    expect(gapWords(-3)).toBe('overlapping by 3 months');
    expect(gapWords(null)).toBe('gap unknown');
  });
});
