import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { WriteParams } from '../ingest/load/writeParams.ts';
import { cypher } from './cypherFiles.ts';

/** Counts of one batch write. */
export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * Writes a batch of résumés in ONE write transaction (all of a résumé or none of it): skips sources
 * whose sha256 is already stored, removes what changed sources said before, then writes every node
 * and relationship with a handful of UNWIND queries. Retried by the driver on transient errors.
 */
export async function writeResumes(
  driver: Driver,
  params: WriteParams,
  options: { database?: string; timeoutMs?: number } = {},
): Promise<WriteResult> {
  const session = driver.session({ database: options.database });
  try {
    return await session.executeWrite(
      async (tx: ManagedTransaction) => {
        const stored = await tx.run(cypher('ingest/sourceVersions'), { sourceIds: params.sourceIds });
        const storedSha = new Map(
          stored.records.map((r) => [r.get('id') as string, r.get('sha256') as string]),
        );
        const fresh = params.resumes.filter((r) => storedSha.get(r.source.id) !== r.source.sha256);
        const unchanged = params.resumes
          .filter((r) => storedSha.get(r.source.id) === r.source.sha256)
          .map((r) => r.source.key);
        if (fresh.length === 0) return { written: [], unchanged };
        const freshIds = new Set(fresh.map((r) => r.source.id));
        const replaced = fresh.filter((r) => storedSha.has(r.source.id)).map((r) => r.source.id);
        if (replaced.length) await tx.run(cypher('ingest/deleteSourceFacts'), { sourceIds: replaced });
        await tx.run(cypher('ingest/mergeCompanies'), { companies: params.companies });
        await tx.run(cypher('ingest/mergeTechnologies'), { technologies: params.technologies });
        await tx.run(cypher('ingest/mergePeopleAndSources'), { resumes: fresh });
        await tx.run(cypher('ingest/createRoles'), {
          roles: params.roles.filter((r) => freshIds.has(r.sourceId)),
        });
        await tx.run(cypher('ingest/createSkillsAndEducation'), { resumes: fresh });
        return { written: fresh.map((r) => r.source.key), unchanged };
      },
      { timeout: options.timeoutMs },
    );
  } finally {
    await session.close();
  }
}
