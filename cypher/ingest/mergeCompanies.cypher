// Companies with every name they were written as; each name also becomes a CompanyName for lookups.
// Parents come first in $companies, so PART_OF always finds its target.
UNWIND $companies AS c
MERGE (company:Company {id: c.id})
  ON CREATE SET company.name = c.name, company.aliases = []
SET company.aliases = reduce(acc = coalesce(company.aliases, []), a IN c.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
SET company.aliasText = reduce(t = '', a IN company.aliases | t + ' ' + a)
WITH company, c
CALL (company, c) {
  UNWIND [company.name] + company.aliases AS written
  WITH DISTINCT toLower(written) AS key
  MERGE (n:CompanyName {key: key})
    ON CREATE SET n.companyId = company.id
  MERGE (n)-[:NAMES]->(company)
}
CALL (company, c) {
  WITH c WHERE c.parentId IS NOT NULL
  MATCH (parent:Company {id: c.parentId})
  MERGE (company)-[rel:PART_OF]->(parent)
  SET rel.kind = c.kind
}
RETURN count(*) AS companies
