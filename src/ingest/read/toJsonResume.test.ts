import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { formatPartialDate } from '../../model/partialDate.ts';
import { jsonResumeToParsed } from './jsonResume.ts';
import { type ExportPerson, personToJsonResume } from './toJsonResume.ts';

const lexicon = createLexicon(loadReferenceData());

// What `person(id)` answers for a fictional person (roles oldest first, undated last, as the API lists them).
const PERSON: ExportPerson = {
  id: 'person:hana-vos',
  name: 'Hana Vos',
  email: 'hana@example.org',
  location: 'Austin, TX, US',
  headline: 'Principal Engineer',
  links: ['https://github.com/hanavos', 'linkedin.com/in/hana-vos', 'https://hana.example.org'],
  roles: [
    {
      id: 'role:1',
      title: 'Intern',
      team: null,
      location: null,
      start: '2012',
      end: '2012',
      current: false,
      confidence: 1,
      inferred: false,
      company: { name: 'Northwind Traders' },
      technologies: [],
      source: { fileName: 'hana.md', line: 30, sha256: 'abc' },
    },
    {
      id: 'role:2',
      title: 'Software Engineer',
      team: 'Payments Team',
      location: 'Austin, TX',
      start: '2014-02',
      end: '2019-11',
      current: false,
      confidence: 1,
      inferred: false,
      company: { name: 'Fabrikam' },
      technologies: [{ name: 'Java' }, { name: 'Kafka' }],
      source: { fileName: 'hana.md', line: 20, sha256: 'abc' },
    },
    {
      id: 'role:3',
      title: 'Principal Engineer',
      team: null,
      location: null,
      start: '2019-12',
      end: null,
      current: true,
      confidence: 0.6,
      inferred: true,
      company: { name: 'Contoso' },
      technologies: [{ name: 'Go' }],
      source: { fileName: 'hana.md', line: 10, sha256: 'abc' },
    },
    {
      id: 'role:4',
      title: 'Advisor',
      team: null,
      location: null,
      start: null,
      end: null,
      current: false,
      company: null,
      technologies: [],
      source: { fileName: 'hana.md', line: 40, sha256: 'abc' },
    },
  ],
  technologies: [
    { name: 'Go', category: 'language' },
    { name: 'Java', category: 'language' },
    { name: 'Kafka', category: 'messaging' },
    { name: 'Kubernetes', category: null },
  ],
  education: [
    { school: 'Austin University', degree: 'MSc', field: 'Computer Science', start: '2010', end: null },
  ],
};

const ISO8601 = /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/;

describe('personToJsonResume', () => {
  it('writes a JSON Resume: basics, work newest first, education, skills by category', () => {
    const doc = personToJsonResume(PERSON);
    expect(doc.basics).toEqual({
      name: 'Hana Vos',
      label: 'Principal Engineer',
      email: 'hana@example.org',
      url: 'https://hana.example.org',
      location: { city: 'Austin', region: 'TX', countryCode: 'US' },
      profiles: [
        { network: 'GitHub', username: 'hanavos', url: 'https://github.com/hanavos' },
        { network: 'LinkedIn', username: 'hana-vos', url: 'https://linkedin.com/in/hana-vos' },
      ],
    });
    expect(doc.work).toEqual([
      {
        name: 'Contoso',
        position: 'Principal Engineer',
        startDate: '2019-12',
        highlights: [],
        keywords: ['Go'],
      },
      {
        name: 'Fabrikam',
        position: 'Software Engineer',
        location: 'Austin, TX',
        startDate: '2014-02',
        endDate: '2019-11',
        highlights: [],
        keywords: ['Java', 'Kafka'],
      },
      { name: 'Northwind Traders', position: 'Intern', startDate: '2012', endDate: '2012', highlights: [] },
      { position: 'Advisor', highlights: [] },
    ]);
    expect(doc.education).toEqual([
      { institution: 'Austin University', area: 'Computer Science', studyType: 'MSc', startDate: '2010' },
    ]);
    expect(doc.skills).toEqual([
      { name: 'language', keywords: ['Go', 'Java'] },
      { name: 'messaging', keywords: ['Kafka'] },
      { name: 'other', keywords: ['Kubernetes'] },
    ]);
    expect(doc.meta).toMatchObject({
      careergraph: {
        personId: 'person:hana-vos',
        work: [
          { roleId: 'role:3', inferred: true, confidence: 0.6, source: { fileName: 'hana.md', line: 10 } },
          { roleId: 'role:2', team: 'Payments Team' },
          { roleId: 'role:1' },
          { roleId: 'role:4' },
        ],
      },
    });
    // The schema's types: strings never null, dates in its ISO 8601 forms.
    const json = JSON.stringify(doc);
    expect(json).not.toContain('null');
    for (const item of [...doc.work, ...doc.education])
      for (const key of ['startDate', 'endDate']) if (key in item) expect(String(item[key])).toMatch(ISO8601);
  });

  it('round-trips: the JSON Resume reads back to the same roles', () => {
    const doc = JSON.parse(JSON.stringify(personToJsonResume(PERSON)));
    const result = jsonResumeToParsed(doc, lexicon);
    if ('error' in result) throw new Error(result.error);
    const back = result.resume.roles.map((r) => ({
      employer: r.employer,
      title: r.title,
      start: formatPartialDate(r.start),
      end: formatPartialDate(r.end),
      current: r.current,
    }));
    const original = PERSON.roles.map((r) => ({
      employer: r.company?.name ?? null,
      title: r.title ?? null,
      start: r.start ?? null,
      end: r.end ?? null,
      current: r.current,
    }));
    const byTitle = (a: { title: string | null }, b: { title: string | null }) =>
      (a.title ?? '').localeCompare(b.title ?? '');
    expect(back.sort(byTitle)).toEqual(original.sort(byTitle));
    const techs = Object.fromEntries(
      result.resume.roles.map((r) => [r.title, r.technologies.map((t) => t.name)]),
    );
    expect(techs).toEqual({
      'Principal Engineer': ['Go'],
      'Software Engineer': ['Java', 'Kafka'],
      Intern: [],
      Advisor: [],
    });
    expect(result.resume.person).toMatchObject({
      name: 'Hana Vos',
      email: 'hana@example.org',
      location: 'Austin, TX, US',
      headline: 'Principal Engineer',
    });
    expect([...result.resume.person.links].sort()).toEqual(
      ['https://github.com/hanavos', 'https://linkedin.com/in/hana-vos', 'https://hana.example.org'].sort(),
    );
    expect(result.resume.skills.map((s) => [s.name, s.category])).toEqual([
      ['Go', 'language'],
      ['Java', 'language'],
      ['Kafka', 'messaging'],
      ['Kubernetes', 'other'],
    ]);
    expect(result.resume.education[0]).toMatchObject({
      school: 'Austin University',
      degree: 'MSc',
      field: 'Computer Science',
    });
    // The undated role warns that it has no dates and no employer; nothing else.
    expect(result.resume.warnings.map((w) => w.code).sort()).toEqual(['NO_DATES', 'NO_EMPLOYER']);
  });
});
