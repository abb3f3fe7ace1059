import { describe, expect, it } from 'vitest';
import type { ComparableResume } from './comparable.ts';
import { scoreResume } from './score.ts';

const resume = (employer: string | null): ComparableResume => ({
  person: { name: 'Ana Example', email: null, location: null },
  roles: [
    {
      title: 'Engineer',
      employer,
      team: null,
      location: null,
      start: '2019',
      end: '2021',
      current: false,
      technologies: [],
    },
  ],
  skills: [],
  education: [],
});

describe('scoreResume', () => {
  it('counts a role right when employer, start and end match', () => {
    const s = scoreResume(resume('Contoso'), resume('Contoso'));
    expect(s.fields.role).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.differences).toEqual([]);
  });

  it('matches a label that adds a place, parent or division by the employer’s name alone', () => {
    for (const label of ['Cash Converters, Perth, WA', 'Cash Converters (retail)', 'Cash Converters — Web']) {
      expect(scoreResume(resume(label), resume('Cash Converters')).fields.role.tp).toBe(1);
    }
  });

  it('does not match a different or a merely shorter name', () => {
    expect(scoreResume(resume('Contoso Pharmaceuticals'), resume('Contoso')).fields.role).toEqual({
      tp: 0,
      fp: 1,
      fn: 1,
    });
    expect(scoreResume(resume('Cash Converters, Perth'), resume('Perth')).fields.role.tp).toBe(0);
    expect(scoreResume(resume('Contoso'), resume(null)).fields.employer).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});
