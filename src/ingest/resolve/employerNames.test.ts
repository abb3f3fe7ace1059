import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../lexicon/lexicon.ts';
import { loadReferenceData } from '../../lexicon/loadReferenceData.ts';
import { resolveEmployers } from './employerNames.ts';

const lexicon = createLexicon(loadReferenceData());
const names = (written: string[]) => {
  const resolved = resolveEmployers(written, lexicon);
  return written.map((w) => [resolved.get(w)?.name, resolved.get(w)?.acquiredBy]);
};

describe('resolveEmployers', () => {
  it('drops legal suffixes and resolves aliases', () => {
    expect(names(['Contoso Ltd', 'AWS'])).toEqual([
      ['Contoso', null],
      ['Amazon Web Services', null],
    ]);
  });

  it('reads "X / Y" and "X (acquired by Y)" as X, part of Y', () => {
    expect(names(['Wunderkit / Microsoft', 'Brightline (acquired by Fabrikam)'])).toEqual([
      ['Wunderkit', 'Microsoft'],
      ['Brightline', 'Fabrikam'],
    ]);
    expect(names(['Frontend/Backend'])).toEqual([['Frontend/Backend', null]]);
  });

  it('corrects a typo of an employer the résumé names several times', () => {
    expect(names(['Contoso', 'Contoso Ltd', 'Contsoo'])).toEqual([
      ['Contoso', null],
      ['Contoso', null],
      ['Contoso', null],
    ]);
  });

  it('never rewrites a known company, nor a name the résumé uses only once beside another used once', () => {
    expect(names(['Fabrikam', 'Fabrikam', 'Proseware'])).toEqual([
      ['Fabrikam', null],
      ['Fabrikam', null],
      ['Proseware', null],
    ]);
    // "Contosa Labs" is another company, not a typo: too far from "Contoso".
    expect(names(['Contoso', 'Contoso', 'Contosa Labs']).map(([n]) => n)).toEqual([
      'Contoso',
      'Contoso',
      'Contosa Labs',
    ]);
    // Two unknown names once each: no evidence which is right.
    expect(names(['Acmex Widgets', 'Acmes Widgets']).map(([n]) => n)).toEqual([
      'Acmex Widgets',
      'Acmes Widgets',
    ]);
  });
});
