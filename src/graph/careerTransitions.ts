import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { cypher } from './cypherFiles.ts';

/** One move: a person's role at the `from` company and a later role at the `to` company. */
export interface CareerTransition {
  personId: string;
  name: string | null;
  fromRoleId: string;
  fromCompany: string;
  fromTitle: string | null;
  fromStart: string | null;
  fromEnd: string | null;
  toRoleId: string;
  toCompany: string;
  toTitle: string | null;
  toStart: string | null;
  toEnd: string | null;
}

/** "Who worked at A and later at B?", subsidiaries of either included; a read transaction. */
export async function careerTransitions(
  driver: Driver,
  args: { from: string; to: string; limit?: number },
  database?: string,
): Promise<CareerTransition[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) =>
      tx.run(cypher('queries/careerTransitions'), {
        from: args.from,
        to: args.to,
        limit: neo4j.int(args.limit ?? 100),
      }),
    );
    return result.records.map((r) => r.toObject() as CareerTransition);
  } finally {
    await session.close();
  }
}
