import DataLoader from 'dataloader';
import type { GraphReader } from '../graph/graphReader.ts';
import type {
  CompanyRow,
  EducationRow,
  PersonRow,
  ProvenanceRow,
  RoleRow,
  SourceRow,
  TechnologyRow,
} from './rows.ts';

/** Groups rows of a batch query by key, in the order of the keys asked for. */
function grouped<R, V>(
  ids: readonly string[],
  rows: R[],
  key: (row: R) => string,
  value: (row: R) => V,
): V[][] {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    if (!map.has(k)) map.set(k, []);
    map.get(k)?.push(value(row));
  }
  return ids.map((id) => map.get(id) ?? []);
}

function byId<R extends { id: string }>(ids: readonly string[], rows: R[]): (R | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/**
 * One set of DataLoaders per request: every nested field of a page is fetched with one Cypher query
 * per kind, whatever the page size (no N+1).
 */
export function createLoaders(graph: GraphReader) {
  const list = <T>(name: string, keyField: string, field: string) =>
    new DataLoader<string, T[]>(async (ids) => {
      const rows = await graph.read<Record<string, unknown>>(name, { ids: [...ids] });
      return grouped(
        ids,
        rows,
        (r) => r[keyField] as string,
        (r) => r[field] as T,
      );
    });
  return {
    person: new DataLoader<string, PersonRow | null>(async (ids) =>
      byId(
        ids,
        (await graph.read<{ person: PersonRow }>('api/personsByIds', { ids: [...ids] })).map((r) => r.person),
      ),
    ),
    role: new DataLoader<string, RoleRow | null>(async (ids) =>
      byId(
        ids,
        (await graph.read<{ role: RoleRow }>('api/rolesByIds', { ids: [...ids] })).map((r) => r.role),
      ),
    ),
    company: new DataLoader<string, CompanyRow | null>(async (ids) =>
      byId(
        ids,
        (await graph.read<{ company: CompanyRow }>('api/companiesByIds', { ids: [...ids] })).map(
          (r) => r.company,
        ),
      ),
    ),
    technology: new DataLoader<string, TechnologyRow | null>(async (ids) =>
      byId(
        ids,
        (await graph.read<{ technology: TechnologyRow }>('api/technologiesByIds', { ids: [...ids] })).map(
          (r) => r.technology,
        ),
      ),
    ),
    rolesOfPerson: list<RoleRow>('api/rolesByPersons', 'personId', 'role'),
    technologiesOfRole: list<string>('api/technologiesByRoles', 'roleId', 'technologyId'),
    technologiesOfPerson: list<string>('api/technologiesByPersons', 'personId', 'technologyId'),
    stackOfRole: list<ProvenanceRow>('api/stackByRoles', 'roleId', 'used'),
    skillsOfPerson: list<ProvenanceRow>('api/skillsByPersons', 'personId', 'skill'),
    companiesOfPerson: list<string>('api/companiesByPersons', 'personId', 'companyId'),
    educationOfPerson: list<EducationRow>('api/educationByPersons', 'personId', 'education'),
    sourcesOfPerson: list<SourceRow>('api/sourcesByPersons', 'personId', 'source'),
    subsidiariesOfCompany: list<string>('api/subsidiariesByCompanies', 'companyId', 'subsidiaryId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
