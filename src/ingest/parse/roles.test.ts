import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { toLines } from './lines.ts';
import { parseResume } from './parseResume.ts';
import { extractRoles } from './roles.ts';

const lexicon = createLexicon(loadReferenceData());
const roles = (text: string) =>
  parseResume(text, lexicon).roles.map((r) => ({
    title: r.title,
    employer: r.employer,
    team: r.team,
    start: r.start?.year ?? null,
    technologies: r.technologies.map((t) => t.name),
  }));

describe('roles under a company heading', () => {
  const text = [
    '## Experience',
    '',
    '### GitHub',
    '',
    '**Senior Software Engineer** — Actions Runtime — Go, Redis',
    '*Jan 2020* – *current*',
    '- Scaled the runner scheduler.',
    '',
    '### Microsoft',
    '',
    '**Software Engineer II** — Pipelines Team — C#, TypeScript',
    '2015 – 2018',
    '- Maintained the pipelines UI.',
  ].join('\n');

  it('reads the second part of a title line as the team, not a new employer', () => {
    expect(roles(text)).toMatchObject([
      { title: 'Senior Software Engineer', employer: 'GitHub', team: 'Actions Runtime', start: 2020 },
      { title: 'Software Engineer II', employer: 'Microsoft', team: 'Pipelines Team', start: 2015 },
    ]);
  });

  it('takes technologies on a title line as the stack, never as the employer', () => {
    const [github, microsoft] = roles(text);
    expect(github?.technologies).toEqual(expect.arrayContaining(['Go', 'Redis']));
    expect(microsoft?.technologies).toEqual(expect.arrayContaining(['C#', 'TypeScript']));
  });

  it('keeps two titles on one line together', () => {
    const block = ['EXPERIENCE', '', '• Wakam', 'Craft Coach - Staff Engineer', 'May 2024 - Oct 2024'];
    expect(roles(block.join('\n'))).toMatchObject([
      { title: 'Craft Coach, Staff Engineer', employer: 'Wakam' },
    ]);
  });

  it('lets a dated "Title | Employer" line name its own employer after a company line', () => {
    const block = [
      'EXPERIENCE',
      '',
      'Sabbatical | Manufacture Chanson | Paris | Sep 2021 – Jun 2022',
      'Software Engineer | OpenAirlines | Toulouse | Mar 2018 – Aug 2020',
    ];
    expect(roles(block.join('\n')).map((r) => r.employer)).toEqual(['Manufacture Chanson', 'OpenAirlines']);
  });

  it('reads a lone technology-named employer as the employer ("Tech Lead, Hazelcast")', () => {
    const block = ['Experience', '', 'Tech Lead, Hazelcast', 'Mar 2018 – Sep 2021'];
    expect(roles(block.join('\n'))).toMatchObject([{ title: 'Tech Lead', employer: 'Hazelcast' }]);
  });

  it('reads a role condensed onto one bullet, with the technologies of its description', () => {
    const block = [
      'Earlier Career',
      '• Developer, Consolidated Messenger, Chicago (2001 – 2004) — parcel tracking back end in Perl and Java.',
    ];
    expect(roles(block.join('\n'))).toMatchObject([
      { title: 'Developer', employer: 'Consolidated Messenger', start: 2001, technologies: ['Perl', 'Java'] },
    ]);
  });

  it('keeps a company whose name ends in its trade ("Contoso Pharmaceuticals") whole', () => {
    const block = ['Experience', '', 'Web Developer, Contoso Pharmaceuticals', '2014 – 2016'];
    expect(roles(block.join('\n'))).toMatchObject([{ employer: 'Contoso Pharmaceuticals', team: null }]);
  });

  it('does not read "iOS Developer, Tailwind Traders" as a list of technologies', () => {
    const block = ['Experience', '', 'Jan 2014 – Apr 2016', 'iOS Developer, Tailwind Traders (Austin, TX)'];
    expect(roles(block.join('\n'))).toMatchObject([{ title: 'iOS Developer', employer: 'Tailwind Traders' }]);
  });

  it('knows titles outside software ("Physiotherapist", "Copywriter", "Cohort Member")', () => {
    const block = [
      'Experience',
      '',
      'Copywriter, Teach Away',
      '2016 – 2018',
      '',
      'Physiotherapist, Northwind Clinic',
      '2012 – 2016',
    ];
    expect(roles(block.join('\n')).map((r) => [r.title, r.employer])).toEqual([
      ['Copywriter', 'Teach Away'],
      ['Physiotherapist', 'Northwind Clinic'],
    ]);
  });

  it('reads a form-like CV (Europass rows), the employer named after the work', () => {
    const block = [
      'Work experience',
      'Dates | 2018 – Today',
      'Occupation or position held | Lead Cloud Architect',
      'Main activities and responsibilities',
      'Design of the Azure landing zone used by 40 product teams with Terraform',
      'Name and address of employer | Contoso GmbH, Arnulfstraße 60, Munich',
      'Type of business or sector | Automotive software',
      'Dates | 04/2014 – 12/2017',
      'Occupation or position held | Senior Developer',
      'Name and address of employer | SAP SE, Walldorf, Germany',
    ];
    expect(roles(block.join('\n')).map((r) => [r.title, r.employer, r.start])).toEqual([
      ['Lead Cloud Architect', 'Contoso GmbH', 2018],
      ['Senior Developer', 'SAP SE', 2014],
    ]);
  });

  it('reads a table of client engagements as the role’s work, not as roles', () => {
    const block = [
      'Experience',
      '## Thoughtworks — Manchester',
      '### Principal Consultant   June 2021 – present',
      'Client | Period | Stack',
      'A UK high-street bank | 2023 – present | Kotlin, Kafka',
      'NHS England | 2021 – 2023 | Python, Terraform',
    ];
    const found = roles(block.join('\n'));
    expect(found.map((r) => [r.title, r.employer])).toEqual([['Principal Consultant', 'Thoughtworks']]);
    expect(found[0]?.technologies).toEqual(
      expect.arrayContaining(['Kotlin', 'Kafka', 'Python', 'Terraform']),
    );
  });

  it('warns about a date after today, and keeps it as written', () => {
    const { roles: found, warnings } = extractRoles(
      toLines('Experience\n\nEngineer, Contoso\n2031 – 2035\n\nEngineer, Fabrikam\n2019 – 2021'),
      lexicon,
      { year: 2026, month: 11 },
    );
    expect(found.map((r) => r.start?.year)).toEqual([2031, 2019]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'FUTURE_DATE', line: 3 })]);
  });

  it('keeps a legal suffix with its company and reads titles in other languages', () => {
    const block = [
      'Experience',
      '',
      'Litware, Inc., San Francisco, CA',
      'Engineering Manager — March 2021 - Present',
      '',
      'Développeuse logiciel, Dassault Systèmes',
      '2016 – 2019',
      '',
      'Werkstudentin Softwareentwicklung, Siemens',
      '2014 – 2016',
    ];
    expect(roles(block.join('\n')).map((r) => [r.title, r.employer])).toEqual([
      ['Engineering Manager', 'Litware, Inc.'],
      ['Développeuse logiciel', 'Dassault Systèmes'],
      ['Werkstudentin Softwareentwicklung', 'Siemens'],
    ]);
  });

  it('reads a German Lebenslauf: headings, "seit", the name in its personal-details block', () => {
    const text = [
      'LEBENSLAUF',
      '',
      'Persönliche Daten',
      'Name:                 Lena Beispiel',
      'E-Mail:               lena@example.org',
      '',
      'Berufserfahrung',
      'seit 03/2020          Senior Data Engineer',
      '                      Contoso Deutschland GmbH, München',
      '',
      'Ausbildung',
      '10/2014 – 09/2016     Master of Science Informatik',
    ].join('\n');
    const parsed = parseResume(text, lexicon);
    expect(parsed.person.name).toBe('Lena Beispiel');
    expect(parsed.roles).toMatchObject([
      {
        title: 'Senior Data Engineer',
        employer: 'Contoso Deutschland GmbH',
        current: true,
        start: { year: 2020, month: 3 },
      },
    ]);
  });
});

describe('roles nested under a dated company line (total tenure)', () => {
  const text = [
    'EXPERIENCE',
    '',
    'Spotify — Stockholm                                    Aug 2016 – present (9 yrs 4 mos)',
    '',
    '  Engineering Manager, Payments Platform               Apr 2021 – present',
    '    • Manage 9 engineers in two squads.',
    '',
    '  Senior Backend Engineer, Payments Platform           Jan 2019 – Mar 2021',
    '    • Led the move of the invoice ledger to Cassandra.',
    '',
    '  Backend Engineer                                     Aug 2016 – Dec 2018',
    '    • Receipt and refund services in Python.',
    '',
    'iZettle (acquired by PayPal) — Stockholm                Feb 2014 – Jul 2016',
    '  Software Engineer',
    '    • Card-reader transaction backend in Java.',
    '',
    'Satispay S.p.A.',
    'Tirocinante                                            2013',
  ].join('\n');
  it('keeps every sub-role at the company, the second name being a team; lower-case brands and S.p.A. are companies', () => {
    expect(roles(text).map((r) => [r.title, r.employer, r.team, r.start])).toEqual([
      ['Engineering Manager', 'Spotify', 'Payments Platform', 2021],
      ['Senior Backend Engineer', 'Spotify', 'Payments Platform', 2019],
      ['Backend Engineer', 'Spotify', null, 2016],
      ['Software Engineer', 'iZettle', null, 2014],
      ['Tirocinante', 'Satispay S.p.A.', null, 2013],
    ]);
  });
  it('reads "Client engagements" and "Internships" as experience, and a bullet sentence with a year as prose', () => {
    const r = roles(
      [
        'CLIENT ENGAGEMENTS',
        '(freelance, invoiced through my own company; client first)',
        '',
        'Booking.com — Contract Platform Engineer (Mar. 2024 – Present)',
        '  - Moved batch jobs to Spark.',
        '  • On-call lead for Cyber Week 2016.',
        '',
        'Internships',
        'Mobile Co-op Student at Ritual, Toronto',
        'JANUARY 2015 — APRIL 2015',
      ].join('\n'),
    );
    expect(r.map((x) => [x.title, x.employer, x.start])).toEqual([
      ['Contract Platform Engineer', 'Booking.com', 2024],
      ['Mobile Co-op Student', 'Ritual', 2015],
    ]);
  });
});

describe('names in scripts without capitals, with emoji or honorifics', () => {
  const nameOf = (first: string) =>
    parseResume(`${first}\nx@example.com\n\nEXPERIENCE\nDeveloper, Contoso\n2019 – 2021`, lexicon).person
      .name;
  it('reads Arabic, Hebrew and Chinese names, keeps an emoji as written, and drops "Dr."', () => {
    expect(nameOf('ليلى حداد 🌙')).toBe('ليلى حداد 🌙');
    expect(nameOf('יעל כהן')).toBe('יעל כהן');
    expect(nameOf('王小明')).toBe('王小明');
    expect(nameOf('Dr. Yael Cohen')).toBe('Yael Cohen');
    expect(nameOf('Senior Software Engineer')).toBeNull();
  });
});
