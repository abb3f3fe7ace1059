import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ExistingPerson } from '../ingest/identity/matchPerson.ts';
import { candidatesOf, resolvePeople } from '../ingest/identity/resolvePeople.ts';
import type { WriteParams } from '../ingest/load/writeParams.ts';
import type { CommittedEntities } from './committedEntities.ts';
import { cypher } from './cypherFiles.ts';
import { toCypherParams, toPlain } from './plain.ts';

/** Counts of one batch write. */
export interface WriteResult {
  written: string[];
  unchanged: string[];
  /** The person each written source was attached to, by source key (may be someone already known). */
  people: Record<string, string>;
}

async function existingPeople(
  tx: ManagedTransaction,
  params: WriteParams,
): Promise<Map<string, ExistingPerson[]>> {
  const result = await tx.run(
    cypher('ingest/findPeople'),
    toCypherParams({ candidates: candidatesOf(params) }),
  );
  const found = new Map<string, ExistingPerson[]>();
  for (const record of result.records) {
    const row = toPlain(record.toObject()) as ExistingPerson & { candidateId: string };
    const list = found.get(row.candidateId) ?? [];
    list.push({ id: row.id, email: row.email, nameKey: row.nameKey, fingerprint: row.fingerprint });
    found.set(row.candidateId, list);
  }
  return found;
}

/**
 * Writes a batch of résumés in ONE write transaction (all of a résumé or none of it): skips sources
 * whose sha256 is already stored, removes what changed sources said before, attaches each résumé to the
 * person it describes (same email; same name and career; never a mere namesake), writes every node and
 * relationship with a handful of UNWIND queries, and makes each person's newest source the current one.
 * Retried by the driver on transient errors.
 */
export async function writeResumes(
  driver: Driver,
  input: WriteParams,
  options: {
    database?: string;
    timeoutMs?: number;
    /** What earlier batches of this run committed: those companies and technologies are not re-sent. */
    committed?: CommittedEntities;
  } = {},
): Promise<WriteResult> {
  const { committed } = options;
  const companies = committed ? committed.companiesToWrite(input.companies) : input.companies;
  const technologies = committed ? committed.technologiesToWrite(input.technologies) : input.technologies;
  const session = driver.session({ database: options.database });
  try {
    const result = await session.executeWrite(
      async (tx: ManagedTransaction) => {
        const stored = await tx.run(
          cypher('ingest/sourceVersions'),
          toCypherParams({ sourceIds: input.sourceIds }),
        );
        const storedSha = new Map(
          stored.records.map((r) => [r.get('id') as string, r.get('sha256') as string]),
        );
        const unchanged = input.resumes
          .filter((r) => storedSha.get(r.source.id) === r.source.sha256)
          .map((r) => r.source.key);
        const freshIds = new Set(
          input.resumes.filter((r) => storedSha.get(r.source.id) !== r.source.sha256).map((r) => r.source.id),
        );
        if (freshIds.size === 0) return { written: [], unchanged, people: {} };
        const replaced = [...freshIds].filter((id) => storedSha.has(id));
        if (replaced.length)
          await tx.run(cypher('ingest/deleteSourceFacts'), toCypherParams({ sourceIds: replaced }));
        const batch: WriteParams = {
          ...input,
          sourceIds: [...freshIds],
          resumes: input.resumes.filter((r) => freshIds.has(r.source.id)),
          roles: input.roles.filter((r) => freshIds.has(r.sourceId)),
        };
        const { params, possibleDuplicates } = resolvePeople(batch, await existingPeople(tx, batch));
        if (companies.length) await tx.run(cypher('ingest/mergeCompanies'), toCypherParams({ companies }));
        if (technologies.length)
          await tx.run(cypher('ingest/mergeTechnologies'), toCypherParams({ technologies }));
        await tx.run(cypher('ingest/mergePeopleAndSources'), toCypherParams({ resumes: params.resumes }));
        await tx.run(cypher('ingest/createRoles'), toCypherParams({ roles: params.roles }));
        await tx.run(cypher('ingest/createSkillsAndEducation'), toCypherParams({ resumes: params.resumes }));
        if (possibleDuplicates.length)
          await tx.run(
            cypher('ingest/linkPossibleDuplicates'),
            toCypherParams({ pairs: possibleDuplicates }),
          );
        const personIds = [...new Set(params.resumes.map((r) => r.person.id))];
        await tx.run(cypher('ingest/supersedeSources'), toCypherParams({ personIds }));
        return {
          written: params.resumes.map((r) => r.source.key),
          unchanged,
          people: Object.fromEntries(params.resumes.map((r) => [r.source.key, r.person.id])),
        };
      },
      { timeout: options.timeoutMs },
    );
    if (result.written.length) committed?.recordCommitted(companies, technologies);
    return result;
  } finally {
    await session.close();
  }
}
