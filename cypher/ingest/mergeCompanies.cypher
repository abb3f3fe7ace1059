// Companies with every name they were written as; each name also becomes a CompanyName for lookups.
// Parents come first in $companies, so PART_OF always finds its target. A company already stored with
// all these names is only read: writing it anyway would lock the busiest companies in every batch.
UNWIND $companies AS c
MERGE (company:Company {id: c.id})
  ON CREATE SET company.name = c.name, company.aliases = []
WITH company, c, [a IN c.aliases WHERE NOT a IN coalesce(company.aliases, [])] AS added
CALL (company, added) {
  WITH company, added WHERE size(added) > 0 OR company.aliasText IS NULL
  SET company.aliases = reduce(acc = coalesce(company.aliases, []), a IN added | CASE WHEN a IN acc THEN acc ELSE acc + a END)
  SET company.aliasText = reduce(t = '', a IN company.aliases | t + ' ' + a)
  WITH company
  UNWIND [company.name] + company.aliases AS written
  WITH DISTINCT company, toLower(written) AS key
  MERGE (n:CompanyName {key: key})
    ON CREATE SET n.companyId = company.id
  MERGE (n)-[:NAMES]->(company)
}
CALL (company, c) {
  WITH c WHERE c.parentId IS NOT NULL
  MATCH (parent:Company {id: c.parentId})
  MERGE (company)-[rel:PART_OF]->(parent)
  WITH rel, c WHERE rel.kind IS NULL OR c.kind IS NULL OR rel.kind <> c.kind
  SET rel.kind = c.kind
}
RETURN count(*) AS companies
