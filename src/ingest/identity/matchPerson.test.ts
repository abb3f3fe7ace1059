import { describe, expect, it } from 'vitest';
import { matchPerson } from './matchPerson.ts';

const career = ['company:contoso|2015', 'company:fabrikam|2019'];

describe('matchPerson', () => {
  it('matches on email first', () => {
    expect(
      matchPerson({ candidateId: 'new', email: 'a@example.org', nameKey: null, fingerprint: [] }, [
        { id: 'p1', email: 'a@example.org', nameKey: 'ana', fingerprint: [] },
      ]),
    ).toEqual({ kind: 'same', id: 'p1', reason: 'email' });
  });

  it('matches on name plus the same career', () => {
    expect(
      matchPerson({ candidateId: 'new', email: null, nameKey: 'ana silva', fingerprint: career }, [
        {
          id: 'p1',
          email: 'ana@example.org',
          nameKey: 'ana silva',
          fingerprint: [...career, 'company:x|2010'],
        },
      ]),
    ).toEqual({ kind: 'same', id: 'p1', reason: 'name+career' });
  });

  it('never merges namesakes with different careers; reports them for review', () => {
    expect(
      matchPerson({ candidateId: 'new', email: null, nameKey: 'ana silva', fingerprint: career }, [
        { id: 'p2', email: null, nameKey: 'ana silva', fingerprint: ['company:woodgrove|2015'] },
      ]),
    ).toEqual({ kind: 'new', possibleDuplicates: ['p2'] });
  });

  it('never merges namesakes whose emails differ, even with the same career', () => {
    expect(
      matchPerson({ candidateId: 'new', email: 'b@example.org', nameKey: 'ana silva', fingerprint: career }, [
        { id: 'p3', email: 'a@example.org', nameKey: 'ana silva', fingerprint: career },
      ]),
    ).toEqual({ kind: 'new', possibleDuplicates: ['p3'] });
  });

  it('matches a résumé without name or email on its career alone', () => {
    expect(
      matchPerson({ candidateId: 'new', email: null, nameKey: null, fingerprint: career }, [
        { id: 'p4', email: null, nameKey: 'ana', fingerprint: career },
      ]),
    ).toEqual({ kind: 'same', id: 'p4', reason: 'career' });
  });
});
