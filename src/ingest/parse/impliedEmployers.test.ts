import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { parseResume } from './parseResume.ts';

const lexicon = createLexicon(loadReferenceData());
const employers = (text: string) =>
  parseResume(text, lexicon).roles.map((r) => [r.employer, r.employerInferred]);

describe('employers a résumé only implies', () => {
  it('takes the employer from the role’s prose and marks it inferred', () => {
    const text =
      'Experience\n\nPrincipal Engineer\n2016 — 2019\n- Led the rebuild of Fabrikam’s checkout in Go.\n';
    expect(employers(text)).toEqual([['Fabrikam', true]]);
  });

  it('does not take a client for the employer', () => {
    const text =
      'Experience\n\nConsultant\n2016 — 2019\n- Delivered a data platform for Woodgrove Bank on Azure.\n';
    expect(employers(text)).toEqual([[null, false]]);
  });

  it('matches employers listed in the summary to the roles, in order, when the counts agree', () => {
    const text = [
      'Summary',
      'Ten years at companies like Contoso, Fabrikam and Litware.',
      '',
      'Experience',
      '',
      'Lead Engineer',
      '- Led the platform team.',
      '',
      'Senior Engineer',
      '- Built services.',
      '',
      'Engineer',
      '- Wrote tests.',
    ].join('\n');
    expect(employers(text)).toEqual([
      ['Contoso', true],
      ['Fabrikam', true],
      ['Litware', true],
    ]);
  });
});

describe('institutions named in a role’s prose', () => {
  it('takes a school or college named in the text as the employer', () => {
    const text = [
      'Experience',
      '',
      'Chemistry Teacher',
      '2010 – 2014',
      '',
      'Taught GCSE and A-level chemistry at Ashton Park School, Bristol.',
    ].join('\n');
    expect(employers(text)).toEqual([['Ashton Park School', true]]);
  });
});
