import type { WriteParams } from '../load/writeParams.ts';
import { type ExistingPerson, matchPerson, type PersonCandidate } from './matchPerson.ts';

/** The candidates of a batch: each résumé's person with its email, name and career fingerprint. */
export function candidatesOf(
  params: WriteParams,
): (PersonCandidate & { pairs: { companyId: string; year: number }[] })[] {
  return params.resumes.map((r) => {
    const roles = params.roles.filter(
      (role) => role.sourceId === r.source.id && role.companyId && typeof role.props.startOrd === 'number',
    );
    const pairs = roles.map((role) => ({
      companyId: role.companyId as string,
      year: Math.floor((role.props.startOrd as number) / 12),
    }));
    return {
      candidateId: r.person.id,
      email: r.person.email,
      nameKey: r.person.name ? r.person.name.toLowerCase() : null,
      fingerprint: pairs.map((p) => `${p.companyId}|${p.year}`),
      pairs,
    };
  });
}

/**
 * Gives each résumé of a batch its person: someone already in the graph, an earlier résumé of the same
 * batch (the same person's PDF and Markdown ingested together), or a new person. Returns the params
 * with person ids rewritten, and the pairs to link as possible duplicates. Pure.
 */
export function resolvePeople(
  params: WriteParams,
  existing: Map<string, ExistingPerson[]>,
): { params: WriteParams; possibleDuplicates: { a: string; b: string; reason: string }[] } {
  const candidates = candidatesOf(params);
  const finalId = new Map<string, string>();
  const seen: ExistingPerson[] = [];
  const possibleDuplicates: { a: string; b: string; reason: string }[] = [];
  for (const c of candidates) {
    const pool = [...(existing.get(c.candidateId) ?? []), ...seen];
    const decision = matchPerson(c, pool);
    const id = decision.kind === 'same' ? decision.id : c.candidateId;
    finalId.set(c.candidateId, id);
    if (decision.kind === 'new')
      for (const other of decision.possibleDuplicates)
        possibleDuplicates.push({ a: id, b: other, reason: 'same name' });
    seen.push({ id, email: c.email, nameKey: c.nameKey, fingerprint: c.fingerprint });
  }
  const remap = (id: string) => finalId.get(id) ?? id;
  return {
    params: {
      ...params,
      resumes: params.resumes.map((r) => ({ ...r, person: { ...r.person, id: remap(r.person.id) } })),
      roles: params.roles.map((role) => ({ ...role, personId: remap(role.personId) })),
    },
    possibleDuplicates,
  };
}
