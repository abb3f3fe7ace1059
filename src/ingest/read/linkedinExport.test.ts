import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import type { ParsedResume } from '../../model/resume.ts';
import { isLinkedInExportFolder, linkedinExportToParsed, parseCsv } from './linkedinExport.ts';

const lexicon = createLexicon(loadReferenceData());

// A fictional export, written for these tests, in the layout LinkedIn uses (CRLF, quoted cells).
const PROFILE = [
  'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers',
  'Gil,Marsh,,,,"Platform Engineer, Payments","Builds things, mostly in Go.",Software Development,,"Lisbon, Portugal",[gilmarsh],"[PERSONAL:https://gil.example.org,COMPANY:https://contoso.example.com]",',
].join('\r\n');
const POSITIONS = [
  'Company Name,Title,Description,Location,Started On,Finished On',
  'Contoso,Senior Platform Engineer,"Runs the payments platform.',
  '- Moved batch jobs to Kafka and Go',
  '- Tech: Kubernetes, PostgreSQL","Lisbon, Portugal",Mar 2021,',
  '"Fabrikam, Inc.",Software Engineer,"Wrote the ""ledger"" service in Java",,Jun 2017,Feb 2021',
  'Northwind Traders,Intern,,,Jan 2017,May 2016',
].join('\r\n');
const SKILLS = 'Name\r\nGo\r\nKafka\r\n"Distributed Systems, Design"\r\n';
const EDUCATION = [
  'School Name,Start Date,End Date,Notes,Degree Name,Activities',
  'University of Lisbon,2012,2016,,"Bachelor of Science, Computer Science",Chess club',
].join('\r\n');
const EMAILS = [
  'Email Address,Confirmed,Primary,Updated On',
  'old@example.org,Yes,No,2015-01-01',
  'gil@example.org,Yes,Yes,2020-01-01',
].join('\r\n');

function convert(files: Record<string, string>): ParsedResume {
  const result = linkedinExportToParsed(files, lexicon);
  if ('error' in result) throw new Error(result.error);
  return result.resume;
}

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and newlines, and the line each record starts on', () => {
    const result = parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\r\nthere"\r\n\r\nlast,\n');
    expect(result).toEqual({
      records: [
        { cells: ['a', 'b'], cellLines: [1, 1], line: 1, endLine: 1 },
        { cells: ['x, y', 'say "hi"\r\nthere'], cellLines: [2, 2], line: 2, endLine: 3 },
        { cells: ['last', ''], cellLines: [5, 5], line: 5, endLine: 5 },
      ],
    });
  });

  it('reports a quoted cell that never ends', () => {
    expect(parseCsv('a,b\n"open,1\n')).toEqual({ error: 'a quoted field starting on line 2 never ends' });
  });
});

describe('linkedinExportToParsed', () => {
  it('reads profile, positions, skills, education and the primary email', () => {
    const resume = convert({
      'Profile.csv': PROFILE,
      'Positions.csv': POSITIONS,
      'Skills.csv': SKILLS,
      'Education.csv': EDUCATION,
      'Email Addresses.csv': EMAILS,
    });
    expect(resume.person).toEqual({
      name: 'Gil Marsh',
      email: 'gil@example.org',
      phone: null,
      location: 'Lisbon, Portugal',
      headline: 'Platform Engineer, Payments',
      links: ['https://gil.example.org', 'https://contoso.example.com', 'https://twitter.com/gilmarsh'],
      line: 2,
    });
    expect(
      resume.roles.map((r) => ({
        employer: r.employer,
        title: r.title,
        location: r.location,
        start: r.start,
        end: r.end,
        current: r.current,
        lines: r.lines,
      })),
    ).toEqual([
      {
        employer: 'Contoso',
        title: 'Senior Platform Engineer',
        location: 'Lisbon, Portugal',
        start: { year: 2021, month: 3 },
        end: null,
        current: true,
        lines: [2, 4],
      },
      {
        employer: 'Fabrikam, Inc.',
        title: 'Software Engineer',
        location: null,
        start: { year: 2017, month: 6 },
        end: { year: 2021, month: 2 },
        current: false,
        lines: [5, 5],
      },
      {
        employer: 'Northwind Traders',
        title: 'Intern',
        location: null,
        start: { year: 2017, month: 1 },
        end: { year: 2016, month: 5 },
        current: false,
        lines: [6, 6],
      },
    ]);
    expect(resume.roles[0]?.technologies).toEqual([
      { name: 'Kafka', line: 3 },
      { name: 'Go', line: 3 },
      { name: 'Kubernetes', line: 4 },
      { name: 'PostgreSQL', line: 4 },
    ]);
    expect(resume.roles[1]?.technologies.map((t) => t.name)).toEqual(['Java']);
    expect(resume.skills).toEqual([
      { name: 'Go', category: null, line: 2 },
      { name: 'Kafka', category: null, line: 3 },
      { name: 'Distributed Systems, Design', category: null, line: 4 },
    ]);
    expect(resume.education).toEqual([
      {
        school: 'University of Lisbon',
        degree: 'Bachelor of Science',
        field: 'Computer Science',
        start: { year: 2012 },
        end: { year: 2016 },
        line: 2,
      },
    ]);
    expect(resume.warnings.map((w) => [w.code, w.line])).toEqual([['END_BEFORE_START', 6]]);
  });

  it('needs Positions.csv; the other files are optional', () => {
    const missing = linkedinExportToParsed({ 'Profile.csv': PROFILE }, lexicon);
    expect('error' in missing && missing.error).toContain('Positions.csv');
    const noHeader = linkedinExportToParsed({ 'Positions.csv': 'a,b\n1,2\n' }, lexicon);
    expect('error' in noHeader && noHeader.error).toBe(
      'Positions.csv has no header row with Company Name, Title',
    );
    const resume = convert({ 'export/Positions.csv': POSITIONS, 'Skills.csv': '"broken\n' });
    expect(resume.roles).toHaveLength(3);
    expect(resume.person.name).toBeNull();
    expect(resume.warnings.map((w) => w.code)).toEqual(['NO_NAME', 'END_BEFORE_START', 'OTHER']);
  });

  it('recognises an export folder by its file names', () => {
    expect(isLinkedInExportFolder(['Profile.csv', 'Positions.csv', 'Skills.csv'])).toBe(true);
    expect(isLinkedInExportFolder(['data/Profile.csv', 'data/Connections.csv'])).toBe(true);
    expect(isLinkedInExportFolder(['Positions.csv'])).toBe(false);
    expect(isLinkedInExportFolder(['Skills.csv', 'Education.csv'])).toBe(false);
    expect(isLinkedInExportFolder(['cv.md', 'notes.txt'])).toBe(false);
  });
});
