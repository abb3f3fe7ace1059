import type { ResolvedCompany, ResolvedTechnology } from '../ingest/resolve/resolvedResume.ts';

interface KnownCompany {
  parentId: string | null;
  kind: string | null;
  aliases: Set<string>;
}

/**
 * The companies and technologies one ingest run has already committed, with every alias written for
 * them. A later batch sends only what is new: re-merging Python or Amazon in every batch costs the
 * database a lookup, an alias check and a name MERGE per entity, and serialising them costs the ingest
 * process as much again. Lives for one run (one process): anything another process does to the graph
 * meanwhile is not seen, which is why a run never trusts it for data it has not committed itself.
 */
export class CommittedEntities {
  readonly #companies = new Map<string, KnownCompany>();
  readonly #technologies = new Map<string, Set<string>>();

  /** The companies of a batch that are not yet stored as given (new, new alias, new parent). */
  companiesToWrite(companies: ResolvedCompany[]): ResolvedCompany[] {
    return companies.filter((c) => {
      const known = this.#companies.get(c.id);
      return (
        !known ||
        known.parentId !== c.parentId ||
        known.kind !== c.kind ||
        c.aliases.some((a) => !known.aliases.has(a))
      );
    });
  }

  /** The technologies of a batch that are not yet stored with every alias given. */
  technologiesToWrite(technologies: ResolvedTechnology[]): ResolvedTechnology[] {
    return technologies.filter((t) => {
      const known = this.#technologies.get(t.id);
      return !known || t.aliases.some((a) => !known.has(a));
    });
  }

  /** Records what a committed transaction wrote. Call only after the commit succeeded. */
  recordCommitted(companies: ResolvedCompany[], technologies: ResolvedTechnology[]): void {
    for (const c of companies) {
      const known = this.#companies.get(c.id);
      if (!known || known.parentId !== c.parentId || known.kind !== c.kind) {
        this.#companies.set(c.id, {
          parentId: c.parentId,
          kind: c.kind,
          aliases: new Set([...(known?.aliases ?? []), ...c.aliases]),
        });
      } else for (const a of c.aliases) known.aliases.add(a);
    }
    for (const t of technologies) {
      const known = this.#technologies.get(t.id);
      if (!known) this.#technologies.set(t.id, new Set(t.aliases));
      else for (const a of t.aliases) known.add(a);
    }
  }
}
