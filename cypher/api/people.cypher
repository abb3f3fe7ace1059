// People matching a filter, a page of them and the total. The entry point is the most selective filter
// given: a company (by any name, subsidiaries included), else a technology, else every person.
CALL () {
  WITH 1 AS entry WHERE size($companyKeys) > 0
  MATCH (n:CompanyName)-[:NAMES]->(root:Company) WHERE n.key IN $companyKeys
  MATCH (c:Company)-[:PART_OF*0..4]->(root)
  MATCH (c)<-[:AT]-(:Role)<-[:HELD]-(p:Person)
  RETURN p
  UNION
  WITH 1 AS entry WHERE size($companyKeys) = 0 AND size($technologyKeys) > 0
  MATCH (n:TechnologyName)-[:NAMES]->(t:Technology) WHERE n.key IN $technologyKeys
  MATCH (t)<-[:SKILLED_IN]-(p:Person)
  RETURN p
  UNION
  WITH 1 AS entry WHERE size($companyKeys) = 0 AND size($technologyKeys) > 0
  MATCH (n:TechnologyName)-[:NAMES]->(t:Technology) WHERE n.key IN $technologyKeys
  MATCH (t)<-[:USED]-(:Role)<-[:HELD]-(p:Person)
  RETURN p
  UNION
  WITH 1 AS entry WHERE size($companyKeys) = 0 AND size($technologyKeys) = 0
  MATCH (p:Person)
  RETURN p
}
WITH DISTINCT p
WHERE ($name IS NULL OR toLower(p.name) CONTAINS $name)
  AND ($title IS NULL OR EXISTS { MATCH (p)-[:HELD]->(r:Role) WHERE toLower(r.title) CONTAINS $title })
  AND ($location IS NULL OR toLower(coalesce(p.location, '')) CONTAINS $location
       OR EXISTS { MATCH (p)-[:HELD]->(r:Role) WHERE toLower(r.location) CONTAINS $location })
  AND (size($technologyKeys) = 0 OR EXISTS {
         MATCH (n:TechnologyName)-[:NAMES]->(t:Technology) WHERE n.key IN $technologyKeys
         AND ((p)-[:SKILLED_IN]->(t) OR EXISTS { (p)-[:HELD]->(:Role)-[:USED]->(t) }) })
WITH p ORDER BY p.name, p.id
WITH collect(p) AS matched
RETURN size(matched) AS totalCount,
       [x IN matched[$skip..($skip + $limit)] | x {.id, .name, .email, .location, .headline, .links}] AS people
