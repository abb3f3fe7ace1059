import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import type { ParsedResume } from '../../model/resume.ts';
import {
  jsonResumeToParsed,
  jsonValueLines,
  NOT_A_JSON_RESUME,
  plainText,
  readJsonResumeDate,
  splitSkillKeyword,
} from './jsonResume.ts';

const lexicon = createLexicon(loadReferenceData());

function convert(value: unknown, text?: string): ParsedResume {
  const result = jsonResumeToParsed(value, lexicon, text);
  if ('error' in result) throw new Error(result.error);
  return result.resume;
}

const roleSummary = (resume: ParsedResume) =>
  resume.roles.map((r) => ({
    employer: r.employer,
    title: r.title,
    start: r.start,
    end: r.end,
    current: r.current,
  }));

// A fictional résumé, written for these tests.
const ADA = {
  basics: {
    name: 'Ada Quill',
    label: 'Staff Engineer',
    email: 'ada@example.org',
    phone: '+1 555 0100',
    url: 'https://ada.example.org',
    location: { address: '1 Main St', city: 'Springfield', region: 'IL', countryCode: 'US' },
    profiles: [
      { network: 'GitHub', username: 'adaquill', url: 'https://github.com/adaquill' },
      { network: 'LinkedIn', username: 'ada-quill' },
    ],
  },
  work: [
    {
      name: 'Contoso',
      position: 'Staff Engineer',
      location: 'Springfield, IL',
      startDate: '2021-04-01',
      summary: 'Leads the payments platform.',
      highlights: ['Moved settlement jobs to Kafka and Go services', 'Ran PostgreSQL upgrades'],
    },
    {
      name: 'Fabrikam',
      position: 'Senior Engineer',
      startDate: '2017-09',
      endDate: '2021-03',
      keywords: ['Kubernetes', 'Terraform', 'Team leadership'],
    },
  ],
  education: [
    {
      institution: 'Springfield University',
      area: 'Computer Science',
      studyType: 'Bachelor',
      startDate: '2010',
      endDate: '2014',
    },
  ],
  skills: [
    { name: 'Languages', level: 'Expert', keywords: ['Go', 'Python'] },
    { name: 'Cloud', keywords: ['AWS / GCP'] },
    { name: 'Public speaking' },
  ],
};

describe('jsonResumeToParsed', () => {
  it('reads basics, work, education and skills; a role without endDate is current', () => {
    const resume = convert(ADA);
    expect(resume.person).toMatchObject({
      name: 'Ada Quill',
      email: 'ada@example.org',
      phone: '+1 555 0100',
      location: 'Springfield, IL, US',
      headline: 'Staff Engineer',
      links: [
        'https://ada.example.org',
        'https://github.com/adaquill',
        'https://www.linkedin.com/in/ada-quill',
      ],
    });
    expect(roleSummary(resume)).toEqual([
      {
        employer: 'Contoso',
        title: 'Staff Engineer',
        start: { year: 2021, month: 4 },
        end: null,
        current: true,
      },
      {
        employer: 'Fabrikam',
        title: 'Senior Engineer',
        start: { year: 2017, month: 9 },
        end: { year: 2021, month: 3 },
        current: false,
      },
    ]);
    expect(resume.roles[0]?.location).toBe('Springfield, IL');
    expect(resume.roles[0]?.technologies.map((t) => t.name)).toEqual(['Kafka', 'Go', 'PostgreSQL']);
    expect(resume.roles[1]?.technologies.map((t) => t.name)).toEqual(['Kubernetes', 'Terraform']);
    expect(resume.education).toEqual([
      {
        school: 'Springfield University',
        degree: 'Bachelor',
        field: 'Computer Science',
        start: { year: 2010 },
        end: { year: 2014 },
        line: expect.any(Number),
      },
    ]);
    expect(resume.skills.map((s) => [s.name, s.category])).toEqual([
      ['Go', 'Languages'],
      ['Python', 'Languages'],
      ['AWS', 'Cloud'],
      ['GCP', 'Cloud'],
      ['Public speaking', null],
    ]);
    expect(resume.warnings).toEqual([]);
  });

  it('gives each fact the line it starts on in the JSON text', () => {
    const text = JSON.stringify(ADA, null, 2);
    const lines = text.split('\n');
    const lineOf = (needle: string, from = 0) =>
      lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
    const resume = convert(JSON.parse(text), text);
    expect(resume.person.line).toBe(lineOf('"name": "Ada Quill"'));
    expect(resume.roles[0]?.line).toBe(lineOf('"position": "Staff Engineer"'));
    expect(resume.roles[0]?.employerLine).toBe(lineOf('"name": "Contoso"'));
    expect(resume.roles[1]?.line).toBe(lineOf('"position": "Senior Engineer"'));
    expect(resume.roles[0]?.technologies.find((t) => t.name === 'PostgreSQL')?.line).toBe(
      lineOf('Ran PostgreSQL upgrades'),
    );
    expect(resume.skills.find((s) => s.name === 'Python')?.line).toBe(lineOf('"Python"'));
    // Without the text, the lines are those of the value pretty-printed: the same here.
    expect(convert(ADA).roles.map((r) => r.line)).toEqual(resume.roles.map((r) => r.line));
    // Compact JSON on one line: every fact is on line 1.
    const compact = JSON.stringify(ADA);
    expect(convert(ADA, compact).roles.map((r) => r.line)).toEqual([1, 1]);
  });

  it('reads the legacy `company` key and a role without a position, with a warning', () => {
    const resume = convert({
      basics: { name: 'Ben Ortiz' },
      work: [
        {
          company: 'Northwind Traders',
          position: 'Developer',
          startDate: '2015-01-01',
          endDate: '2016-06-30',
        },
        { company: 'Litware', startDate: '2016-07-01' },
      ],
    });
    expect(roleSummary(resume)).toEqual([
      {
        employer: 'Northwind Traders',
        title: 'Developer',
        start: { year: 2015, month: 1 },
        end: { year: 2016, month: 6 },
        current: false,
      },
      { employer: 'Litware', title: null, start: { year: 2016, month: 7 }, end: null, current: true },
    ]);
    expect(resume.warnings.map((w) => w.code)).toEqual(['NO_TITLE']);
  });

  it('tolerates messy dates: present words, empty, year, month names, MM/YYYY; keeps end before start with a warning', () => {
    const work = [
      ['2019', 'Present'],
      ['2019-03', 'present'],
      ['2019-03-01', 'current'],
      ['March 2019', ''],
      ['03/2019', 'Dec 2020'],
      ['2022-05', '2021-02'],
      ['sometime', '2020'],
    ].map(([startDate, endDate], i) => ({ name: `Company ${i}`, position: 'Engineer', startDate, endDate }));
    const resume = convert({ basics: { name: 'Cy Dale' }, work });
    expect(resume.roles.map((r) => [r.start, r.end, r.current])).toEqual([
      [{ year: 2019 }, null, true],
      [{ year: 2019, month: 3 }, null, true],
      [{ year: 2019, month: 3 }, null, true],
      [{ year: 2019, month: 3 }, null, true],
      [{ year: 2019, month: 3 }, { year: 2020, month: 12 }, false],
      [{ year: 2022, month: 5 }, { year: 2021, month: 2 }, false],
      [null, { year: 2020 }, false],
    ]);
    expect(resume.warnings.map((w) => w.code)).toEqual(['END_BEFORE_START', 'UNREADABLE_DATE']);
    expect(resume.warnings[1]?.message).toContain('"sometime"');
  });

  it('strips HTML from text and reads technologies in HTML highlights', () => {
    const resume = convert({
      basics: { name: 'Dee <b>Park</b>', label: 'Engineer &amp; Lead' },
      work: [
        {
          name: 'Contoso &amp; Sons',
          position: '<strong>Lead Engineer</strong>',
          startDate: '2020-01',
          endDate: '2021-01',
          highlights: ['<ul><li>Built the ingest on <a href="https://example.org">Kafka</a></li></ul>'],
        },
      ],
    });
    expect(resume.person.name).toBe('Dee Park');
    expect(resume.person.headline).toBe('Engineer & Lead');
    expect(resume.roles[0]).toMatchObject({ employer: 'Contoso & Sons', title: 'Lead Engineer' });
    expect(resume.roles[0]?.technologies.map((t) => t.name)).toEqual(['Kafka']);
  });

  it('rejects JSON that is not a JSON Resume, and a section of the wrong type', () => {
    expect(jsonResumeToParsed({ name: 'package', version: '1.0.0' }, lexicon)).toEqual({
      error: NOT_A_JSON_RESUME,
    });
    expect(jsonResumeToParsed([1, 2], lexicon)).toEqual({ error: NOT_A_JSON_RESUME });
    expect(jsonResumeToParsed('text', lexicon)).toEqual({ error: NOT_A_JSON_RESUME });
    const bad = jsonResumeToParsed({ basics: { name: 'Eve' }, work: { name: 'Contoso' } }, lexicon);
    expect('error' in bad && bad.error).toMatch(/^the JSON Resume is invalid: work: /);
  });

  it('drops a field of the wrong type with a warning and keeps the rest', () => {
    const resume = convert({
      basics: { name: 'Fay Lin', location: 'Oslo, Norway', profiles: { github: 'faylin' } },
      work: [
        { name: 'Contoso', position: { text: 'Engineer' }, startDate: '2020-01' },
        'not an object',
        { name: 'Fabrikam', position: 'Engineer', startDate: 2018, endDate: 2019 },
      ],
    });
    expect(resume.person.location).toBe('Oslo, Norway');
    expect(resume.person.links).toEqual(['https://github.com/faylin']);
    expect(resume.roles.map((r) => [r.employer, r.title, r.start, r.end])).toEqual([
      ['Contoso', null, { year: 2020, month: 1 }, null],
      ['Fabrikam', 'Engineer', { year: 2018 }, { year: 2019 }],
    ]);
    expect(resume.warnings.filter((w) => w.code === 'OTHER').map((w) => w.message.split(' ')[0])).toEqual([
      'work[0].position',
      'work[1]',
    ]);
  });

  it('reads the first schema: `bio`, `websites`, profiles by network, location state', () => {
    const value = {
      bio: {
        name: 'Gus Ward',
        location: { city: 'Austin', state: 'Texas', countryCode: 'US' },
        websites: { blog: 'https://gus.example.org' },
        profiles: { github: 'gusward', twitter: '@gusward' },
      },
      work: [{ company: 'Contoso', position: 'Engineer', startDate: '2014-06-29' }, { company: 'Fabrikam' }],
    };
    const text = JSON.stringify(value, null, 2);
    const resume = convert(value, text);
    expect(resume.person).toMatchObject({
      name: 'Gus Ward',
      location: 'Austin, Texas, US',
      links: ['https://gus.example.org', 'https://github.com/gusward', 'https://twitter.com/gusward'],
      line: 3,
    });
    // Without any date, a role is not taken as current.
    expect(resume.roles.map((r) => [r.employer, r.start, r.current])).toEqual([
      ['Contoso', { year: 2014, month: 6 }, true],
      ['Fabrikam', null, false],
    ]);
    expect(resume.warnings.map((w) => w.code)).toEqual(['NO_DATES', 'NO_TITLE']);
  });

  it('warns about a résumé without name or work', () => {
    const resume = convert({ basics: { label: 'Engineer' } });
    expect(resume.roles).toEqual([]);
    expect(resume.warnings.map((w) => w.code)).toEqual(['NO_NAME', 'NO_ROLES']);
  });
});

describe('helpers', () => {
  it('reads one JSON Resume date', () => {
    expect(readJsonResumeDate('2019-03-01T00:00:00Z')).toEqual({
      kind: 'date',
      date: { year: 2019, month: 3 },
    });
    expect(readJsonResumeDate('25/03/2019')).toEqual({ kind: 'date', date: { year: 2019, month: 3 } });
    expect(readJsonResumeDate('01/03/2019')).toEqual({ kind: 'date', date: { year: 2019 } });
    expect(readJsonResumeDate('1 March 2019')).toEqual({ kind: 'date', date: { year: 2019, month: 3 } });
    expect(readJsonResumeDate('2019-13')).toEqual({ kind: 'unreadable' });
    expect(readJsonResumeDate(null)).toEqual({ kind: 'none' });
    expect(readJsonResumeDate(' ')).toEqual({ kind: 'none' });
    expect(readJsonResumeDate('Today')).toEqual({ kind: 'present' });
  });

  it('strips HTML and entities', () => {
    expect(plainText('<p>A&nbsp;&lt;b&gt; <br/>C&#233;line &#x41;</p>')).toBe('A <b> Céline A');
    expect(plainText('C++ < Rust')).toBe('C++ < Rust');
    expect(plainText('<br>')).toBeNull();
  });

  it('splits keywords that list several skills', () => {
    expect(splitSkillKeyword('Java / Spring (MVC, Boot) / Kotlin')).toEqual([
      'Java',
      'Spring (MVC, Boot)',
      'Kotlin',
    ]);
    expect(splitSkillKeyword('Windows XP / 7')).toEqual(['Windows XP / 7']);
    expect(splitSkillKeyword('CI/CD')).toEqual(['CI/CD']);
  });

  it('finds the lines of JSON values by path', () => {
    const lines = jsonValueLines('{\n  "a": [\n    1,\n    {"b": "x\\ny"}\n  ]\n}');
    expect(lines.get('a')).toEqual([2, 5]);
    expect(lines.get(['a', '1', 'b'].join('\u241f'))).toEqual([4, 4]);
    expect(jsonValueLines('{"a": ').size).toBe(0);
  });
});
