// People matching a filter, a page of them and the total. With no filter at all (the list of everyone)
// the page comes in order from the Person.name index and the total from the count store, so it costs a
// page, not the graph; people without a name sort last, as ORDER BY puts nulls, and only a page past
// every named person reads them. With a filter, the entry point is the most selective one given: a
// company (by any name, subsidiaries included), else a technology, else every person.
WITH 1 AS entry
WHERE size($companyKeys) = 0 AND size($technologyKeys) = 0 AND $name IS NULL AND $title IS NULL AND $location IS NULL
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS totalCount
}
CALL () {
  MATCH (p:Person) WHERE p.name IS NOT NULL
  WITH p ORDER BY p.name, p.id SKIP $skip LIMIT $limit
  RETURN collect(p) AS named
}
OPTIONAL CALL (named) {
  WITH named WHERE size(named) < $limit
  CALL () {
    MATCH (p:Person) WHERE p.name IS NOT NULL
    RETURN count(p) AS namedCount
  }
  MATCH (p:Person) WHERE p.name IS NULL
  WITH namedCount, p ORDER BY p.id
  WITH namedCount, collect(p) AS unnamed
  WITH unnamed[CASE WHEN $skip > namedCount THEN $skip - namedCount ELSE 0 END..] AS unnamed, named
  RETURN unnamed[..($limit - size(named))] AS rest
}
WITH totalCount, named + coalesce(rest, []) AS page
RETURN totalCount, [x IN page | x {.id, .name, .email, .location, .headline, .links}] AS people
UNION
WITH 1 AS entry
WHERE size($companyKeys) > 0 OR size($technologyKeys) > 0 OR $name IS NOT NULL OR $title IS NOT NULL OR $location IS NOT NULL
CALL () {
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
}
RETURN totalCount, people
