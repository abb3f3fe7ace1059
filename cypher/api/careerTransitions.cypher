// People who held a role at $fromKeys' company (or a company PART_OF it) and a later role at $toKeys'
// company (or its subsidiaries), one row per pair of roles. Starts from the two companies' names (index
// seeks on CompanyName.key), never from every person, and walks from whichever family has fewer roles
// (degrees read from the store, not counted): the other family is only a list to check against, so a
// giant paired with a small company costs what the small one does. Year-only dates count as mid-year
// for the gap.
MATCH (fn:CompanyName)-[:NAMES]->(fromRoot:Company) WHERE fn.key IN $fromKeys
WITH fromRoot LIMIT 1
MATCH (tn:CompanyName)-[:NAMES]->(toRoot:Company) WHERE tn.key IN $toKeys
WITH fromRoot, toRoot LIMIT 1
CALL (fromRoot) {
  MATCH (c:Company)-[:PART_OF*0..4]->(fromRoot)
  WITH DISTINCT c
  RETURN collect(c) AS fromCos, sum(COUNT { (c)<-[:AT]-() }) AS fromRoles
}
CALL (toRoot) {
  MATCH (c:Company)-[:PART_OF*0..4]->(toRoot)
  WITH DISTINCT c
  RETURN collect(c) AS toCos, sum(COUNT { (c)<-[:AT]-() }) AS toRoles
}
CALL (fromCos, toCos, fromRoles, toRoles) {
  WITH fromCos, toCos WHERE fromRoles <= toRoles
  UNWIND fromCos AS fromCo
  MATCH (fromCo)<-[:AT]-(a:Role)<-[:HELD]-(p:Person)-[:HELD]->(b:Role)-[:AT]->(toCo:Company)
  WHERE toCo IN toCos AND a <> b AND a.startOrd IS NOT NULL AND b.startOrd > a.startOrd
  RETURN p, a, b, fromCo, toCo
  UNION ALL
  WITH fromCos, toCos WHERE fromRoles > toRoles
  UNWIND toCos AS toCo
  MATCH (toCo)<-[:AT]-(b:Role)<-[:HELD]-(p:Person)-[:HELD]->(a:Role)-[:AT]->(fromCo:Company)
  WHERE fromCo IN fromCos AND a <> b AND a.startOrd IS NOT NULL AND b.startOrd > a.startOrd
  RETURN p, a, b, fromCo, toCo
}
WITH p, a, b, fromCo, toCo,
     CASE WHEN a.end IS NOT NULL AND size(a.end) = 4 THEN toInteger(a.end) * 12 + 5
          WHEN a.end IS NOT NULL THEN a.endOrd
          WHEN a.current THEN $nowOrd END AS aEnd,
     CASE WHEN size(b.start) = 4 THEN toInteger(b.start) * 12 + 5 ELSE b.startOrd END AS bStart
WITH p, a, b, fromCo, toCo, CASE WHEN aEnd IS NULL THEN null ELSE bStart - aEnd END AS gapMonths
WHERE ($withinMonths IS NULL OR (gapMonths IS NOT NULL AND gapMonths <= $withinMonths))
  AND (NOT $directOnly OR NOT EXISTS {
        MATCH (p)-[:HELD]->(x:Role)-[:AT]->(xc:Company)
        WHERE x.startOrd > a.startOrd AND x.startOrd < b.startOrd AND xc <> fromCo AND xc <> toCo })
WITH p, a, b, gapMonths ORDER BY p.name, p.id, a.startOrd, b.startOrd
WITH collect({personId: p.id, fromRoleId: a.id, toRoleId: b.id, gapMonths: gapMonths}) AS moves
RETURN size(moves) AS totalCount, moves[$skip..($skip + $limit)] AS moves
