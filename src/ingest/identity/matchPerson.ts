/** What is known of a résumé's person before it is written. */
export interface PersonCandidate {
  candidateId: string;
  email: string | null;
  nameKey: string | null;
  /** "companyId|year" of each dated role: the career fingerprint. */
  fingerprint: string[];
}

/** A person already in the graph that may be the same. */
export interface ExistingPerson {
  id: string;
  email: string | null;
  nameKey: string | null;
  fingerprint: string[];
}

export type MatchDecision =
  | { kind: 'same'; id: string; reason: 'email' | 'name+career' | 'career' }
  | { kind: 'new'; possibleDuplicates: string[] };

/** Shared (company, start year) pairs needed to call two careers the same. */
const MIN_SHARED_ROLES = 2;

function shared(a: string[], b: string[]): number {
  const set = new Set(a);
  return new Set(b.filter((x) => set.has(x))).size;
}

/**
 * Decides whether a résumé's person is someone already in the graph: the same email; else the same
 * name and the same career (two or more employers with the same start years); else, for a résumé with
 * neither name nor email, the same career alone. Two people who merely share a name are never merged:
 * they are returned as possible duplicates for review. Pure.
 */
export function matchPerson(candidate: PersonCandidate, existing: ExistingPerson[]): MatchDecision {
  if (candidate.email) {
    const byEmail = existing.find((p) => p.email === candidate.email);
    if (byEmail) return { kind: 'same', id: byEmail.id, reason: 'email' };
  }
  const careerOf = (p: ExistingPerson) => shared(candidate.fingerprint, p.fingerprint);
  const enough = (p: ExistingPerson) =>
    careerOf(p) >= Math.min(MIN_SHARED_ROLES, Math.max(1, new Set(candidate.fingerprint).size));
  if (candidate.nameKey) {
    const namesakes = existing.filter(
      (p) => p.nameKey === candidate.nameKey && p.id !== candidate.candidateId,
    );
    // Different emails on both sides: different people, whatever else they share.
    const compatible = namesakes.filter((p) => !(p.email && candidate.email && p.email !== candidate.email));
    const same = compatible.filter(enough).sort((a, b) => careerOf(b) - careerOf(a))[0];
    if (same) return { kind: 'same', id: same.id, reason: 'name+career' };
    return { kind: 'new', possibleDuplicates: namesakes.map((p) => p.id) };
  }
  if (!candidate.email) {
    const same = existing
      .filter((p) => careerOf(p) >= MIN_SHARED_ROLES)
      .sort((a, b) => careerOf(b) - careerOf(a))[0];
    if (same) return { kind: 'same', id: same.id, reason: 'career' };
  }
  return { kind: 'new', possibleDuplicates: [] };
}
